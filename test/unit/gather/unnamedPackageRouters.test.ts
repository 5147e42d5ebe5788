// A workspace package's plain router in a file that neither the app nor the package files it
// reaches import by name is another server's: its routes are left out of this app's.
import * as assert from 'node:assert/strict';
import { servedPackageRoutes } from '../../../src/core/gather/appPackages';
import { unnamedPackageRouters } from '../../../src/core/gather/unnamedPackageRouters';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';

const file = (path: string, text: string) => ({ file: path, x: extractRoutesFromSource(text, path) });

const sharedRouter = file('/w/shared/src/oauth-router.ts', "import { Router } from 'express';\nexport const router = Router();\nrouter.post('/github/start', start);\nrouter.get('/github/callback', back);\n");
const sharedHelpers = file('/w/shared/src/index.ts', "export { hashToken } from './tokens.js';\n");

suite('unnamedPackageRouters', () => {
  test("an app importing the package's router file by its subpath keeps its routes", () => {
    const own = [file('/w/auth/src/app.ts', "import express from 'express';\nimport { router } from '@w/shared/oauth-router';\nconst app = express();\napp.use('/oauth', router);\n")];
    const routes = servedPackageRoutes(own, [sharedRouter, sharedHelpers]).flatMap((e) => e.x.routes.map((r) => `${r.method} ${r.path}`));
    assert.deepEqual(routes, ['POST /github/start', 'GET /github/callback']);
  });

  test('an app importing only the package root (its index) does not serve the router file nothing names', () => {
    const own = [file('/w/billing/src/server.ts', "import express from 'express';\nimport { hashToken } from '@w/shared';\nconst app = express();\napp.get('/invoices', list);\n")];
    assert.deepEqual([...unnamedPackageRouters(own, [sharedRouter, sharedHelpers])].map(([f, rs]) => [f, [...rs]]), [['/w/shared/src/oauth-router.ts', ['router']]]);
    const routes = servedPackageRoutes(own, [sharedRouter, sharedHelpers]).flatMap((e) => e.x.routes);
    assert.deepEqual(routes, []);
  });

  test('a package file another package file imports (with its .js extension) stays, and an index file always does', () => {
    const own = [file('/w/billing/src/server.ts', "import { mountAll } from '@w/shared';\n")];
    const index = file('/w/shared/src/index.ts', "import { router } from './oauth-router.js';\nexport const mountAll = (app) => app.use('/oauth', router);\n");
    const api = file('/w/shared/src/api/index.ts', "import { Router } from 'express';\nexport const api = Router();\napi.get('/ping', p);\n");
    assert.deepEqual([...unnamedPackageRouters(own, [sharedRouter, index, api])], []);
  });

  test('an app made and served in a file nothing imports (a Deno entry in a shared folder) keeps its routes: only plain routers need a mount', () => {
    const own = [file('/w/billing/src/server.ts', "import express from 'express';\nconst app = express();\napp.get('/invoices', list);\n")];
    const entry = file('/w/edge/main.ts', "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', h);\nDeno.serve(app.fetch);\n");
    const routes = servedPackageRoutes(own, [entry]).flatMap((e) => e.x.routes.map((r) => `${r.method} ${r.path}`));
    assert.deepEqual(routes, ['GET /']);
  });
});

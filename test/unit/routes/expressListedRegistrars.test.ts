// A TypeScript Express app whose route files each export a default function taking the router
// (`export default (router: Router): void => { router.get(...) }`), registered by a loop over their
// folder listed at run time: `readdirSync(join(__dirname, '../routes')).map(async (file) =>
// (await import(`../routes/${file}`)).default(router))`, the router mounted at /api.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

/** The routes of the files, read with the tree's file list (the listed folder's files). */
function routesOf(sources: Record<string, string>): string[] {
  const given = Object.entries(sources).map(([file, text]) => ({ file, text }));
  return collectRoutes(given, { moduleOf: () => undefined, files: Object.keys(sources) }).routes.map((r) => `${r.method} ${r.path}`);
}

const orders = ["import { Router } from 'express';", 'export default (router: Router): void => {', "  router.get('/orders', (req, res) => res.json([]));", "  router.delete('/orders/:orderId', (req, res) => res.end());", '};'].join('\n');
const health = ["import { Router } from 'express';", 'export default (router: Router): void => {', "  router.get('/health', (req, res) => res.end());", '};'].join('\n');

const files = (loop: string) => ({
  '/s/src/http/routes/orders.ts': orders,
  '/s/src/http/routes/health.ts': health,
  '/s/src/http/setup/routes.ts': ["import { Express, Router } from 'express';", "import { readdirSync } from 'fs';", "import { join } from 'path';", 'export default (app: Express): void => {', '  const router = Router();', "  app.use('/api', router);", loop, '};'].join('\n'),
  '/s/src/server.ts': ["import express from 'express';", "import setupRoutes from './http/setup/routes';", 'const app = express();', 'setupRoutes(app);', 'app.listen(8080);'].join('\n'),
});

const want = ['GET /api/health', 'GET /api/orders', 'DELETE /api/orders/:orderId'];

suite("Express route files registered on a router by a loop over their folder", () => {
  test("each file's default function handed the router, loaded by a dynamic import of a path from the file's folder: its routes under the router's mount", () => {
    const loop = "  readdirSync(join(__dirname, '../routes')).map(async (file) => {\n    if (!file.endsWith('.map')) (await import(`../routes/${file}`)).default(router);\n  });";
    assert.deepEqual(routesOf(files(loop)), want);
  });

  test("the same by require of a concatenated path ('../routes/' + file)", () => {
    const loop = "  readdirSync(join(__dirname, '../routes')).forEach((file) => {\n    require('../routes/' + file).default(router);\n  });";
    assert.deepEqual(routesOf(files(loop)), want);
  });
});

// Routers handed back as a list: a function of one module makes several routers and returns them
// (`return [api, admin]`), the app takes them by position (`const [api, admin] = setupRouters()`)
// and mounts each under its own prefix (fileExports.ts arrayRouters, declarations.ts
// readRoutersTaken). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const ROUTERS = [
  "import express from 'express';",
  'const publicRouter = express.Router();',
  'const adminRouter = express.Router();',
  'export const setupRouters = (flags) => {',
  "  publicRouter.get('/items', (req, res) => res.json([]));",
  "  adminRouter.post('/reindex', (req, res) => res.json({}));",
  '  if (!flags.ready) return [publicRouter, adminRouter];',
  "  publicRouter.get('/items/:id', (req, res) => res.json({}));",
  '  return [publicRouter, adminRouter];',
  '};',
].join('\n');

const app = (take: string, mounts: string[]) =>
  [
    "import express from 'express';",
    "import { setupRouters as setup } from './routers';",
    'const app = express();',
    `const ${take} = setup({ ready: true });`,
    ...mounts,
    'app.listen(3000);',
  ].join('\n');

suite('routers returned as a list', () => {
  test('each name taken from the list is the router at its position, under the prefix it is mounted at', () => {
    const { routes } = routesAndWarnings({
      '/p/routers.js': ROUTERS,
      '/p/app.js': app('[api, admin]', ["app.use('/api', api);", "app.use('/admin', admin);"]),
    });
    assert.deepEqual(routes, ['GET /api/items', 'GET /api/items/:id', 'POST /admin/reindex']);
  });

  test('a position skipped in the pattern leaves the others where they are', () => {
    const { routes } = routesAndWarnings({
      '/p/routers.js': ROUTERS,
      '/p/app.js': app('[, admin]', ["app.use('/internal', admin);"]),
    });
    assert.deepEqual(routes, ['GET /items', 'GET /items/:id', 'POST /internal/reindex']);
  });

  test('a list holding no router of its module names none', () => {
    const { routes } = routesAndWarnings({
      '/p/pair.js': ["import express from 'express';", 'const r = express.Router();', "r.get('/ping', (req, res) => res.send('pong'));", 'export const pair = () => [1, 2];', 'export default r;'].join('\n'),
      '/p/app.js': ["import express from 'express';", "import r, { pair } from './pair';", 'const app = express();', 'const [a, b] = pair();', "app.use('/v1', r);", 'app.listen(3000);'].join('\n'),
    });
    assert.deepEqual(routes, ['GET /v1/ping']);
  });
});

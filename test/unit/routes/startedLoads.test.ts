// A started file reaching its server by loading a module for its effect: `import './start.js'`, or
// `import('./start.js')` once a database is connected (`connect().then(() => import('./start.js'))`).
// What that module serves is the entry's; a file of the tree nothing loads (an older copy of a
// router file, a function registering routes that nothing calls) is not.
import assert from 'node:assert/strict';
import type { RouteDef } from '../../../src/core/model';
import { collectRoutes } from '../helpers/collectText';

const moduleOf = (): string | undefined => undefined;
const lines = (routes: RouteDef[]) => routes.map((r) => `${r.method} ${r.path}`).sort();

const start = {
  file: '/ws/b/src/api/start.ts',
  text: "import express from 'express';\nimport { initItems } from './items/index.js';\nconst app = express();\nconst root = express.Router();\ninitItems(root);\nroot.get('/', h);\napp.use('/api', root);\napp.listen(3001);\n",
};
const items = {
  file: '/ws/b/src/api/items/index.ts',
  text: "import express from 'express';\nexport function initItems(router: express.Router) {\n  const items = express.Router();\n  items.get('/:id', h);\n  router.use('/items', items);\n}\n",
};
// Not imported by any file: its function is never called.
const oldItems = {
  file: '/ws/b/src/api/items.ts',
  text: "import express from 'express';\nexport function initItems(app: express.Express) {\n  const items = express.Router();\n  items.get('/:id', h);\n  items.delete('/:id', h);\n  app.use('/items', items);\n}\n",
};

suite('collectRoutes: a started file loading its server for its effect', () => {
  test("a dynamic import() in a callback (after the database connects) serves that module's routes, not a file nothing loads", () => {
    const entry = { file: '/ws/b/src/api/index.ts', text: "import { connect } from '../db.js';\nconnect().then(() => {\n  import('./start.js');\n});\n" };
    const found = collectRoutes([entry, start, items, oldItems], { moduleOf, entry: entry.file });
    assert.deepEqual(lines(found.routes), ['GET /api', 'GET /api/items/:id']);
  });

  test("a side-effect import (`import './start.js'`) serves that module's routes", () => {
    const entry = { file: '/ws/b/src/api/index.ts', text: "import './polyfills.js';\nimport './start.js';\n" };
    const found = collectRoutes([entry, start, items, oldItems], { moduleOf, entry: entry.file });
    assert.deepEqual(lines(found.routes), ['GET /api', 'GET /api/items/:id']);
  });

  test('an entry loading nothing the scan holds still serves every file (its server is reached some other way)', () => {
    const entry = { file: '/ws/b/src/api/index.ts', text: "import './polyfills.js';\n" };
    const found = collectRoutes([entry, start, items, oldItems], { moduleOf, entry: entry.file });
    assert.deepEqual(lines(found.routes), ['DELETE /items/:id', 'GET /api', 'GET /api/items/:id', 'GET /items/:id']);
  });
});

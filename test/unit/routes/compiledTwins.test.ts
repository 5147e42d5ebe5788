// Compiled output committed beside its TypeScript sources (compiledTwins.ts): the scan reads the
// sources and leaves the compiled copies out. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

const SOURCES = {
  '/s/svc/src/routes/items.ts': ["import { Router } from 'express';", 'const router = Router();', "router.get('/:id', (q, s) => s.send(''));", 'export { router };'].join('\n'),
  '/s/svc/src/index.ts': ["import express from 'express';", "import * as items from './routes/items';", 'const app = express();', "app.use('/api/items', items.router);", 'app.listen(3000);'].join('\n'),
};
/** What tsc (CommonJS, esModuleInterop) writes for them, committed in build/. */
const COMPILED = {
  '/s/svc/build/routes/items.js': ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });', 'const express_1 = require("express");', 'const router = (0, express_1.Router)();', 'exports.router = router;', "router.get('/:id', (q, s) => s.send(''));"].join('\n'),
  '/s/svc/build/index.js': ['"use strict";', 'const express_1 = __importDefault(require("express"));', 'const items = __importStar(require("./routes/items"));', 'const app = (0, express_1.default)();', "app.use('/api/items', items.router);", 'app.listen(3000);'].join('\n'),
};

suite('compiled copies committed beside their sources', () => {
  test('a tsc outDir (build/) beside src/: only the sources are read, no route twice or unmounted', () => {
    const { routes } = collect({ ...SOURCES, ...COMPILED });
    assert.deepEqual(routes, ['GET /api/items/:id']);
  });

  test('an outDir named for the folder it compiles (dist-lib/ from lib/, allowJs): only lib/ is read', () => {
    const lib = {
      '/s/svc/lib/routes/items.js': ["const { Router } = require('express');", 'const router = Router();', "router.get('/:id', (q, s) => s.send(''));", 'module.exports = router;'].join('\n'),
      '/s/svc/lib/index.ts': ["import express from 'express';", "import items from './routes/items';", 'const app = express();', "app.use('/api/items', items);", 'app.listen(3000);'].join('\n'),
    };
    const distLib = {
      '/s/svc/dist-lib/routes/items.js': lib['/s/svc/lib/routes/items.js'],
      '/s/svc/dist-lib/index.js': ['"use strict";', 'const express_1 = __importDefault(require("express"));', 'const items_1 = __importDefault(require("./routes/items"));', 'const app = (0, express_1.default)();', "app.use('/api/items', items_1.default);", 'app.listen(3000);'].join('\n'),
    };
    assert.deepEqual(collect({ ...lib, ...distLib }).routes, ['GET /api/items/:id']);
  });

  test('compiled JavaScript with no TypeScript source beside it is still read', () => {
    const { routes } = collect(COMPILED);
    assert.ok(routes.some((r) => r.endsWith(':id')), routes.join(', '));
  });
});

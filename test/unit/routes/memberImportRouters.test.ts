// Routes a module adds to a router another module exports, reached as a member of that module
// (collect.ts memberImportEdges): `hooks.router.post(...)` through a namespace import or a whole
// `require`. They belong to that router, under the mount its own module is given. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

const TS_FILES = {
  '/s/routes/hooks.ts': ["import { Router } from 'express';", 'const router = Router();', 'export { router };'].join('\n'),
  '/s/routes/items.ts': [
    "import { Router } from 'express';",
    "import * as hooks from './hooks';",
    'const router = Router();',
    "router.get('/:id', (q, s) => s.send(''));",
    "hooks.router.post('/items/purge', (q, s) => s.send(''));",
    'export { router };',
  ].join('\n'),
  '/s/routes/index.ts': [
    "import { Router } from 'express';",
    "import * as items from './items';",
    "import * as hooks from './hooks';",
    'const router = Router();',
    "router.use('/api/items', items.router);",
    "router.use('/hooks', hooks.router);",
    'export { router };',
  ].join('\n'),
  '/s/index.ts': ["import express from 'express';", "import { router } from './routes/index';", 'const app = express();', 'app.use(router);', 'app.listen(3000);'].join('\n'),
};

suite('routes added to a router read as a member of its module', () => {
  test('a namespace import: the route is under the mount of the router it is added to, not at the root', () => {
    const { routes, warnings } = collect(TS_FILES);
    assert.deepEqual(routes, ['GET /api/items/:id', 'POST /hooks/items/purge']);
    assert.deepEqual(warnings, []);
  });

  test('a whole-module require (CommonJS): the same', () => {
    const { routes } = collect({
      '/s/routes/hooks.js': ["const { Router } = require('express');", 'const router = Router();', 'exports.router = router;'].join('\n'),
      '/s/routes/items.js': [
        "const { Router } = require('express');",
        "const hooks = require('./hooks');",
        'const router = Router();',
        "router.get('/:id', (q, s) => s.send(''));",
        "hooks.router.delete('/items/:id', (q, s) => s.send(''));",
        'exports.router = router;',
      ].join('\n'),
      '/s/routes/index.js': [
        "const { Router } = require('express');",
        "const items = require('./items');",
        "const hooks = require('./hooks');",
        'const router = Router();',
        "router.use('/api/items', items.router);",
        "router.use('/internal', hooks.router);",
        'exports.router = router;',
      ].join('\n'),
      '/s/index.js': ["const express = require('express');", "const { router } = require('./routes/index');", 'const app = express();', 'app.use(router);', 'app.listen(3000);'].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /internal/items/:id', 'GET /api/items/:id']);
  });

  test('a member of an imported module that is not a router it exports keeps its own place', () => {
    const files = { ...TS_FILES, '/s/routes/items.ts': TS_FILES['/s/routes/items.ts'].replace('hooks.router.post', 'hooks.other.post') };
    const { routes } = collect(files);
    assert.ok(!routes.includes('POST /hooks/items/purge'), routes.join(', '));
  });
});

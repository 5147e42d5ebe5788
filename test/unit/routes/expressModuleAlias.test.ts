// A plain CommonJS Express app whose entry registers module-alias (`require('module-alias').addPath('.')`)
// and then loads its routers by bare names (`require('routes/v1/items.js')`, no `./`), mounting each
// with app.use('/v1/items', router): the names resolve below the entry's folder, so the mounts join.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as routesOf } from '../helpers/collectText';

const items = ["const express = require('express');", 'const router = express.Router();', "router.get('/', (req, res) => res.json([]));", "router.post('/:id/archive', (req, res) => res.end());", 'module.exports = router;'].join('\n');

const files = (first: string) => ({
  '/s/routes/v1/items.js': items,
  '/s/app.js': [first, "const express = require('express');", "const items = require('routes/v1/items.js');", 'const app = express();', "app.use('/v1/items', items);", 'module.exports = app;'].join('\n'),
  '/s/server.js': ["const http = require('http');", "const app = require('./app');", 'http.createServer(app).listen(3000);'].join('\n'),
});

suite('Express routers loaded by bare names that module-alias resolves', () => {
  test("module-alias's addPath('.') on the package loaded in place or bound to a name: the bare names resolve below the file's folder", () => {
    const want = ['GET /v1/items', 'POST /v1/items/:id/archive'];
    assert.deepEqual(routesOf(files("require('module-alias/register');\nrequire('module-alias').addPath('.');")).routes, want);
    assert.deepEqual(routesOf(files("const moduleAlias = require('module-alias');\nmoduleAlias.addPath(__dirname);")).routes, want);
  });

  test('without the call the bare name is a package: the routers are not joined under the mounts', () => {
    assert.notDeepEqual(routesOf(files("require('dotenv').config();")).routes, ['GET /v1/items', 'POST /v1/items/:id/archive']);
  });
});

suite("Express routers required by a path from the file's own folder", () => {
  const withLoad = (load: string) => ({
    '/s/routes/v1/items.js': items,
    '/s/app.js': ["const express = require('express');", `const items = require(${load});`, 'const app = express();', "app.use('/v1/items', items);", 'app.listen(3000);'].join('\n'),
  });

  test("require(`${__dirname}/routes/v1/items`) and require(__dirname + '/routes/v1/items') load the file beside it", () => {
    const want = ['GET /v1/items', 'POST /v1/items/:id/archive'];
    assert.deepEqual(routesOf(withLoad('`${__dirname}/routes/v1/items`')).routes, want);
    assert.deepEqual(routesOf(withLoad("__dirname + '/routes/v1/items.js'")).routes, want);
  });

  test('a path built from another value is not read as the file', () => {
    assert.notDeepEqual(routesOf(withLoad('`${process.cwd()}/routes/v1/items`')).routes, ['GET /v1/items', 'POST /v1/items/:id/archive']);
  });
});

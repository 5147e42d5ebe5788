// Routers mounted in a loop over modules known statically: a literal list of `require()` /
// `import()` loads (awaited one by one or through `Promise.all`), another file's exported list of
// routers, and such lists nested (a list of modules each default-exporting a list of loads).
import * as assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const koaApp = "import Koa from 'koa';\nimport api from './routes/index.js';\nconst app = new Koa();\napp.use(api.routes());\napp.listen(3000);\n";
const routers = {
  '/s/routes/books.js': "import Router from 'koa-router';\nconst r = new Router({ prefix: '/books' });\nr.get('/', list);\nr.get('/:id', one);\nexport default r;\n",
  '/s/routes/authors.js': "const Router = require('koa-router');\nconst r = new Router({ prefix: '/authors' });\nr.post('/', create);\nmodule.exports = r;\n",
};
const served = ['GET /api/books', 'GET /api/books/:id', 'POST /api/authors'];

const withIndex = (index: string[], more: Record<string, string> = {}) =>
  routesAndWarnings({ '/s/app.js': koaApp, ...routers, ...more, '/s/routes/index.js': ["import Router from 'koa-router';", "const api = new Router({ prefix: '/api' });", ...index, 'export default api;'].join('\n') });

suite('routers mounted in a loop over modules known statically', () => {
  test('a literal list of require() loads: each module mounted under the loop\'s router', () => {
    assert.deepEqual(withIndex(["for (const m of [require('./books.js'), require('./authors.js')]) api.use(m.routes());"]), { routes: served, warnings: [] });
  });

  test('a literal list of awaited import() loads, each read by its default export (optional chains too)', () => {
    assert.deepEqual(withIndex(["for (const m of [await import('./books.js'), await import('./authors.js')]) api.use(m?.default?.routes());"]), { routes: served, warnings: [] });
  });

  test('await Promise.all([import(), ...]) held in a constant: the modules it gives, looped with for await', () => {
    const index = ["const loaded = await Promise.all([import('./books.js'), import('./authors.js')]);", 'export async function mountAll() {', '  for await (const m of loaded) api.use(m.default.routes());', '}'];
    assert.deepEqual(withIndex(index), { routes: served, warnings: [] });
  });

  test("another file's exported list of routers: each element mounted there", () => {
    const list = { '/s/routes/list.js': "import books from './books.js';\nimport authors from './authors.js';\nconst all = [books, authors];\nexport default all;\n" };
    assert.deepEqual(withIndex(["import all from './list.js';", 'all.forEach((r) => api.use(r.routes()));'], list), { routes: served, warnings: [] });
  });

  test('two levels: a list of modules each default-exporting a list of import() loads, the inner loop over each one\'s default', () => {
    const groups = {
      '/s/routes/g1.js': "export default [import('./books.js')];\n",
      '/s/routes/g2.js': "export default [import('./authors.js')];\n",
    };
    const index = [
      "const groups = await Promise.all([import('./g1.js'), import('./g2.js')]);",
      'for await (const group of groups) {',
      '  if (group?.default) {',
      '    for await (const version of group.default) api.use(version?.default?.routes());',
      '  }',
      '}',
    ];
    assert.deepEqual(withIndex(index, groups), { routes: served, warnings: [] });
  });

  test('a list only known at run time stays a warning, nothing guessed', () => {
    const { routes, warnings } = withIndex(['for (const m of await loadAll()) api.use(m.routes());']);
    assert.deepEqual(routes, []);
    assert.deepEqual(warnings, ['/s/routes/index.js:3: api.use inside a loop over values not known statically (m); what it mounts is not known (list its routes in x-runtime-drift.routes)']);
  });
});

suite('values taken from a CommonJS module exporting an object literal', () => {
  const served = (app: string, conf: string) => routesAndWarnings({ '/s/app.js': app, '/s/conf.js': conf });
  const head = "const express = require('express');\nconst app = express();\n";

  test("a name destructured from require() of `module.exports = { ... }` is that property: a loop over its list, a prefix", () => {
    const conf = "module.exports = { versions: ['v1', 'v2'], base: '/admin' };\n";
    const app = head + "const { versions, base } = require('./conf.js');\nfor (const v of versions) app.get(`/api/${v}/status`, h);\napp.post(base + '/login', h);\napp.listen(3000);\n";
    assert.deepEqual(served(app, conf), { routes: ['GET /api/v1/status', 'GET /api/v2/status', 'POST /admin/login'], warnings: [] });
  });

  test('a name the object does not hold stays not known, warned', () => {
    const app = head + "const { missing } = require('./conf.js');\napp.get(missing + '/x', h);\napp.listen(3000);\n";
    const { routes, warnings } = served(app, "module.exports = { base: '/admin' };\n");
    assert.deepEqual(routes, []);
    assert.equal(warnings.length, 1);
  });
});

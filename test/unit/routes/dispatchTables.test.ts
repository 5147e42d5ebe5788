// Route tables dispatched by hand (src/core/routes/dispatchTables.ts): a middleware looping over a
// list of { url, method } records and comparing the request's method and URL with each one's fields
// is no router; its routes are not read, and the loop is told. Fixtures of our own.
import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const KOA = "const Koa = require('koa');\nconst app = new Koa();\n";

suite('Route tables dispatched by hand', () => {
  test("a loop comparing ctx.request.method with each record's method (destructured in its body) and the cut URL with its url is told, naming the list", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/app.js': `${KOA}app.use(async (ctx, next) => {\n  const { endpoints } = settings;\n  const wanted = ctx.request.url.replace('/svc/', '').split('?')[0];\n  for (const item of endpoints) {\n    const { url, method, handlerName } = item;\n    if (ctx.request.method === method.toUpperCase() && wanted === url) return handlers[handlerName](ctx);\n  }\n  await next();\n});\napp.listen(3000);\n`,
    });
    assert.deepEqual(routes, []);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0] ?? '', /^\/s\/app\.js:6: endpoints: the request's method and URL are compared by hand with each record of this list/);
  });

  test('a `.forEach` callback destructuring { path, method } and matching the path in a call is told too', () => {
    const { warnings } = routesAndWarnings({
      '/s/app.js': `${KOA}app.use((ctx, next) => {\n  table.forEach(({ path, method, run }) => {\n    if (ctx.method === method && matches(path, ctx.path)) run(ctx);\n  });\n  return next();\n});\napp.listen(3000);\n`,
    });
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0] ?? '', /^\/s\/app\.js:4: table: the request's method and URL/);
  });

  test("a loop registering each record on a router is read as routes, not told; nor is one comparing only the record's method", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/app.js': `const express = require('express');\nconst app = express();\nconst list = [{ method: 'get', path: '/a' }, { method: 'post', path: '/b' }];\nfor (const r of list) app[r.method](r.path, (req, res) => res.end());\nfor (const r of others) if (req.method === r.method) count++;\napp.listen(3000);\n`,
    });
    assert.deepEqual(routes, ['GET /a', 'POST /b']);
    assert.deepEqual(warnings, []);
  });
});

import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

suite('route warnings', () => {
  test("a file's warnings are listed in line order, also on a chain whose outer call is visited first", () => {
    const text = [
      "import Fastify from 'fastify';",
      'const server = Fastify();',
      'server',
      '  .route({ method: "GET", url: cfg.a + "/:id", handler })',
      "  .route({ method: 'GET', url: '/ok', handler })",
      '  .route({ method: "GET", url: cfg.b, handler });',
      "server.listen({ port: 3000 });",
    ].join('\n');
    const { routes, warnings } = collectRoutes([{ file: '/s/server.ts', text }], { moduleOf: () => undefined, aliases: [] });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /ok']);
    assert.deepEqual(warnings.map((w) => w.split(':').slice(0, 2).join(':')), ['/s/server.ts:4', '/s/server.ts:6']);
  });

  test('a warning names the router as the source writes it, also a parameter named as an outer router (no `@line` of ours)', () => {
    const text = [
      "import fastify from 'fastify';",
      'const app = fastify();',
      'export function registerAll(server, endpoints) {',
      // A list the loop makes (not the parameter itself, which would make a route list helper warned of at its call).
      '  for (const e of endpoints.filter(Boolean)) {',
      '    server.register(async function (app) {',
      '      app.route({ url: e.path, method: e.method, handler });',
      '    });',
      '  }',
      '}',
      'registerAll(app, loadEndpoints());',
      "app.get('/ok', h);",
      'app.listen({ port: 3000 });',
    ].join('\n');
    const { warnings } = collectRoutes([{ file: '/s/server.ts', text }], { moduleOf: () => undefined, aliases: [] });
    assert.ok(warnings.length > 0);
    for (const w of warnings) assert.doesNotMatch(w, /@\d/, w);
    assert.ok(warnings.some((w) => w.startsWith('/s/server.ts:6: app.route({...})')), warnings.join('\n'));
    // a path not known on a router a function declares again under the outer one's name
    const again = ["import express from 'express';", 'const app = express();', 'function admin() {', '  const app = express();', '  app.get(cfg.x, h);', '  return app;', '}', "app.use('/admin', admin());", 'app.listen(1);'].join('\n');
    const inner = collectRoutes([{ file: '/s/again.ts', text: again }], { moduleOf: () => undefined, aliases: [] }).warnings;
    assert.deepEqual(inner.map((w) => w.split(' path ')[0]), ['/s/again.ts:5: app.get']);
  });
});

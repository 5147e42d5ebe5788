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
});

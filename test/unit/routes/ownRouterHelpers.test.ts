// A function of the server's file that makes its own app and registers each route options object of
// the list it is given (`createServer(name, routes) { const app = fastify(); routes.forEach((r) =>
// app.route(r)); return app }`), called with what another file's function returns (a table of route
// options): each of those options is a route of that app.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

const table = [
  "import type { RouteOptions } from 'fastify';",
  'export function adminTable(deps: { db: unknown }): RouteOptions[] {',
  '  async function stats(req, reply) { await reply.send({}) }',
  '  return [{',
  "    url: '/admin/stats',",
  "    method: ['GET', 'PUT'],",
  '    handler: async (req, reply) => stats(req, reply),',
  '  }, {',
  "    url: '/admin/ping',",
  "    method: 'POST',",
  "    handler: async (req, reply) => reply.send('pong'),",
  '  }];',
  '}',
].join('\n');

const server = (register: string) =>
  [
    "import Fastify from 'fastify';",
    "import { adminTable } from './admin.js';",
    "const admin = await startApp('admin', adminTable({ db: null }), 4000);",
    'async function startApp(label: string, list: RouteOptions[], port: number) {',
    '  const app = Fastify();',
    `  ${register}`,
    "  app.get('/ready', async () => 'ok');",
    '  await app.listen({ port });',
    '  return app;',
    '}',
  ].join('\n');

function scan(register: string) {
  const sources = [
    { file: '/s/src/main.ts', text: server(register) },
    { file: '/s/src/admin.ts', text: table },
  ];
  const kept = sources.filter((s) => mayDeclareRoutes(s.text));
  const out = collectRoutes(kept, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
  return { routes: out.routes.map((r) => `${r.method} ${r.path}`).sort(), warnings: out.warnings, kept: kept.length };
}

suite('a route list helper making its own app', () => {
  test("each options object of the table another file's function returns, given to the helper, is a route of the app the helper makes", () => {
    const { routes, warnings, kept } = scan('list.forEach((r) => { app.route(r) });');
    assert.equal(kept, 2, 'the file returning a table of route options is read');
    assert.deepEqual(routes, ['GET /admin/stats', 'GET /ready', 'POST /admin/ping', 'PUT /admin/stats']);
    assert.deepEqual(warnings, []);
  });

  test('for...of over the list too', () => {
    assert.deepEqual(scan('for (const r of list) app.route(r);').routes, ['GET /admin/stats', 'GET /ready', 'POST /admin/ping', 'PUT /admin/stats']);
  });

  test('a helper registering the options on an app it was not given and did not make (a module-level one) is no list helper: the warning stays', () => {
    const text = server('list.forEach((r) => { other.route(r) });').replace("import Fastify from 'fastify';", "import Fastify from 'fastify';\nconst other = Fastify();\nother.listen({ port: 1 });");
    const sources = [
      { file: '/s/src/main.ts', text },
      { file: '/s/src/admin.ts', text: table },
    ];
    const out = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    assert.deepEqual(out.routes.map((r) => `${r.method} ${r.path}`), ['GET /ready']);
    assert.equal(out.warnings.length, 1);
  });
});

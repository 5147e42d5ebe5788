// Plain Node servers whose request handler routes by hand: what each answering branch serves.
import assert from 'node:assert/strict';
import type { RouteDef } from '../../../src/core/model';
import { collectRoutes } from '../helpers/collectText';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

const lines = (routes: RouteDef[]) => routes.map((r) => `${r.method} ${r.path}`).sort();
const routesOf = (text: string, file = '/ws/server.js') => collectRoutes([{ file, text }], { moduleOf: () => undefined });

suite('hand routing: http.createServer', () => {
  test("an `if` comparing req.url (and req.method) with strings, in the same or an enclosing condition: that path, that method, else ALL", () => {
    const text = [
      "const http = require('node:http');",
      'const server = http.createServer((req, res) => {',
      "  if (req.url === '/health' && req.method === 'GET') { res.end('ok'); return; }",
      "  if (req.url === '/items') {",
      "    if (req.method === 'GET') return listItems(req, res);",
      "    else if (req.method === 'POST' || req.method === 'PUT') return saveItem(req, res);",
      '    res.statusCode = 405; return res.end();',
      '  }',
      "  if ('/metrics' === req.url) return res.end(metrics());",
      "  if (req.method === 'OPTIONS') { res.writeHead(204); return res.end(); }",
      "  if (req.url.startsWith('/static/')) return serveStatic(req, res);",
      '  res.statusCode = 404; res.end();',
      '});',
      'server.listen(3000);',
    ].join('\n');
    assert.deepEqual(lines(routesOf(text).routes), ['ALL /metrics', 'GET /health', 'GET /items', 'POST /items', 'PUT /items']);
  });

  test('a switch over the parsed URL\'s pathname (cases falling through share a branch), guards that leave the handler, a handler declared by name', () => {
    const text = [
      "import { createServer } from 'http';",
      'async function handle(request, response) {',
      "  const { pathname } = new URL(request.url, 'http://localhost');",
      '  const method = request.method.toUpperCase();',
      '  switch (pathname) {',
      "    case '/':",
      "    case '/index.html':",
      "      response.end('home'); return;",
      "    case '/api/echo':",
      "      if (method !== 'POST') { response.writeHead(405); return response.end(); }",
      '      return echo(request, response);',
      '    default:',
      '      response.writeHead(404); response.end();',
      '  }',
      '}',
      'createServer(handle).listen(8080);',
    ].join('\n');
    assert.deepEqual(lines(routesOf(text, '/ws/src/index.ts').routes), ['ALL /', 'ALL /index.html', 'POST /api/echo']);
  });

  test("a guard that leaves unless both hold (`method !== 'POST' || url !== '/run'`) makes the rest of the handler that route; routes answered before it stay", () => {
    const text = [
      "import http from 'node:http';",
      'export const server = http.createServer(async (req, res) => {',
      "  if (req.method === 'GET' && req.url === '/health') return json(res, 200, { ok: true });",
      "  if (req.method !== 'POST' || req.url !== '/run') {",
      '    notFound(res);',
      '    return;',
      '  }',
      '  const body = await readBody(req);',
      '  json(res, 200, await run(body));',
      '});',
    ].join('\n');
    assert.deepEqual(lines(routesOf(text, '/ws/src/main.mjs').routes), ['GET /health', 'POST /run']);
  });

  test("nothing from what names no path: a prefix test, a regex, a lookup, a string that is no path, a branch that never answers, another module's createServer, a framework app handed to it", () => {
    const text = [
      "const http = require('http');",
      "const net = require('net');",
      "const app = require('./app');",
      'http.createServer((req, res) => {',
      "  if (req.url.startsWith('/api')) return api(req, res);",
      '  if (/^\\/users\\/\\d+$/.test(req.url)) return user(req, res);',
      '  const handler = table[req.url];',
      "  if (req.url === 'ping') return res.end();",
      "  if (req.url === '/quiet') log('quiet');",
      '  res.end();',
      '}).listen(1);',
      "net.createServer((req, res) => { if (req.url === '/x') res.end(); });",
      'http.createServer(app).listen(2);',
    ].join('\n');
    assert.deepEqual(lines(routesOf(text).routes), []);
  });

  test("beside a framework's routes a hand-routed handler is another server (a health port, a dev tool's page server): not the app's", () => {
    const health = "const http = require('http');\nhttp.createServer((req, res) => { if (req.url === '/health') res.end('ok'); }).listen(9000);\n";
    const app = "const express = require('express');\nconst app = express();\napp.get('/api/items', list);\napp.listen(3000);\n";
    const { routes } = collectRoutes([{ file: '/ws/src/app.js', text: app }, { file: '/ws/src/health.js', text: health }], { moduleOf: () => undefined });
    assert.deepEqual(lines(routes), ['GET /api/items']);
    assert.deepEqual(lines(routesOf(health).routes), ['ALL /health']);
  });

  test("middleware handed to a tRPC procedure (`proc.use(mw)`: a mount at the root of nothing routed) and a procedure's REST meta are no framework beside which the handler is another server", () => {
    const serve = "import { createServer } from 'http';\nexport function serve() {\n  return createServer((req, res) => { if (req.url === '/alive') { res.end('ok'); return; } res.end(); });\n}\n";
    const procs = "import { base, needsRole } from './trpc';\nexport const items = base.use(needsRole('admin')).meta({ openapi: { method: 'GET', path: '/items' } }).query(list);\n";
    const { routes } = collectRoutes([{ file: '/ws/src/serve.ts', text: serve }, { file: '/ws/src/procs.ts', text: procs }], { moduleOf: () => undefined });
    assert.deepEqual(lines(routes), ['ALL /alive']);
  });

  test("a package's handler the request is handed to under no compared path (trpc-to-openapi's, tRPC's) serves its endpoint at the root; the procedures' REST paths are routes there", () => {
    const serve = [
      "import { createServer } from 'node:http';",
      "import { createOpenApiHttpHandler } from 'trpc-to-openapi';",
      "import { createHTTPHandler } from '@trpc/server/adapters/standalone';",
      "import { rootRouter } from './procs';",
      'export function serve() {',
      '  const rest = createOpenApiHttpHandler({ router: rootRouter });',
      '  const rpc = createHTTPHandler({ router: rootRouter });',
      '  return createServer((req, res) => {',
      "    if (req.url === '/alive') { res.end('ok'); return; }",
      '    if (isRpc(req)) rpc(req, res);',
      '    else void rest(req, res);',
      '  });',
      '}',
    ].join('\n');
    const procs = "import { base } from './trpc';\nexport const rootRouter = base.router({ item: base.meta({ openapi: { method: 'GET', path: '/items/{id}' } }).query(one) });\n";
    const { routes } = collectRoutes([{ file: '/ws/src/serve.ts', text: serve }, { file: '/ws/src/procs.ts', text: procs }], { moduleOf: () => undefined });
    assert.deepEqual(lines(routes), ['ALL /alive', 'GET /*', 'GET /items/:id', 'POST /*']);
  });

  test('a file that only makes a plain Node server passes the pre-filter', () => {
    assert.equal(mayDeclareRoutes("const http = require('http');\nhttp.createServer(handler).listen(3000);\n"), true);
  });
});

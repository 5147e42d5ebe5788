// Routers that only match (tiny-request-router): their tables are HTTP routes only where code
// answering HTTP requests calls their match(method, path).
import assert from 'node:assert/strict';
import { collectExtracted } from '../../../src/core/routes/collect';
import { scanSourceText } from '../../../src/core/routes/scanFile';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

/** Read as the check reads them: a file the pre-filter skips is no file of the join. */
function scan(files: Record<string, string>): { routes: string[]; warnings: string[] } {
  const extracted = Object.entries(files).flatMap(([file, text]) => {
    const x = scanSourceText(file, text);
    return x ? [{ file, x }] : [];
  });
  const { routes, warnings } = collectExtracted(extracted, { moduleOf: () => undefined, aliases: [] });
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
}

const TABLE = [
  "import { Router } from 'tiny-request-router';",
  'const table = new Router();',
  "table.get('/api/notes', listNotes);",
  "table.post('/api/notes/:id', saveNote);",
  'export const notes = table;',
].join('\n');

suite('match-only routers', () => {
  test("a Worker's default export { fetch } matching the table: its routes are served", () => {
    const worker = [
      "import { notes } from './table';",
      'export default {',
      '  async fetch(request) {',
      '    const hit = notes.match(request.method, new URL(request.url).pathname);',
      "    return hit ? hit.handler(request) : new Response('not found', { status: 404 });",
      '  },',
      '};',
    ].join('\n');
    const got = scan({ '/ws/src/table.ts': TABLE, '/ws/src/worker.ts': worker });
    assert.deepEqual(got, { routes: ['GET /api/notes', 'POST /api/notes/:id'], warnings: [] });
  });

  test("one file declaring the table and listening to fetch events (addEventListener('fetch')): served", () => {
    const text = [
      "import { Router } from 'tiny-request-router';",
      'const r = new Router();',
      "r.get('/ping', () => new Response('pong'));",
      "addEventListener('fetch', (event) => {",
      '  const found = r.match(event.request.method, new URL(event.request.url).pathname);',
      '  if (found) event.respondWith(found.handler());',
      '});',
    ].join('\n');
    assert.deepEqual(scan({ '/ws/index.js': text }).routes, ['GET /ping']);
  });

  test("Node's createServer handing each request to the table's match: served", () => {
    const server = [
      "import { createServer } from 'node:http';",
      "import { notes } from './table';",
      'createServer((req, res) => notes.match(req.method, req.url)?.handler(req, res)).listen(8080);',
    ].join('\n');
    assert.deepEqual(scan({ '/ws/src/table.ts': TABLE, '/ws/src/main.ts': server }).routes, ['GET /api/notes', 'POST /api/notes/:id']);
  });

  test('matched by an Electron IPC handler, nothing of the app answering HTTP: no route, a warning with file and line', () => {
    const ipc = [
      "import { ipcMain } from 'electron';",
      "import { notes } from './table';",
      "ipcMain.handle('request', async (_event, req) => notes.match(req.method, req.path)?.handler(req));",
    ].join('\n');
    const got = scan({ '/ws/src/table.ts': TABLE, '/ws/src/ipc.ts': ipc });
    assert.deepEqual(got.routes, []);
    assert.equal(got.warnings.length, 1);
    assert.match(got.warnings[0] ?? '', /^\/ws\/src\/table\.ts:3: .*no file of this app answers HTTP requests/);
  });

  test("matched by a browser app's axios adapter: no route", () => {
    const adapter = [
      "import { notes } from './table';",
      'export const adapter = async (config) => {',
      "  const hit = notes.match(config.method.toUpperCase(), config.url || '/');",
      '  return hit ? hit.handler(config) : Promise.reject(new Error(config.url));',
      '};',
    ].join('\n');
    assert.deepEqual(scan({ '/ws/src/table.ts': TABLE, '/ws/src/adapter.ts': adapter }).routes, []);
  });

  test('an app answering HTTP (an Express server) that calls no match: kept, with a warning that it cannot be told', () => {
    const server = ["import express from 'express';", 'const app = express();', "app.get('/health', (_req, res) => res.send('ok'));", 'app.listen(3000);'].join('\n');
    const got = scan({ '/ws/src/table.ts': TABLE, '/ws/src/server.ts': server });
    assert.deepEqual(got.routes, ['GET /api/notes', 'GET /health', 'POST /api/notes/:id']);
    assert.equal(got.warnings.length, 1);
    assert.match(got.warnings[0] ?? '', /\/ws\/src\/server\.ts answers HTTP requests but calls no match/);
  });

  test("a String's match (one argument) is no router's: a fetch handler calling only that may or may not reach the table: kept, warned", () => {
    const server = ["import { notes } from './table';", "export default { fetch: (req) => new Response(String(req.url.match(/x/))) };", 'export { notes };'].join('\n');
    const got = scan({ '/ws/src/table.ts': TABLE, '/ws/src/worker.ts': server });
    // A fetch handler that matches nothing of the table: whether the table reaches it cannot be told.
    assert.deepEqual(got.routes, ['GET /api/notes', 'POST /api/notes/:id']);
    assert.match(got.warnings[0] ?? '', /worker\.ts answers HTTP requests but calls no match/);
  });

  test('the pre-filter keeps a file that only answers requests (a fetch handler, Bun.serve, a fetch listener), a plain module not', () => {
    assert.equal(mayDeclareRoutes('import { notes } from "./table"\nexport default { fetch: (req) => notes.match(req.method, req.url)?.handler(req) }\n'), true);
    assert.equal(mayDeclareRoutes('Bun.serve({ port: 3000, fetch: (req) => table.match(req.method, req.url)?.handler(req) })\n'), true);
    assert.equal(mayDeclareRoutes('addEventListener("fetch", (e) => e.respondWith(answer(e.request)))\n'), true);
    assert.equal(mayDeclareRoutes('import { notes } from "./table"\nexport function find(m, p) { return notes.match(m, p) }\n'), false);
  });

  test("another package's Router (express) is no match-only router: its routes stay, no warning", () => {
    const text = ["import { Router } from 'express';", 'const router = new Router();', "router.get('/items', list);", 'export default router;'].join('\n');
    assert.deepEqual(scan({ '/ws/src/items.ts': text }), { routes: ['GET /items'], warnings: [] });
  });
});

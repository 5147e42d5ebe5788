// A service starting another program of its image than its sibling (ServiceSpec.ownStart): the file
// routes of the Next.js app around that program's folder are not what it serves.
import assert from 'node:assert/strict';
import { joinRoutes } from '../../../src/core/gather/routes';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const ROUTE = 'export async function GET() { return new Response("ok"); }\n';
const files = (relay: string): Record<string, string> => ({
  '/ws/package.json': JSON.stringify({ name: 'console', dependencies: { next: '16', react: '19', ws: '8' }, scripts: { build: 'next build', start: 'next start' } }),
  '/ws/next.config.ts': 'export default {};\n',
  '/ws/src/app/page.tsx': '',
  '/ws/src/app/api/ping/route.ts': ROUTE,
  '/ws/relay/socket.mjs': relay,
});

async function served(relay: string, ownStart: boolean): Promise<string[]> {
  const fs = memFs(files(relay));
  const file = '/ws/relay/socket.mjs';
  const spec = { name: 'relay', project: 'ws', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, ...(ownStart ? { ownStart: true as const } : {}) } as ServiceSpec;
  // The app's route handler is read too (the package around the source root, as the check joins it).
  const handler = '/ws/src/app/api/ping/route.ts';
  const extracted = [
    { file, x: extractRoutesFromSource(relay, file) },
    { file: handler, x: extractRoutesFromSource(ROUTE, handler) },
  ];
  const read = { root: '/ws/relay', modules: [], entry: [file], files: [file], extracted, aliases: [] };
  const out = await joinRoutes({ fs, log: undefined, workspaceDir: '/ws' }, spec, read, true);
  return out.routes.map((r) => `${r.method} ${r.path}`);
}

suite('routes of a program the service starts on its own', () => {
  const gateway = "import { WebSocketServer } from 'ws';\nnew WebSocketServer({ port: 9001 });\n";

  test("a WebSocket gateway's file started on its own serves none of the Next.js app's route handlers; the same folder read for the image's own start does", async () => {
    assert.deepEqual(await served(gateway, true), []);
    assert.deepEqual(await served(gateway, false), ['GET /api/ping']);
  });

  test('a custom server of the app started on its own (it loads next) still serves the route handlers', async () => {
    const custom = "import next from 'next';\nimport { createServer } from 'node:http';\nconst app = next({});\ncreateServer(app.getRequestHandler()).listen(3000);\n";
    assert.deepEqual(await served(custom, false), ['GET /api/ping']);
    assert.deepEqual(await served(custom, true), ['GET /api/ping']);
  });
});

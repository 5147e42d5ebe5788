// What a Next.js app's route handlers receive: the URL unchanged, only under their folders.
import * as assert from 'node:assert/strict';
import type { RouteDef } from '../../../src/core/model';
import { handlerPath, servedThroughHandlers } from '../../../src/core/routes/nextHandlers';
import { nextHandlerPaths } from '../../../src/core/routes/serverApps';
import { memFs } from '../helpers/memFs';

suite('handlerPath', () => {
  test("a handler answers under its folders up to the first dynamic one; groups and slots are no part of the URL; a pages/api file's name is its last segment", () => {
    assert.equal(handlerPath('app/api/[[...route]]/route.ts'), '/api');
    assert.equal(handlerPath('src/app/(backend)/api/v1/[...slug]/route.js'), '/api/v1');
    assert.equal(handlerPath('app/@modal/hooks/[id]/events/route.ts'), '/hooks');
    assert.equal(handlerPath('app/route.ts'), '/');
    assert.equal(handlerPath('pages/api/[...all].ts'), '/api');
    assert.equal(handlerPath('src/pages/api/hono/index.ts'), '/api/hono');
    assert.equal(handlerPath('pages/api/health.ts'), '/api/health');
  });
});

suite('servedThroughHandlers', () => {
  const route = (method: RouteDef['method'], path: string, origin: RouteDef['origin'] = 'source'): RouteDef => ({ method, path, origin, file: '/w/api/index.ts', line: 3 });

  test("the mounted app answers at its own paths (Next.js passes the URL unchanged): those under a handler's folder are kept, no prefix added", () => {
    const collected = { routes: [route('GET', '/api/health'), route('GET', '/api'), route('POST', '/:tenant/x'), route('GET', '/*')], warnings: [] };
    assert.deepEqual(servedThroughHandlers(collected, ['/api', '/api/auth']), collected);
  });

  test('a route outside every handler folder never reaches the app: left out, with a warning naming it; a route from x-runtime-drift.routes stays', () => {
    const out = servedThroughHandlers({ routes: [route('GET', '/health'), route('GET', '/api/v1/users'), route('GET', '/apis'), route('GET', '/metrics', 'config')], warnings: ['w'] }, ['/api', '/api']);
    assert.deepEqual(out.routes.map((r) => `${r.method} ${r.path}`), ['GET /api/v1/users', 'GET /metrics']);
    assert.equal(out.warnings.length, 2);
    assert.match(out.warnings[1] ?? '', /^\/w\/api\/index\.ts:3: .*only the paths under \/api: GET \/health, GET \/apis never reach them.*x-runtime-drift\.routes/);
  });
});

suite('nextHandlerPaths', () => {
  const pkg = (deps: Record<string, string>, scripts: Record<string, string>) => JSON.stringify({ dependencies: deps, scripts });

  test("a Next.js app listing no server framework: its route handlers' paths; one listing a framework (it may run a server of its own, `node dist`), or no Next.js app, has none", async () => {
    const fs = memFs({
      '/w/web/package.json': pkg({ next: '15' }, { build: 'next build', start: 'next start' }),
      '/w/web/app/api/[[...route]]/route.ts': "import { handle } from 'hono/vercel'\n",
      '/w/web/pages/api/auth/[...nextauth].ts': 'export default NextAuth(options)\n',
      '/w/custom/package.json': pkg({ next: '15', fastify: '4' }, { build: 'next build', start: 'node dist' }),
      '/w/custom/app/api/route.ts': "import Fastify from 'fastify'\n",
      '/w/api/package.json': pkg({ hono: '4' }, { start: 'node dist/index.js' }),
      '/w/api/app/route.ts': "import { Hono } from 'hono'\n",
    });
    assert.deepEqual(await nextHandlerPaths(fs, '/w/web', []), ['/api', '/api/auth']);
    assert.equal(await nextHandlerPaths(fs, '/w/custom', []), undefined);
    assert.equal(await nextHandlerPaths(fs, '/w/api', []), undefined);
  });
});

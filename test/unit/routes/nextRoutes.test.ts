// A Next.js app's own routes: route handlers' exported methods and Pages Router API files, at the
// URL their folders give, under next.config's basePath; handlers handing requests to a framework app
// are not routes of their own.
import * as assert from 'node:assert/strict';
import { scanSourceText } from '../../../src/core/routes/scanFile';
import { configLayout, findNextApps, nextAppLayout, nextAppRoutes, nextRouteOf, nextServedRoutes, nextServing } from '../../../src/core/routes/nextRoutes';
import { handlerServedRoutes } from '../../../src/core/gather/appPackages';
import type { ExtractedFile } from '../../../src/core/routes/extracted';
import { memFs } from '../helpers/memFs';
import { walkFileStats } from '../../../src/core/mapping/walk';
import { isRouteSource } from '../../../src/core/routes/isRouteSource';
import { scansOf } from '../helpers/handlerScans';

const scan = (file: string, text: string): ExtractedFile => {
  const x = scanSourceText(file, text);
  assert.ok(x, `${file} is read`);
  return x;
};
const methodsOf = (file: string, text: string) => scan(file, text).nextHandler?.methods.map((m) => `${m.method}@${m.line}`);

suite('nextHandler exports', () => {
  test('every way of exporting a method is read, with its line; other exports and type exports are not methods', () => {
    const file = '/w/app/api/x/route.ts';
    assert.deepEqual(methodsOf(file, 'export async function GET(req: Request) {\n  return Response.json({})\n}\nexport const POST = async () => new Response()\nexport const dynamic = "force-dynamic"\n'), ['GET@1', 'POST@4']);
    assert.deepEqual(methodsOf(file, 'const handler = NextAuth(options)\nexport { handler as GET, handler as POST }\n'), ['GET@2', 'POST@2']);
    assert.deepEqual(methodsOf(file, "import { handlers } from '@/auth'\nexport const { GET, POST } = handlers\n"), ['GET@2', 'POST@2']);
    assert.deepEqual(methodsOf(file, 'export const {\n  handlers: { GET, POST },\n  auth,\n} = NextAuth(config)\n'), ['GET@2', 'POST@2']);
    assert.deepEqual(methodsOf(file, "export { GET, DELETE } from '../shared/route'\nexport type { GET as X } from './t'\n"), ['GET@1', 'DELETE@1']);
    assert.deepEqual(methodsOf(file, 'function PATCH() {}\nexport const Get = 1\n'), undefined);
  });

  test("a file whose text the pre-filter would skip is read when its path can be a handler's; not elsewhere", () => {
    const text = 'export async function GET() {\n  return new Response("ok")\n}\n';
    assert.equal(scanSourceText('/w/lib/get.ts', text), null);
    assert.deepEqual(scanSourceText('/w/src/app/health/route.ts', text)?.nextHandler?.methods, [{ method: 'GET', line: 1 }]);
  });

  test("a Pages Router file's default export (ESM or CommonJS) is its handler; export * is noted", () => {
    assert.equal(scan('/w/pages/api/a.ts', 'export default async function handler(req, res) {\n  res.json({})\n}\n').nextHandler?.defaultLine, 1);
    assert.equal(scan('/w/pages/api/b.js', 'const h = (req, res) => res.end()\nmodule.exports = h\n').nextHandler?.defaultLine, 2);
    assert.equal(scan('/w/pages/api/c.ts', 'const h = withAuth(x)\nexport default h\n').nextHandler?.defaultLine, 2);
    assert.deepEqual(scan('/w/app/api/d/route.ts', "export * from '../other/route'\n").nextHandler?.reexportsAll, ['../other/route']);
  });
});

suite('nextRouteOf', () => {
  const layout = { extensions: ['tsx', 'ts', 'jsx', 'js'], appDir: 'app', pagesDir: 'pages' };
  test('folders give the URL: dynamic, catch-all and optional catch-all segments; groups and slots left out; private folders and other names not routed', () => {
    assert.deepEqual(nextRouteOf('app/api/users/[id]/route.ts', layout), { router: 'app', path: '/api/users/:id' });
    assert.deepEqual(nextRouteOf('app/(admin)/@panel/api/files/[...path]/route.js', layout), { router: 'app', path: '/api/files/:path+' });
    assert.deepEqual(nextRouteOf('app/api/auth/[[...nextauth]]/route.ts', layout), { router: 'app', path: '/api/auth/:nextauth*' });
    assert.deepEqual(nextRouteOf('app/route.ts', layout), { router: 'app', path: '/' });
    assert.equal(nextRouteOf('app/api/_lib/route.ts', layout), undefined);
    assert.equal(nextRouteOf('app/api/x/route.mjs', layout), undefined);
    assert.equal(nextRouteOf('app/api/x/handler.ts', layout), undefined);
    assert.equal(nextRouteOf('src/app/api/x/route.ts', layout), undefined);
  });

  test('a folder with text around its bracketed name is a parameter with that text kept, as Next.js matches it', () => {
    assert.deepEqual(nextRouteOf('app/api/tiles/[z]/[x]/[y].pbf/route.ts', layout), { router: 'app', path: '/api/tiles/:z/:x/:y.pbf' });
    assert.deepEqual(nextRouteOf('app/files/v[version]/route.ts', layout), { router: 'app', path: '/files/v:version' });
    assert.deepEqual(nextRouteOf('pages/api/export/[id].csv.ts', layout), { router: 'pages', path: '/api/export/:id.csv' });
    assert.deepEqual(nextRouteOf('app/api/plain.name/route.ts', layout), { router: 'app', path: '/api/plain.name' });
  });

  test('a Pages Router API file: its folders and name, index naming its folder', () => {
    assert.deepEqual(nextRouteOf('pages/api/index.ts', layout), { router: 'pages', path: '/api' });
    assert.deepEqual(nextRouteOf('pages/api/posts/[slug]/index.js', layout), { router: 'pages', path: '/api/posts/:slug' });
    assert.deepEqual(nextRouteOf('pages/api/v1/health.ts', layout), { router: 'pages', path: '/api/v1/health' });
    assert.equal(nextRouteOf('pages/about.tsx', layout), undefined);
  });

  test('pageExtensions decide which files are routes, and what of the name is the URL', () => {
    const custom = { extensions: ['page.tsx', 'api.ts'], appDir: 'src/app', pagesDir: 'src/pages' };
    assert.deepEqual(nextRouteOf('src/pages/api/users.api.ts', custom), { router: 'pages', path: '/api/users' });
    assert.equal(nextRouteOf('src/pages/api/users.test.ts', custom), undefined);
    assert.deepEqual(nextRouteOf('src/app/api/x/route.api.ts', custom), { router: 'app', path: '/api/x' });
    assert.equal(nextRouteOf('src/app/api/x/route.ts', custom), undefined);
  });
});

suite('next.config', () => {
  test('basePath: a literal (also through a constant), an environment default, an environment variable with no default (none, warned), or not known (a warning naming the config line); pageExtensions listed; comments ignored', () => {
    assert.equal(configLayout("module.exports = { basePath: '/docs' }", '/w/next.config.js').basePath, '/docs');
    assert.equal(configLayout('const c = {\n  basePath: process.env.BASE_PATH || "",\n}', '/w/next.config.mjs').basePath, '');
    assert.equal(configLayout("export default {\n  // basePath: '/old',\n  output: 'standalone' }", '/w/next.config.ts').basePath, '');
    const unknown = configLayout('const c = {\n  output: "standalone",\n  basePath: getBase(),\n}', '/w/next.config.js');
    assert.equal(unknown.basePath, '…');
    assert.match(unknown.basePathWarning ?? '', /^\/w\/next\.config\.js:3: basePath getBase\(\) is not known statically/);
    assert.deepEqual(configLayout("module.exports = { pageExtensions: ['page.tsx', \"api.ts\"] }", '/w/next.config.js').extensions, ['page.tsx', 'api.ts']);
    for (const text of ['const c = {\n  basePath: env.NEXT_PUBLIC_BASE_PATH,\n}', 'const basePath = process.env.NEXT_PUBLIC_BASE_PATH;\nconst c = {\n  basePath: basePath,\n}', 'const basePath = process.env.NEXT_PUBLIC_BASE_PATH || undefined;\nconst c = {\n  basePath,\n}']) {
      const fromEnv = configLayout(text, '/w/next.config.mjs');
      assert.equal(fromEnv.basePath, '');
      assert.match(fromEnv.basePathWarning ?? '', /next\.config\.mjs:\d: basePath is NEXT_PUBLIC_BASE_PATH at build time, which the source does not set/);
    }
    assert.equal(configLayout("const base = '/app'\nmodule.exports = { basePath: base }", '/w/next.config.js').basePath, '/app');
    assert.equal(configLayout("const basePath = '/plugin';\nexport default {\n  basePath,\n  env: { x: { basePath: !Boolean(basePath) } },\n}", '/w/next.config.mjs').basePath, '/plugin');
  });

  test("basePath from an environment variable the service's environment sets (a build arg its Dockerfile makes ENV): that value, with a note of where it is set; `||` takes the default for an empty one, `??` keeps it; a variable it does not set keeps the code's default", () => {
    const env = { service: 'web', values: { WEB_BASE: '/portal', EMPTY_BASE: '' }, where: { WEB_BASE: 'ENV of web/Dockerfile', EMPTY_BASE: 'compose.yaml:9' } };
    const withDefault = configLayout("export default {\n  basePath: process.env.WEB_BASE || '',\n}", '/w/next.config.ts', env);
    assert.equal(withDefault.basePath, '/portal');
    assert.match(withDefault.basePathWarning ?? '', /next\.config\.ts: the environment variable WEB_BASE in a route path or prefix is \/portal for service web, as set at ENV of web\/Dockerfile/);
    assert.equal(configLayout('const c = {\n  basePath: process.env.WEB_BASE,\n}', '/w/next.config.mjs', env).basePath, '/portal');
    assert.equal(configLayout("const c = { basePath: process.env.EMPTY_BASE || '/docs' }", '/w/next.config.js', env).basePath, '/docs');
    assert.equal(configLayout("const c = { basePath: process.env.EMPTY_BASE ?? '/docs' }", '/w/next.config.js', env).basePath, '');
    const unset = configLayout("const c = { basePath: process.env.OTHER_BASE || '/docs' }", '/w/next.config.js', env);
    assert.deepEqual([unset.basePath, unset.basePathWarning], ['/docs', undefined]);
    // `ENV WEB_BASE=${WEB_BASE}` built with no such arg: its text is no value.
    assert.equal(configLayout('const c = { basePath: process.env.WEB_BASE || undefined }', '/w/next.config.js', env).basePath, '/portal');
    assert.equal(configLayout('const c = { basePath: process.env.EMPTY_BASE || undefined }', '/w/next.config.js', env).basePath, '');
    const notGiven = { ...env, values: { WEB_BASE: '${WEB_BASE}' } };
    assert.equal(configLayout("export default { basePath: process.env.WEB_BASE || '' }", '/w/next.config.ts', notGiven).basePath, '');
  });

  test("basePath from an environment variable the app's env files set (.env.production, .env; not .env.development): that value, as next build loads them, unless the service's environment sets it", async () => {
    const config = "const c = {\n  ...(process.env.PORTAL_BASE && { basePath: process.env.PORTAL_BASE }),\n}\nexport default c\n";
    const fs = memFs({
      '/w/p/next.config.ts': config,
      '/w/p/.env.production': '# build settings\nPORTAL_BASE=/portal\n',
      '/w/p/.env': 'PORTAL_BASE=/ignored\nOTHER=1\n',
      '/w/p/app/api/ping/route.ts': '',
      '/w/d/next.config.ts': config,
      '/w/d/.env.development': 'PORTAL_BASE=/dev-only\n',
      '/w/d/app/api/ping/route.ts': '',
    });
    const built = await nextAppLayout(fs, '/w/p');
    assert.equal(built.basePath, '/portal');
    assert.match(built.basePathWarning ?? '', /next\.config\.ts:2: basePath is PORTAL_BASE at build time: \/portal, as the app's \.env\.production sets it/);
    assert.equal((await nextAppLayout(fs, '/w/d')).basePath, '');
    const service = { service: 'web', values: { PORTAL_BASE: '/svc' }, where: { PORTAL_BASE: 'ENV of Dockerfile' } };
    assert.equal((await nextAppLayout(fs, '/w/p', service)).basePath, '/svc');
  });

  test('src/app and src/pages count only when the app root has neither app nor pages', async () => {
    const fs = memFs({ '/w/a/app/x/route.ts': '', '/w/a/src/pages/api/y.ts': '', '/w/b/src/app/x/route.ts': '', '/w/b/src/pages/api/y.ts': '', '/w/b/next.config.js': "module.exports = { basePath: '/b' }" });
    assert.deepEqual(await nextAppLayout(fs, '/w/a'), { basePath: '', extensions: ['tsx', 'ts', 'jsx', 'js'], appDir: 'app' });
    assert.deepEqual(await nextAppLayout(fs, '/w/b'), { basePath: '/b', extensions: ['tsx', 'ts', 'jsx', 'js'], appDir: 'src/app', pagesDir: 'src/pages' });
  });
});

suite('nextAppRoutes', () => {
  const layout = { basePath: '/base', extensions: ['tsx', 'ts', 'jsx', 'js'], appDir: 'app', pagesDir: 'pages' };
  const files = {
    '/w/web/app/api/items/[id]/route.ts': 'export async function GET() {}\nexport async function DELETE() {}\n',
    '/w/web/app/api/[[...route]]/route.ts': "import { handle } from 'hono/vercel'\nimport app from '@/server'\nexport const GET = handle(app)\nexport const POST = handle(app)\n",
    '/w/web/pages/api/hello.ts': 'export default function handler(req, res) {\n  res.json({ hi: 1 })\n}\n',
    '/w/web/app/api/all/route.ts': "export * from '../items/[id]/route'\n",
    '/w/web/lib/route.ts': 'export async function GET() {}\n',
  };
  const extracted = scansOf(files);

  test("each exported method at its URL under basePath, with its line; a Pages API file answers every method; a framework adapter adds none; export * is warned of", () => {
    const got = nextAppRoutes('/w/web', extracted, layout);
    assert.deepEqual(
      got.routes.map((r) => `${r.method} ${r.path} ${r.file?.slice('/w/web/'.length)}:${r.line}`),
      ['GET /base/api/items/:id app/api/items/[id]/route.ts:1', 'DELETE /base/api/items/:id app/api/items/[id]/route.ts:2', 'ALL /base/api/hello pages/api/hello.ts:1'],
    );
    assert.equal(got.warnings.length, 1);
    assert.match(got.warnings[0] ?? '', /app\/api\/all\/route\.ts: this Next\.js route handler re-exports everything \.\.\/items\/\[id\]\/route exports/);
  });

  test("a handler made by a module of the app that adapts a framework app (its own import is the app's module, through an alias) is an adapter; one importing a framework's client is a route", () => {
    const more = {
      '/w/web/app/api/integrations/[...connection]/route.ts': "import { OAuth } from '@/lib/oauth/server'\nconst { handler } = OAuth({ basePath: '/api/integrations' })\nexport const GET = handler\nexport const POST = handler\n",
      '/w/web/lib/oauth/server.ts': "import { Hono } from 'hono'\nimport { handle } from 'hono/vercel'\nexport function OAuth({ basePath }) {\n  const app = new Hono().basePath(basePath)\n  app.get('/auth/:id', (c) => c.text('x'))\n  return { handler: handle(app) }\n}\n",
      '/w/web/app/api/status/route.ts': "import { hc } from 'hono/client'\nexport async function GET() {\n  return Response.json({})\n}\n",
    };
    const scans = scansOf(more);
    const got = nextAppRoutes('/w/web', scans, layout, [{ pattern: '@/*', targets: ['/w/web/*'] }]);
    assert.deepEqual(got.routes.map((r) => `${r.method} ${r.path}`), ['GET /base/api/status']);
  });

  test('under a basePath not known statically, the routes are shown under … and never probed', () => {
    const got = nextAppRoutes('/w/web', extracted, { ...layout, basePath: '…', basePathWarning: 'w' });
    assert.deepEqual([...new Set(got.routes.map((r) => `${r.path} ${String(r.prefixUnknown)}`))], ['/…/api/items/:id true', '/…/api/hello true']);
    assert.deepEqual(got.warnings.slice(0, 1), ['w']);
  });
});

suite('a Next.js service and app', () => {
  const pkg = JSON.stringify({ dependencies: { next: '15' }, scripts: { build: 'next build', start: 'next start' } });
  const handler = '/w/apps/web/src/app/api/health/route.ts';
  const fs = memFs({ '/w/apps/web/package.json': pkg, [handler]: 'export const GET = () => Response.json({ ok: true })\n', '/w/apps/docs/package.json': JSON.stringify({ dependencies: { next: '15' } }), '/w/apps/docs/app/api/x/route.ts': '' });

  test("the check's routes of a Next.js service's source root hold its handlers' (the package above the source root), beside what was collected", async () => {
    const x = scan(handler, 'export const GET = () => Response.json({ ok: true })\n');
    const collected = { routes: [], warnings: [] };
    const got = await handlerServedRoutes(fs, '/w/apps/web/src', '/w', { files: [handler], extracted: [{ file: handler, x }] }, collected);
    assert.deepEqual(got.routes.map((r) => `${r.method} ${r.path}`), ['GET /api/health']);
    assert.deepEqual(nextServedRoutes('/w/apps/web', collected, [{ file: handler, x }], await nextServing(fs, '/w/apps/docs', [])), collected);
  });

  test('a Next.js app is one whose scripts run Next.js and that has a route handler (route.tsx too)', async () => {
    assert.deepEqual(await findNextApps(fs, ['/w/apps/web/package.json', handler, '/w/apps/docs/package.json', '/w/apps/docs/app/api/x/route.ts']), ['/w/apps/web']);
    const og = memFs({ '/w/l/package.json': pkg, '/w/l/src/app/api/og/route.tsx': 'export async function GET() {}\n' });
    assert.deepEqual(await findNextApps(og, ['/w/l/package.json', '/w/l/src/app/api/og/route.tsx']), ['/w/l']);
  });

  test("a package whose scripts run Next.js is a Next.js app though a monorepo hoists `next` to the root, when it holds an app or pages folder", async () => {
    const hoisted = memFs({ '/w/f/package.json': JSON.stringify({ scripts: { build: 'next build' } }), '/w/f/src/app/api/u/route.ts': 'export const GET = async () => new Response()\n', '/w/g/package.json': JSON.stringify({ scripts: { dev: 'next dev apps/web' } }) });
    assert.deepEqual(await findNextApps(hoisted, ['/w/f/package.json', '/w/f/src/app/api/u/route.ts', '/w/g/package.json']), ['/w/f']);
  });

  test("a Next.js handler's folders below app/ are its URL, not a test folder; a test file or a folder above app/ still is", () => {
    assert.equal(isRouteSource('/r/apps/web/src/app/api/checker/test/http/route.ts', '/r'), true);
    assert.equal(isRouteSource('/r/web/pages/api/tests/run.ts', '/r'), true);
    assert.equal(isRouteSource('/r/test/fixture/app/api/x/route.ts', '/r'), false);
    assert.equal(isRouteSource('/r/app/api/x/route.test.ts', '/r'), false);
  });

  test('a .well-known folder is walked (its handlers answer at /.well-known/...); other dot-folders are not', async () => {
    const tree = memFs({ '/w/app/.well-known/assetlinks.json/route.ts': 'export function GET() {}\n', '/w/app/.cache/x/route.ts': '', '/w/.git/HEAD': '' });
    assert.deepEqual((await walkFileStats(tree, '/w')).files, ['/w/app/.well-known/assetlinks.json/route.ts']);
    assert.deepEqual(nextRouteOf('app/.well-known/assetlinks.json/route.ts', { extensions: ['ts'], appDir: 'app' }), { router: 'app', path: '/.well-known/assetlinks.json' });
  });
});

// A Remix / React Router app's resource routes (remixRoutes.ts): fixtures of our own.
import * as assert from 'node:assert/strict';
import { findRemixApps, isRemixAppSource, remixAppRoutes, remixLayout, remixPathsOf, remixV1PathsOf } from '../../../src/core/routes/remixRoutes';
import { handlerServedRoutes } from '../../../src/core/gather/appPackages';
import { memFs } from '../helpers/memFs';
import { listed, scansOf } from '../helpers/handlerScans';

const REMIX_PKG = JSON.stringify({ dependencies: { '@remix-run/node': '*', '@remix-run/serve': '*' }, devDependencies: { '@remix-run/dev': '*' } });
const RR_PKG = JSON.stringify({ dependencies: { 'react-router': '7', '@react-router/node': '7' }, devDependencies: { '@react-router/dev': '7' } });

// A resource route (no component): its loader answers GET, its action every other method.
const RESOURCE = "import { json } from '@remix-run/node';\nexport const loader = async () => json({ ok: true });\nexport async function action({ request }) {\n  return json({ method: request.method });\n}\n";
// A page: its loader and action serve the component, no route of their own here.
const PAGE = "export const loader = async () => null;\nexport const action = async () => null;\nexport default function Page() {\n  return null;\n}\n";

suite('remixPathsOf', () => {
  test('the flat routes convention: dots, parameters, splats, optional segments, index, pathless and escaped names', () => {
    assert.deepEqual(remixPathsOf('api.users.$userId.ts'), ['/api/users/:userId']);
    assert.deepEqual(remixPathsOf('files.$.tsx'), ['/files/*']);
    assert.deepEqual(remixPathsOf('($lang).feed.ts'), ['/feed', '/:lang/feed']);
    assert.deepEqual(remixPathsOf('_index.tsx'), ['/']);
    assert.deepEqual(remixPathsOf('reports._index.ts'), ['/reports']);
    assert.deepEqual(remixPathsOf('_auth.sign-out.ts'), ['/sign-out']);
    assert.deepEqual(remixPathsOf('reports_.$id.export.ts'), ['/reports/:id/export']);
    assert.deepEqual(remixPathsOf('sitemap[.]xml.ts'), ['/sitemap.xml']);
    assert.deepEqual(remixPathsOf('[.well-known].security[.txt].ts'), ['/.well-known/security.txt']);
  });

  test('a folder is one module through its route (or index) file; other files in it, and deeper ones, are none', () => {
    assert.deepEqual(remixPathsOf('api.items/route.ts'), ['/api/items']);
    assert.deepEqual(remixPathsOf('api.items/index.ts'), ['/api/items']);
    assert.deepEqual(remixPathsOf('api.items/helpers.ts'), []);
    assert.deepEqual(remixPathsOf('api/items/route.ts'), []);
    assert.deepEqual(remixPathsOf('styles.css'), []);
  });
});

suite('remixAppRoutes', () => {
  test('a module without a default export is a resource route: loader GET, action POST PUT PATCH DELETE; a page is none', () => {
    const files = { '/a/app/routes/api.items.$id.ts': RESOURCE, '/a/app/routes/items.$id.tsx': PAGE, '/a/app/lib/api.items.ts': RESOURCE };
    const got = remixAppRoutes('/a', scansOf(files), { routesDir: 'app/routes', warnings: [] });
    assert.deepEqual(listed(got.routes), ['DELETE /api/items/:id@3', 'GET /api/items/:id@2', 'PATCH /api/items/:id@3', 'POST /api/items/:id@3', 'PUT /api/items/:id@3']);
  });

  test('a loader alone answers GET only', () => {
    const files = { '/a/app/routes/healthz.ts': 'export async function loader() {\n  return new Response("ok");\n}\n' };
    assert.deepEqual(listed(remixAppRoutes('/a', scansOf(files), { routesDir: 'app/routes', warnings: [] }).routes), ['GET /healthz@1']);
  });
});

suite('remixLayout', () => {
  test("a package building with @remix-run/dev or @react-router/dev is one; React Router's flatRoutes() config reads the folder, a config built in code is run", async () => {
    const fs = memFs({
      '/r/package.json': REMIX_PKG,
      '/f/package.json': RR_PKG,
      '/f/app/routes.ts': "import { flatRoutes } from '@react-router/fs-routes';\nexport default flatRoutes();\n",
      '/c/package.json': RR_PKG,
      '/c/app/routes.ts': "import { route } from '@react-router/dev/routes';\nexport default [route('api/items', './items.ts')];\n",
      '/l/package.json': RR_PKG,
      '/l/app/routes.ts': "import { flatRoutes } from '@react-router/fs-routes';\nconst build = async () => {\n  const base = await flatRoutes();\n  return [...base, ...base.map((r) => ({ ...r, path: `de/${r.path}` }))];\n};\nexport default build();\n",
      '/o/package.json': JSON.stringify({ dependencies: { 'react-router-dom': '6', express: '4' } }),
    });
    assert.deepEqual(await remixLayout(fs, '/r'), { routesDir: 'app/routes', warnings: [] });
    assert.deepEqual(await remixLayout(fs, '/f'), { routesDir: 'app/routes', warnings: [] });
    // The config is run: its one route's module lies outside app/routes, which the scan does not read: warned of.
    const coded = await remixLayout(fs, '/c');
    assert.equal(coded?.warnings.length, 1);
    assert.match(coded?.warnings[0] ?? '', /outside app\/routes/);
    // Routes built from flatRoutes()'s (each again under a language) are run: no warning.
    assert.deepEqual((await remixLayout(fs, '/l'))?.warnings, []);
    assert.equal(await remixLayout(fs, '/o'), undefined);
  });
});

suite("Remix 1's nested folder convention", () => {
  test('folders and dots are segments, index its parent, $id a parameter, $ the rest, __name pathless, a single _ a plain segment', () => {
    assert.deepEqual(remixV1PathsOf('auth/login.ts'), ['/auth/login']);
    assert.deepEqual(remixV1PathsOf('auth.refresh.ts'), ['/auth/refresh']);
    assert.deepEqual(remixV1PathsOf('proxy/index.ts'), ['/proxy']);
    assert.deepEqual(remixV1PathsOf('index.tsx'), ['/']);
    assert.deepEqual(remixV1PathsOf('orders/$orderId/receipt.ts'), ['/orders/:orderId/receipt']);
    assert.deepEqual(remixV1PathsOf('files/$.ts'), ['/files/*']);
    assert.deepEqual(remixV1PathsOf('__app/health.ts'), ['/health']);
    assert.deepEqual(remixV1PathsOf('_meta/index.ts'), ['/_meta']);
    assert.deepEqual(remixV1PathsOf('feed[.]xml.ts'), ['/feed.xml']);
  });

  test('an app building with @remix-run/dev 1 (its range, else the version yarn.lock or package-lock.json resolved) reads them, unless it opts in to the flat convention', async () => {
    const v1 = JSON.stringify({ devDependencies: { '@remix-run/dev': '^1.19.3' } });
    const latest = JSON.stringify({ devDependencies: { '@remix-run/dev': 'latest' } });
    const fs = memFs({
      '/a/package.json': v1,
      '/b/package.json': latest,
      '/b/yarn.lock': '"@remix-run/dev@latest":\n  version "1.7.0"\n  resolved "https://registry.example/dev-1.7.0.tgz"\n',
      '/c/package.json': latest,
      '/c/package-lock.json': JSON.stringify({ packages: { 'node_modules/@remix-run/dev': { version: '2.15.0' } } }),
      '/d/package.json': v1,
      '/d/remix.config.js': 'module.exports = { future: { v2_routeConvention: true } };\n',
    });
    assert.equal((await remixLayout(fs, '/a'))?.nestedFolders, true);
    assert.equal((await remixLayout(fs, '/b'))?.nestedFolders, true);
    assert.equal((await remixLayout(fs, '/c'))?.nestedFolders, undefined);
    assert.equal((await remixLayout(fs, '/d'))?.nestedFolders, undefined);
    const files = { '/a/app/routes/auth/login.ts': RESOURCE, '/a/app/routes/auth/CreateForm.tsx': 'export const CreateForm = () => null;\n', '/a/app/routes/accounts/index.tsx': PAGE };
    const got = remixAppRoutes('/a', scansOf(files), (await remixLayout(fs, '/a')) ?? { routesDir: 'app/routes', warnings: [] });
    assert.deepEqual(listed(got.routes), ['DELETE /auth/login@3', 'GET /auth/login@2', 'PATCH /auth/login@3', 'POST /auth/login@3', 'PUT /auth/login@3']);
  });
});

suite('a React Router route config built in code', () => {
  // The routes folder's modules, each again under every language but the default one, unless a pattern
  // of another module keeps it unprefixed.
  const CONFIG = [
    "import { flatRoutes } from '@react-router/fs-routes';",
    "import { langs, keepsPlainPath } from './lib/langs';",
    'const underLang = (entry: { path?: string }, lang: string) => ({ ...entry, id: `${lang}.x`, path: entry.path ? `${lang}/${entry.path}` : lang, index: undefined });',
    'const build = async () => {',
    '  const base = await flatRoutes();',
    '  const movable = base.filter((r) => !keepsPlainPath(`/${r.path}`));',
    '  const out = [];',
    '  for (const lang of langs) for (const r of movable) out.push(underLang(r, lang));',
    '  return [...base, ...out];',
    '};',
    'export default build();',
  ].join('\n');
  const LANGS = "const all = ['en', 'es', 'it'];\nexport const langs = all.filter((l) => l !== 'en');\nconst PLAIN = [/^\\/hooks(\\/|$)/];\nexport const keepsPlainPath = (p: string) => PLAIN.some((re) => re.test(p));\n";

  test("flatRoutes() gives the folder's modules; the config's loop adds each resource route under each language it lets through", async () => {
    const files = { '/l/app/routes/feed.ts': RESOURCE, '/l/app/routes/hooks.$id.ts': 'export const action = async () => null;\n', '/l/app/routes/_index.tsx': PAGE };
    const fs = memFs({ '/l/package.json': RR_PKG, '/l/app/routes.ts': CONFIG, '/l/app/lib/langs.ts': LANGS, ...files });
    const layout = await remixLayout(fs, '/l');
    assert.deepEqual(layout?.warnings, []);
    const got = remixAppRoutes('/l', scansOf(files), layout!);
    assert.deepEqual(listed(got.routes.filter((r) => r.method === 'GET' || r.method === 'POST')), ['GET /es/feed@2', 'GET /feed@2', 'GET /it/feed@2', 'POST /es/feed@3', 'POST /feed@3', 'POST /hooks/:id@1', 'POST /it/feed@3']);
  });

  test("@react-router/dev/routes' route, index, layout and prefix: a module answers at its entry's path joined under its parents'", async () => {
    const config = [
      "import { route, index, layout, prefix } from '@react-router/dev/routes';",
      "export default [index('./routes/home.tsx'), layout('./routes/shell.tsx', [route('status', './routes/status.ts')]), ...prefix('v2', [route('items/:id', 'routes/item.ts', [route('raw', 'routes/raw.ts')])])];",
    ].join('\n');
    const files = { '/c/app/routes/status.ts': RESOURCE, '/c/app/routes/item.ts': RESOURCE, '/c/app/routes/raw.ts': 'export const loader = () => null;\n', '/c/app/routes/unlisted.ts': RESOURCE };
    const fs = memFs({ '/c/package.json': RR_PKG, '/c/app/routes.ts': config, ...files });
    const layout = await remixLayout(fs, '/c');
    assert.deepEqual(layout?.warnings, []);
    assert.deepEqual(listed(remixAppRoutes('/c', scansOf(files), layout!).routes.filter((r) => r.method === 'GET')), ['GET /status@2', 'GET /v2/items/:id/raw@1', 'GET /v2/items/:id@2']);
  });

  test('route modules named outside app/routes (whose exports the scan does not read) are warned of', async () => {
    const config = "import { route } from '@react-router/dev/routes';\nexport default [route('ping', './api/ping.ts'), route('feed', './routes/feed.ts')];\n";
    const layout = await remixLayout(memFs({ '/o/package.json': RR_PKG, '/o/app/routes.ts': config }), '/o');
    assert.equal(layout?.warnings.length, 1);
    assert.match(layout?.warnings[0] ?? '', /outside app\/routes \(api\/ping\.ts\)/);
  });

  test('a config the run cannot follow falls back to the folder by the convention, with the warning', async () => {
    const config = "import { flatRoutes } from '@react-router/fs-routes';\nimport { extra } from 'some-package';\nexport default [...(await flatRoutes()), ...extra()];\n";
    const files = { '/u/app/routes/feed.ts': RESOURCE };
    const layout = await remixLayout(memFs({ '/u/package.json': RR_PKG, '/u/app/routes.ts': config, ...files }), '/u');
    assert.equal(layout?.warnings.length, 1);
    assert.deepEqual(listed(remixAppRoutes('/u', scansOf(files), layout!).routes.filter((r) => r.method === 'GET')), ['GET /feed@2']);
  });
});

suite('an app reading its routes folder with remix-flat-routes', () => {
  const config = "import { remixRoutesOptionAdapter } from '@react-router/remix-routes-option-adapter';\nimport { flatRoutes } from 'remix-flat-routes';\nexport default remixRoutesOptionAdapter((defineRoutes) => flatRoutes('routes', defineRoutes, { ignoredRouteFiles: ['**/*.test.*'] }));\n";
  const files = { '/s/app/routes/api+/partner+/orders.$orderId.ts': RESOURCE, '/s/app/routes/_shell+/shelves.$shelfId.tsx': PAGE, '/s/app/routes/_shell+/shelves.$shelfId.log[.csv].ts': 'export async function loader() {\n  return new Response("");\n}\n' };

  test("its `+` folders' resource routes, at any depth, by that convention, with no warning", async () => {
    const layout = await remixLayout(memFs({ '/s/package.json': RR_PKG, '/s/app/routes.ts': config }), '/s');
    assert.deepEqual(layout, { routesDir: 'app/routes', warnings: [], flatFolders: true });
    const got = remixAppRoutes('/s', scansOf(files), layout ?? { routesDir: 'app/routes', warnings: [] });
    assert.deepEqual(listed(got.routes), ['DELETE /api/partner/orders/:orderId@3', 'GET /api/partner/orders/:orderId@2', 'GET /shelves/:shelfId/log.csv@1', 'PATCH /api/partner/orders/:orderId@3', 'POST /api/partner/orders/:orderId@3', 'PUT /api/partner/orders/:orderId@3']);
  });

  test('an app whose only modules are in `+` folders is found', async () => {
    const fs = memFs({ '/s/package.json': RR_PKG, '/s/app/routes.ts': config, ...files });
    assert.deepEqual(await findRemixApps(fs, ['/s/package.json', ...Object.keys(files)]), ['/s']);
  });
});

suite('a Remix service and app', () => {
  const route = '/w/web/app/routes/api.ping.ts';
  const fs = memFs({ '/w/web/package.json': REMIX_PKG, [route]: RESOURCE, '/w/web/app/routes/_index.tsx': PAGE, '/w/site/package.json': REMIX_PKG, '/w/site/app/root.tsx': PAGE });

  test("a Remix service's source (its app folder) serves its resource routes, as the check reads them", async () => {
    const got = await handlerServedRoutes(fs, '/w/web/app', '/w', { files: [route], extracted: scansOf({ [route]: RESOURCE }) }, { routes: [], warnings: [] });
    assert.deepEqual(listed(got.routes), ['DELETE /api/ping@3', 'GET /api/ping@2', 'PATCH /api/ping@3', 'POST /api/ping@3', 'PUT /api/ping@3']);
    assert.equal(await isRemixAppSource(fs, '/w/web/app', '/w'), true);
  });

  test('an app with a route module is a server of its own routes; one without is none', async () => {
    assert.deepEqual(await findRemixApps(fs, ['/w/web/package.json', route, '/w/web/app/routes/_index.tsx', '/w/site/package.json', '/w/site/app/root.tsx']), ['/w/web']);
  });
});

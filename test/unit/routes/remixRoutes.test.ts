// A Remix / React Router app's resource routes (remixRoutes.ts): fixtures of our own.
import * as assert from 'node:assert/strict';
import { findRemixApps, isRemixAppSource, remixAppRoutes, remixLayout, remixPathsOf } from '../../../src/core/routes/remixRoutes';
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
  test("a package building with @remix-run/dev or @react-router/dev is one; React Router's flatRoutes() config reads the folder, any other config is warned of", async () => {
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
    const coded = await remixLayout(fs, '/c');
    assert.equal(coded?.warnings.length, 1);
    assert.match(coded?.warnings[0] ?? '', /defines its routes in code/);
    // Routes built from flatRoutes()'s (each again under a language): the folder's are read, and the config is warned of.
    assert.equal((await remixLayout(fs, '/l'))?.warnings.length, 1);
    assert.equal(await remixLayout(fs, '/o'), undefined);
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

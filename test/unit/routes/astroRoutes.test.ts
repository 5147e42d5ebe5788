// An Astro app's own routes: its endpoints (scripts below the pages folder), each exported method
// at the URL the file's path gives, ALL as every method, under the config's base; only for an app
// whose adapter runs a server (@astrojs/node), and only with an endpoint.
import * as assert from 'node:assert/strict';
import { astroAppRoutes, astroLayout, astroPathsOf, findAstroApps, isAstroAppSource } from '../../../src/core/routes/astroRoutes';
import { handlerServedRoutes } from '../../../src/core/gather/appPackages';
import { memFs } from '../helpers/memFs';
import { listed, scansOf } from '../helpers/handlerScans';

const NODE_CONFIG = "import { defineConfig } from 'astro/config';\nimport node from '@astrojs/node';\n\nexport default defineConfig({\n  output: 'server',\n  adapter: node({ mode: 'standalone' }),\n});\n";
const ASTRO_PKG = JSON.stringify({ scripts: { build: 'astro build', dev: 'astro dev' }, dependencies: { astro: '^5.0.0', '@astrojs/node': '^9.0.0' } });
const ENDPOINT = "import type { APIRoute } from 'astro';\n\nexport const GET: APIRoute = () => new Response('[]');\n\nexport async function POST({ request }) {\n  return new Response(await request.text());\n}\n";

suite('astroPathsOf', () => {
  test("the path below the pages folder gives the URL: the extension dropped, index its folder, [id] a parameter, [...rest] the rest", () => {
    assert.deepEqual(astroPathsOf('api/users/[id].ts'), ['/api/users/:id']);
    assert.deepEqual(astroPathsOf('api/feed/index.js'), ['/api/feed']);
    assert.deepEqual(astroPathsOf('index.ts'), ['/']);
    assert.deepEqual(astroPathsOf('rss.xml.ts'), ['/rss.xml']);
    assert.deepEqual(astroPathsOf('files/[...path].mjs'), ['/files/:path*']);
    assert.deepEqual(astroPathsOf('[lang]/data.json.ts'), ['/:lang/data.json']);
  });

  test('pages, files and folders starting with _, declarations and tests are no endpoints', () => {
    for (const rel of ['index.astro', 'about.md', 'blog/post.mdx', '_helpers.ts', 'api/_lib/db.ts', 'api/types.d.ts', 'api/users.test.ts']) assert.deepEqual(astroPathsOf(rel), [], rel);
  });
});

suite('astro.config', () => {
  test('srcDir moves the pages folder; base is before every path', async () => {
    const config = "import { defineConfig } from 'astro/config';\nimport node from '@astrojs/node';\nexport default defineConfig({ srcDir: './app', base: '/docs/', adapter: node({ mode: 'standalone' }) });\n";
    const layout = await astroLayout(memFs({ '/a/package.json': ASTRO_PKG, '/a/astro.config.mjs': config }), '/a');
    assert.deepEqual(layout, { routesDir: 'app/pages', base: '/docs', warnings: [] });
    const file = '/a/app/pages/api/ping.ts';
    const got = astroAppRoutes('/a', scansOf({ [file]: ENDPOINT }), layout ?? { routesDir: '', base: '', warnings: [] });
    assert.deepEqual(listed(got.routes), ['GET /docs/api/ping@3', 'POST /docs/api/ping@5']);
  });

  test('a base from an unset environment variable: none, with a warning; any other value not known, with a warning', async () => {
    const withBase = (base: string) => `import node from '@astrojs/node';\nexport default {\n  adapter: node(),\n  base: ${base},\n};\n`;
    const layoutOf = (base: string) => astroLayout(memFs({ '/a/package.json': ASTRO_PKG, '/a/astro.config.mjs': withBase(base) }), '/a');
    assert.equal((await layoutOf("process.env.BASE_PATH || '/app'"))?.base, '/app');
    const unset = await layoutOf('process.env.BASE_PATH');
    assert.equal(unset?.base, '');
    assert.match(unset?.warnings[0] ?? '', /astro\.config\.mjs:4: .*BASE_PATH/);
    const unknown = await layoutOf("dev ? '' : '/app'");
    assert.equal(unknown?.base, '…');
  });

  test('no server adapter (a static site, a platform adapter serving off the container), or no astro dependency: no layout', async () => {
    const fs = memFs({
      '/s/package.json': ASTRO_PKG,
      '/s/astro.config.mjs': "import { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://example.org' });\n",
      '/v/package.json': ASTRO_PKG,
      '/v/astro.config.mjs': "import vercel from '@astrojs/vercel';\nexport default { output: 'server', adapter: vercel() };\n",
      '/x/package.json': JSON.stringify({ dependencies: { vite: '6' } }),
      '/x/astro.config.mjs': NODE_CONFIG,
    });
    for (const dir of ['/s', '/v', '/x']) assert.equal(await astroLayout(fs, dir), undefined, dir);
  });
});

suite('astroAppRoutes', () => {
  test('each exported method is a route; ALL answers every method; a file outside the pages folder is none', () => {
    const files = {
      '/a/src/pages/api/items/[id].ts': "export function GET() {}\nexport { handler as DELETE };\nexport const ALL = () => new Response(null, { status: 405 });\nfunction handler() {}\n",
      '/a/src/lib/pages/api.ts': 'export function GET() {}\n',
    };
    const got = astroAppRoutes('/a', scansOf(files), { routesDir: 'src/pages', base: '', warnings: [] });
    assert.deepEqual(listed(got.routes), ['ALL /api/items/:id@3', 'DELETE /api/items/:id@2', 'GET /api/items/:id@1']);
  });
});

suite('an Astro service and app', () => {
  const endpoint = '/w/web/src/pages/api/items.ts';
  const fs = memFs({
    '/w/web/package.json': ASTRO_PKG,
    '/w/web/astro.config.mjs': NODE_CONFIG,
    [endpoint]: ENDPOINT,
    '/w/web/src/pages/index.astro': '<h1>hi</h1>',
    '/w/site/package.json': ASTRO_PKG,
    '/w/site/astro.config.mjs': NODE_CONFIG,
    '/w/site/src/pages/index.astro': '<h1>hi</h1>',
  });

  test("an Astro service's source (its src folder) serves its endpoints, as the check reads them", async () => {
    const got = await handlerServedRoutes(fs, '/w/web/src', '/w', { files: [endpoint], extracted: scansOf({ [endpoint]: ENDPOINT }) }, { routes: [], warnings: [] });
    assert.deepEqual(listed(got.routes), ['GET /api/items@3', 'POST /api/items@5']);
    assert.equal(await isAstroAppSource(fs, '/w/web/src', '/w'), true);
  });

  test('an app with an endpoint is a server of its own routes; a site without one is none', async () => {
    const files = ['/w/web/package.json', endpoint, '/w/web/src/pages/index.astro', '/w/site/package.json', '/w/site/src/pages/index.astro'];
    assert.deepEqual(await findAstroApps(fs, files), ['/w/web']);
  });
});

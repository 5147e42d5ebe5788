// A Next.js App Router's metadata files are GET routes of their own: robots, manifest and
// favicon.ico at the router's root; sitemap and the images in any routed folder; static files at
// their names, code files at the names Next.js gives what they generate.
import * as assert from 'node:assert/strict';
import { metadataRouteOf } from '../../../src/core/routes/nextMetadata';
import { findNextApps, nextServedRoutes, nextServing } from '../../../src/core/routes/nextRoutes';
import { scanSourceText } from '../../../src/core/routes/scanFile';
import { servedSeeds } from '../../../src/core/routes/servedClosure';
import { memFs } from '../helpers/memFs';

const EXTS = ['tsx', 'ts', 'jsx', 'js'];
const pathOf = (rel: string, ids = false) => metadataRouteOf(rel, EXTS, ids)?.path;

suite('Next.js metadata routes', () => {
  test('robots, manifest and favicon.ico only at the router root; sitemap and images in any folder, dynamic segments as parameters', () => {
    assert.equal(pathOf('robots.txt'), '/robots.txt');
    assert.equal(pathOf('robots.ts'), '/robots.txt');
    assert.equal(pathOf('manifest.ts'), '/manifest.webmanifest');
    assert.equal(pathOf('manifest.json'), '/manifest.json');
    assert.equal(pathOf('favicon.ico'), '/favicon.ico');
    assert.equal(pathOf('blog/robots.ts'), undefined);
    assert.equal(pathOf('(site)/favicon.ico'), undefined);
    assert.equal(pathOf('sitemap.ts'), '/sitemap.xml');
    assert.equal(pathOf('docs/sitemap.xml'), '/docs/sitemap.xml');
    assert.equal(pathOf('[locale]/opengraph-image.tsx'), '/:locale/opengraph-image');
    assert.equal(pathOf('blog/[...slug]/twitter-image.png'), '/blog/:slug+/twitter-image.png');
  });

  test("static images by their convention's extensions, one digit allowed; code files by pageExtensions; alt texts, private folders and other names are none", () => {
    assert.equal(pathOf('icon1.png'), '/icon1.png');
    assert.equal(pathOf('icon.svg'), '/icon.svg');
    assert.equal(pathOf('apple-icon.svg'), undefined);
    assert.equal(pathOf('apple-icon.jsx'), '/apple-icon');
    assert.equal(pathOf('opengraph-image.alt.txt'), undefined);
    assert.equal(pathOf('icon12.png'), undefined);
    assert.equal(pathOf('_og/opengraph-image.tsx'), undefined);
    assert.equal(pathOf('logo.png'), undefined);
    assert.equal(metadataRouteOf('sitemap.page.ts', ['page.ts'])?.path, '/sitemap.xml');
    assert.equal(metadataRouteOf('sitemap.ts', ['page.ts']), undefined);
  });

  test('generateSitemaps and generateImageMetadata make an id parameter; an image below a route group or slot carries Next.js\'s suffix of its parent path, a sitemap none', () => {
    assert.equal(pathOf('products/sitemap.ts', true), '/products/sitemap/:id');
    assert.equal(pathOf('icon.tsx', true), '/icon/:id');
    // Next.js's own example: /(group)/group/icon.png is served at /group/icon-131tc6.png.
    assert.equal(pathOf('(group)/group/icon.png'), '/group/icon-131tc6.png');
    assert.equal(pathOf('(group)/group/opengraph-image.tsx', true), '/group/opengraph-image-131tc6/:id');
    assert.equal(pathOf('(group)/group/sitemap.ts'), '/group/sitemap.xml');
  });

  test("a code file's generate export is read with its default export", () => {
    const x = scanSourceText('/w/app/icon.tsx', "import { ImageResponse } from 'next/og'\nexport function generateImageMetadata() {\n  return [{ id: 'small' }]\n}\nexport default function Icon({ id }) {\n  return new ImageResponse(null)\n}\n");
    assert.deepEqual([x?.nextHandler?.idsLine, x?.nextHandler?.defaultLine], [2, 5]);
  });

  test("a Next.js app's served routes hold its metadata files under basePath: code files with a default export, static files as listed", async () => {
    const pkg = JSON.stringify({ dependencies: { next: '15' }, scripts: { build: 'next build' } });
    const texts: Record<string, string> = {
      '/w/web/package.json': pkg,
      '/w/web/next.config.js': "module.exports = { basePath: '/site' }\n",
      '/w/web/src/app/sitemap.ts': 'export default function sitemap() {\n  return []\n}\n',
      '/w/web/src/app/robots.ts': 'export const robots = {}\n',
      '/w/web/src/app/favicon.ico': '',
      '/w/web/src/app/blog/opengraph-image.png': '',
      '/w/web/src/app/page.tsx': 'export default function Page() {}\n',
    };
    const fs = memFs(texts);
    const files = Object.keys(texts);
    const extracted = files.flatMap((file) => {
      const x = scanSourceText(file, texts[file] ?? '');
      return x ? [{ file, x }] : [];
    });
    const got = nextServedRoutes('/w/web', { routes: [], warnings: [] }, extracted, await nextServing(fs, '/w/web', files));
    assert.deepEqual(got.routes.map((r) => `${r.method} ${r.path} ${r.line ?? '-'}`), ['GET /site/sitemap.xml 1', 'GET /site/favicon.ico -', 'GET /site/blog/opengraph-image.png -']);
  });

  test('a Next.js app with only metadata files is an app; its metadata code files are where its server starts', async () => {
    const pkg = JSON.stringify({ dependencies: { next: '15' }, scripts: { build: 'next build' } });
    const fs = memFs({ '/w/site/package.json': pkg, '/w/site/app/favicon.ico': '', '/w/lib/package.json': pkg, '/w/lib/app/logo.png': '' });
    assert.deepEqual(await findNextApps(fs, ['/w/site/package.json', '/w/site/app/favicon.ico', '/w/lib/package.json', '/w/lib/app/logo.png']), ['/w/site']);
    const files = ['/w/site/app/sitemap.ts', '/w/site/app/[id]/opengraph-image.tsx', '/w/site/app/page.tsx', '/w/site/lib/icon.ts'];
    assert.deepEqual(servedSeeds('/w/site', files, []), files.slice(0, 2));
  });
});

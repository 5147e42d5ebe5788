// A Next.js app is read for routes only through what its custom server, route handlers and config load.
import * as assert from 'node:assert/strict';
import { fileLoads, importClosure } from '../../../src/core/routes/servedClosure';
import { nextAppSeeds } from '../../../src/core/routes/serverApps';
import { memFs } from '../helpers/memFs';
import { nextAppServed } from '../../../src/core/gather/appPackages';
import type { ExtractedFile } from '../../../src/core/routes/extracted';

suite('fileLoads', () => {
  test('every module named by import, export from, require and import(); a load by a computed name says so', () => {
    const text = [
      "import express from 'express';",
      "import './side-effect';",
      "export * from '../barrel';",
      "export { a } from \"./a\";",
      "const r = require('./routes/users');",
      "import x = require('./legacy');",
      "const lazy = await import('./lazy.js');",
      "/** @type {import('next').NextConfig} */",
    ].join('\n');
    assert.deepEqual(fileLoads(text), { specifiers: ['express', './side-effect', '../barrel', './a', './routes/users', './legacy', './lazy.js', 'next'], named: [], computed: false });
    assert.deepEqual(fileLoads("export default defineConfig({ entryPoints: ['src/server/index.ts'], outDir: 'dist' });").named, ['src/server/index.ts']);
    assert.equal(fileLoads("for (const f of readdirSync(dir)) app.use(require(join(dir, f)));").computed, true);
    assert.equal(fileLoads('const page = await import(`./pages/${name}`);').computed, true);
    assert.equal(fileLoads("require('./a' + suffix)").computed, true);
    assert.equal(fileLoads('require.resolve(x); const r = requireActual(y);').computed, false);
  });
});

suite('importClosure: a Next.js app read through its custom server', () => {
  const texts: Record<string, string> = {
    '/w/web/server.js': "const express = require('express');\nconst api = require('./server/api');\nconst app = express(); app.use('/api', api);\n",
    '/w/web/server/api.ts': "import { Router } from 'express';\nimport { users } from '@lib/users';\nexport const api = Router();\n",
    '/w/web/lib/users.ts': "export const users = ['a'];\n",
    '/w/web/pages/index.tsx': "import { Button } from '../components/Button';\nexport default function Home() { return <Button />; }\n",
    '/w/web/components/Button.tsx': "import express from 'express';\nexport const router = express.Router(); router.get('/never', h);\n",
  };
  const files = Object.keys(texts);
  const aliases = [{ pattern: '@lib/*', targets: ['/w/web/lib/*'] }];

  test('only the files the seeds load, transitively, are read: a page and its components are not', async () => {
    const read: string[] = [];
    const loadsOf = (f: string) => {
      read.push(f);
      return fileLoads(texts[f] ?? '');
    };
    const closure = await importClosure(['/w/web/server.js'], files, loadsOf, aliases);
    assert.deepEqual([...(closure ?? [])].sort(), ['/w/web/lib/users.ts', '/w/web/server.js', '/w/web/server/api.ts']);
    assert.deepEqual(read.sort(), ['/w/web/lib/users.ts', '/w/web/server.js', '/w/web/server/api.ts']);
  });

  test("a config's entry named as a string (a tsup config building the custom server) is followed from the config's folder", async () => {
    const withConfig: Record<string, string> = { ...texts, '/w/web/tsup.config.ts': "export default defineConfig({ entryPoints: ['server/api.ts'] });\n" };
    const closure = await importClosure(['/w/web/tsup.config.ts'], [...files, '/w/web/tsup.config.ts'], (f) => fileLoads(withConfig[f] ?? ''), aliases);
    assert.deepEqual([...(closure ?? [])].sort(), ['/w/web/lib/users.ts', '/w/web/server/api.ts', '/w/web/tsup.config.ts']);
  });

  test('a file the server comes to import (saved with a new import) joins the closure', async () => {
    const saved: Record<string, string> = { ...texts, '/w/web/server/api.ts': `${texts['/w/web/server/api.ts']}import { router } from '../components/Button';\n` };
    const closure = await importClosure(['/w/web/server.js'], files, (f) => fileLoads(saved[f] ?? ''), aliases);
    assert.ok(closure?.has('/w/web/components/Button.tsx'));
    assert.ok(!closure?.has('/w/web/pages/index.tsx'));
  });

  test('a file reached that loads a module by a computed name: no closure (every file may run)', async () => {
    const computed: Record<string, string> = { ...texts, '/w/web/lib/users.ts': "for (const f of list) require(`./plugins/${f}`);\n" };
    assert.equal(await importClosure(['/w/web/server.js'], files, (f) => fileLoads(computed[f] ?? ''), aliases), undefined);
    // The same in a page nobody loads changes nothing.
    const inPage: Record<string, string> = { ...texts, '/w/web/pages/index.tsx': 'const P = require(name);\n' };
    assert.equal((await importClosure(['/w/web/server.js'], files, (f) => fileLoads(inPage[f] ?? ''), aliases))?.size, 3);
  });
});

suite('nextAppSeeds', () => {
  const pkg = (deps: Record<string, string>, scripts: Record<string, string>) => JSON.stringify({ dependencies: deps, scripts });

  test("a Next.js app: its route handlers, its top-level sources, src/'s middleware, the files its scripts name (not src/'s other files); a server depending on next to render pages, or no Next.js app, has none", async () => {
    const fs = memFs({
      '/w/web/package.json': pkg({ next: '15', express: '4' }, { build: 'next build', dev: 'node --inspect tools/dev-server.js' }),
      '/w/api/package.json': pkg({ next: '15', express: '4' }, { start: 'node server.js' }),
      '/w/plain/package.json': pkg({ express: '4' }, { start: 'node index.js' }),
    });
    const files = [
      '/w/web/server.js',
      '/w/web/next.config.mjs',
      '/w/web/src/middleware.ts',
      '/w/web/src/app/api/hono/[[...route]]/route.ts',
      '/w/web/pages/api/health.ts',
      '/w/web/tools/dev-server.js',
      '/w/web/src/app/page.tsx',
      '/w/web/src/theme.tsx',
      '/w/web/src/components/Button.tsx',
      '/w/web/tools/other.js',
      '/w/api/server.js',
    ];
    assert.deepEqual(await nextAppSeeds(fs, '/w/web', files), [
      '/w/web/server.js',
      '/w/web/next.config.mjs',
      '/w/web/src/middleware.ts',
      '/w/web/src/app/api/hono/[[...route]]/route.ts',
      '/w/web/pages/api/health.ts',
      '/w/web/tools/dev-server.js',
    ]);
    assert.equal(await nextAppSeeds(fs, '/w/api', files), undefined);
    assert.equal(await nextAppSeeds(fs, '/w/plain', files), undefined);
  });
});

suite('nextAppServed: the check reads a Next.js app with a custom server through what it loads', () => {
  test("a component's router, a page nobody but Next.js loads, is not among the served sources, and its file is never read; in a server app it is", async () => {
    const texts: Record<string, string> = {
      '/w/web/package.json': JSON.stringify({ dependencies: { next: '15', express: '4' }, scripts: { build: 'next build', start: 'node server.js' } }),
      '/w/web/server.js': "const express = require('express');\nconst api = require('./server/api');\n",
      '/w/web/server/api.ts': "import { Router } from 'express';\nexport const api = Router();\n",
      '/w/web/components/Button.tsx': "import express from 'express';\nexport const router = express.Router();\n",
      '/w/api/package.json': JSON.stringify({ dependencies: { express: '4' }, scripts: { start: 'node server.js' } }),
      '/w/api/server.js': "require('express');\n",
      '/w/api/components/Button.tsx': "import express from 'express';\n",
    };
    const base = memFs(texts);
    const read: string[] = [];
    const fs = { ...base, readFile: async (p: string) => (read.push(p), base.readFile(p)) };
    const x = { imports: [], routes: [], mounts: [] } as unknown as ExtractedFile;
    const web = ['/w/web/server.js', '/w/web/server/api.ts', '/w/web/components/Button.tsx'];
    const served = await nextAppServed(fs, '/w/web', '/w', web, [], web.map((file) => ({ file, x })));
    assert.deepEqual(served.map((e) => e.file), ['/w/web/server.js', '/w/web/server/api.ts']);
    assert.ok(!read.includes('/w/web/components/Button.tsx'));
    const api = ['/w/api/server.js', '/w/api/components/Button.tsx'];
    assert.equal((await nextAppServed(fs, '/w/api', '/w', api, [], api.map((file) => ({ file, x })))).length, 2);
  });
});

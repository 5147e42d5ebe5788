// A Next.js app is read for routes only through what its custom server, route handlers and config load.
import * as assert from 'node:assert/strict';
import { fileLoads, ImportClosure, servedSeeds, type FileLoads } from '../../../src/core/routes/servedClosure';
import { nextAppScope } from '../../../src/core/routes/serverApps';
import { memFs } from '../helpers/memFs';

/** The closure driven as the scanners drive it, wave by wave; `read` records every file read. */
function closureOf(seeds: string[], texts: Record<string, string>, aliases = ALIASES, read: string[] = []): Set<string> | undefined {
  const closure = new ImportClosure(seeds, Object.keys(texts), aliases);
  for (let wave = closure.wave(); wave.length > 0; wave = closure.wave())
    for (const file of wave) {
      read.push(file);
      closure.add(file, fileLoads(texts[file] ?? ''));
    }
  return closure.gaveUp ? undefined : closure.reached;
}

const ALIASES = [{ pattern: '@lib/*', targets: ['/w/web/lib/*'] }];

suite('fileLoads', () => {
  test('every module named by import, export from, require and import(); a load by a computed name says so', () => {
    const text = [
      "import express from 'express';",
      "import './side-effect';",
      "export * from '../barrel';",
      'export { a } from "./a";',
      "const r = require('./routes/users');",
      "import x = require('./legacy');",
      "const lazy = await import('./lazy.js');",
      "/** @type {import('next').NextConfig} */",
    ].join('\n');
    assert.deepEqual(fileLoads(text), { specifiers: ['express', './side-effect', '../barrel', './a', './routes/users', './legacy', './lazy.js', 'next'], named: [], computed: false } satisfies FileLoads);
    assert.deepEqual(fileLoads("export default defineConfig({ entryPoints: ['src/server/index.ts'], outDir: 'dist' });").named, ['src/server/index.ts']);
    assert.equal(fileLoads('for (const f of readdirSync(dir)) app.use(require(join(dir, f)));').computed, true);
    assert.equal(fileLoads('const page = await import(`./pages/${name}`);').computed, true);
    assert.equal(fileLoads("require('./a' + suffix)").computed, true);
    assert.equal(fileLoads('require.resolve(x); const r = requireActual(y);').computed, false);
  });
});

suite('ImportClosure: a Next.js app read through its custom server', () => {
  const texts: Record<string, string> = {
    '/w/web/server.js': "const express = require('express');\nconst api = require('./server/api');\nconst app = express(); app.use('/api', api);\n",
    '/w/web/server/api.ts': "import { Router } from 'express';\nimport { users } from '@lib/users';\nexport const api = Router();\n",
    '/w/web/lib/users.ts': "export const users = ['a'];\n",
    '/w/web/pages/index.tsx': "import { Button } from '../components/Button';\nexport default function Home() { return <Button />; }\n",
    '/w/web/components/Button.tsx': "import express from 'express';\nexport const router = express.Router(); router.get('/never', h);\n",
  };

  test('only the files the seeds load, transitively, are read: a page and its components are not', () => {
    const read: string[] = [];
    assert.deepEqual([...(closureOf(['/w/web/server.js'], texts, ALIASES, read) ?? [])].sort(), ['/w/web/lib/users.ts', '/w/web/server.js', '/w/web/server/api.ts']);
    assert.deepEqual(read.sort(), ['/w/web/lib/users.ts', '/w/web/server.js', '/w/web/server/api.ts']);
  });

  test("a config's entry named as a string (a tsup config building the custom server) is followed from the config's folder", () => {
    const withConfig = { ...texts, '/w/web/tsup.config.ts': "export default defineConfig({ entryPoints: ['server/api.ts'] });\n" };
    assert.deepEqual([...(closureOf(['/w/web/tsup.config.ts'], withConfig) ?? [])].sort(), ['/w/web/lib/users.ts', '/w/web/server/api.ts', '/w/web/tsup.config.ts']);
  });

  test('a file the server comes to import (saved with a new import) joins the closure', () => {
    const saved = { ...texts, '/w/web/server/api.ts': `${texts['/w/web/server/api.ts']}import { router } from '../components/Button';\n` };
    const closure = closureOf(['/w/web/server.js'], saved);
    assert.ok(closure?.has('/w/web/components/Button.tsx'));
    assert.ok(!closure?.has('/w/web/pages/index.tsx'));
  });

  test('a file reached that loads a module by a computed name: no closure (every file may run); the same in a page nobody loads changes nothing', () => {
    assert.equal(closureOf(['/w/web/server.js'], { ...texts, '/w/web/lib/users.ts': 'for (const f of list) require(`./plugins/${f}`);\n' }), undefined);
    assert.equal(closureOf(['/w/web/server.js'], { ...texts, '/w/web/pages/index.tsx': 'const P = require(name);\n' })?.size, 3);
  });
});

suite('servedSeeds and nextAppScope', () => {
  const pkg = (deps: Record<string, string>, scripts: Record<string, string>) => JSON.stringify({ dependencies: deps, scripts });

  test("a Next.js app starts from its route handlers, its top-level sources, src/'s middleware and the files its scripts run; not src/'s other files", async () => {
    const fs = memFs({ '/w/web/package.json': pkg({ next: '15', express: '4' }, { build: 'next build', dev: 'node --inspect tools/dev-server.js' }) });
    const scope = await nextAppScope(fs, '/w/web');
    assert.deepEqual(scope, { named: ['/w/web/tools/dev-server.js'] });
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
    ];
    assert.deepEqual(servedSeeds('/w/web', files, scope?.named ?? []), files.slice(0, 6));
  });

  test('a server depending on next only to render pages, and a package without next, are no Next.js apps: every file of theirs may serve', async () => {
    const fs = memFs({
      '/w/api/package.json': pkg({ next: '15', express: '4' }, { start: 'node server.js' }),
      '/w/plain/package.json': pkg({ express: '4' }, { start: 'node index.js' }),
    });
    assert.equal(await nextAppScope(fs, '/w/api'), undefined);
    assert.equal(await nextAppScope(fs, '/w/plain'), undefined);
    assert.equal(await nextAppScope(fs, '/w/none'), undefined);
  });
});

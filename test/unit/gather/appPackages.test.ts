// The workspace packages a service's server reads for its routes; their Nest controllers served
// only through a module the app's modules import.
import * as assert from 'node:assert/strict';
import { appPackageSources, handlerServedRoutes, servedPackageRoutes } from '../../../src/core/gather/appPackages';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { memFs } from '../helpers/memFs';

const file = (path: string, text: string) => ({ file: path, x: extractRoutesFromSource(text, path) });

suite('servedPackageRoutes', () => {
  test("a package's controller serves when a module the app imports lists it; one of a module nobody imports does not", () => {
    const own = [file('/w/apps/api/src/app.module.ts', "@Module({ imports: [ProfilingModule.register('api')] })\nexport class AppModule {}\n")];
    const theirs = [
      file('/w/libs/generic/src/profiling.module.ts', '@Module({ controllers: [ProfilingController] })\nexport class ProfilingModule {}\n'),
      file('/w/libs/generic/src/profiling.controller.ts', "@Controller('/debug/pprof')\nexport class ProfilingController {\n  @Get('/heap')\n  heap() {}\n}\n"),
      file('/w/packages/framework/src/nest.module.ts', '@Module({ controllers: [NovuController] })\nexport class NovuModule {}\n'),
      file('/w/packages/framework/src/nest.controller.ts', '@Controller()\nexport class NovuController {\n  @Post()\n  post() {}\n}\n'),
    ];
    const routes = servedPackageRoutes(own, theirs).flatMap((e) => e.x.routes.map((r) => `${r.method} ${r.path}`));
    assert.deepEqual(routes, ['GET /debug/pprof/heap']);
  });

  test("a package's routing-controllers controller serves with no module: the server's controllers option lists it (its module classes hand it over)", () => {
    const own = [file('/w/server/src/index.ts', "import { OcpiServer } from '@x/base';\nimport { CdrsModule } from '@x/cdrs';\nnew OcpiServer().run([new CdrsModule().getController()]);\n")];
    const theirs = [
      file('/w/cdrs/src/cdrs.api.ts', "import { Get, JsonController } from 'routing-controllers';\n@JsonController('/cdrs')\nexport class CdrsApi {\n  @Get('/:id')\n  one() {}\n}\n"),
      file('/w/nest/src/nest.controller.ts', "import { Controller, Post } from '@nestjs/common';\n@Controller()\nexport class NovuController {\n  @Post()\n  post() {}\n}\n"),
    ];
    const routes = servedPackageRoutes(own, theirs).flatMap((e) => e.x.routes.map((r) => `${r.method} ${r.path}`));
    assert.deepEqual(routes, ['GET /cdrs/:id']);
  });
});

suite('appPackageSources', () => {
  test("a Next.js service whose route handler serves a workspace package's Hono app (the app listing no framework) reads that package for its routes", async () => {
    const fs = memFs({
      '/w/package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*', 'packages/*'] }),
      '/w/apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { next: '15', '@x/api': 'workspace:*' }, scripts: { build: 'next build', start: 'next start' } }),
      '/w/apps/web/app/api/[[...route]]/route.ts': "import { Hono } from 'hono';\nimport { handle } from 'hono/vercel';\nimport api from '@x/api';\nexport const GET = handle(new Hono().basePath('/api').route('/', api));\n",
      '/w/packages/api/package.json': JSON.stringify({ name: '@x/api', main: './index.ts', dependencies: { hono: '4' } }),
      '/w/packages/api/index.ts': "import { Hono } from 'hono';\nexport default new Hono().get('/health', h);\n",
    });
    const sources = await appPackageSources(fs, '/w/apps/web', '/w');
    assert.deepEqual(sources.roots, ['/w/packages/api']);
  });

  test("an app whose package.json lists the workspace root above it as its own workspace (`workspaces: ['../']`) reads the root workspace's packages it depends on", async () => {
    const fs = memFs({
      '/w/package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['./base', './modules/*', './server'] }),
      '/w/base/package.json': JSON.stringify({ name: '@x/base', main: 'dist/index.js', dependencies: { koa: '2', 'routing-controllers': '0.10' } }),
      '/w/base/src/index.ts': '',
      '/w/modules/cdrs/package.json': JSON.stringify({ name: '@x/cdrs', main: 'dist/index.js', dependencies: { '@x/base': '1' } }),
      '/w/modules/cdrs/src/api.ts': '',
      '/w/server/package.json': JSON.stringify({ name: '@x/server', workspaces: ['../'], scripts: { start: 'node dist/index.js' }, dependencies: { '@x/base': '1', '@x/cdrs': '1', koa: '2' } }),
      '/w/server/src/index.ts': '',
    });
    const sources = await appPackageSources(fs, '/w/server/src', '/w');
    assert.deepEqual(sources.roots.sort(), ['/w/base', '/w/modules/cdrs']);
  });
});

suite('appPackageSources: shared folders its aliases reach', () => {
  const files = {
    '/w/package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*'] }),
    '/w/apps/api/package.json': JSON.stringify({ name: 'api', dependencies: { fastify: '5' } }),
    '/w/apps/api/src/main.ts': '',
    '/w/apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { react: '19', 'react-dom': '19', vite: '7' }, scripts: { build: 'vite build' } }),
    '/w/apps/web/src/main.tsx': '',
    '/w/libs/shared/src/index.ts': '',
    '/w/node_modules/x/index.d.ts': '',
  };
  const aliases = [
    { pattern: '@ws/shared/*', targets: ['/w/libs/shared/src/*'] },
    { pattern: '@ws/web/*', targets: ['/w/apps/web/src/*'] },
    { pattern: '@ws/api/*', targets: ['/w/apps/api/src/*'] },
    { pattern: 'x', targets: ['/w/node_modules/x/index.d.ts'] },
    { pattern: '@ws/gone/*', targets: ['/w/libs/gone/src/*'] },
    { pattern: '*', targets: ['/w/*'] },
  ];

  test("a server reads the folder in no package; not another package's, its own, a dependency's, a missing one or the whole workspace", async () => {
    assert.deepEqual((await appPackageSources(memFs(files), '/w/apps/api/src', '/w', aliases)).roots, ['/w/libs/shared/src']);
  });

  test('a front end reads none', async () => {
    assert.deepEqual((await appPackageSources(memFs(files), '/w/apps/web/src', '/w', aliases)).roots, []);
  });
});

suite('appPackageSources: an Nx workspace with one package.json', () => {
  const project = (targets: Record<string, unknown>) => JSON.stringify({ name: 'p', projectType: 'application', targets });
  const run = (options: Record<string, unknown>) => ({ executor: 'nx:run-commands', options });
  const files = {
    '/w/package.json': JSON.stringify({ name: 'ws', private: true, dependencies: { express: '5', '@angular/core': '21', astro: '5' } }),
    '/w/apps/api/project.json': project({ serve: { executor: '@nx/js:node' } }),
    '/w/apps/api/src/main.ts': '',
    '/w/apps/shop/project.json': project({ start: run({ commands: ['tsx worker.ts --watch', { command: 'tsx worker.ts && ng serve --port 4200' }] }) }),
    '/w/apps/shop/src/main.ts': '',
    '/w/apps/site/project.json': project({ dev: run({ command: 'astro dev --port 4321' }) }),
    '/w/apps/site/src/pages/index.astro': '',
    '/w/apps/admin/project.json': project({ build: { executor: '@nx/vite:build' } }),
    '/w/apps/admin/src/main.tsx': '',
    '/w/libs/routes/src/index.ts': '',
  };
  const aliases = [{ pattern: '@ws/routes', targets: ['/w/libs/routes/src/index.ts'] }];

  test("the server's project reads the folder its alias reaches", async () => {
    assert.deepEqual((await appPackageSources(memFs(files), '/w/apps/api/src', '/w', aliases)).roots, ['/w/libs/routes/src']);
  });

  test('a project whose targets run a front-end tool (ng serve, astro dev) or a browser executor reads none', async () => {
    for (const root of ['/w/apps/shop/src', '/w/apps/site/src', '/w/apps/admin/src']) assert.deepEqual((await appPackageSources(memFs(files), root, '/w', aliases)).roots, [], root);
  });
});

suite('handlerServedRoutes', () => {
  test("a Next.js service's routes outside its route handlers' folders are left out (its package.json above the source root); another server's stay", async () => {
    const fs = memFs({
      '/w/apps/web/package.json': JSON.stringify({ dependencies: { next: '15' }, scripts: { build: 'next build', start: 'next start' } }),
      '/w/apps/web/src/app/api/[[...route]]/route.ts': "import { handle } from 'hono/vercel'\n",
      '/w/apps/api/package.json': JSON.stringify({ dependencies: { hono: '4' }, scripts: { start: 'node dist/index.js' } }),
    });
    const collected = { routes: [{ method: 'GET' as const, path: '/api/health', origin: 'source' as const }, { method: 'GET' as const, path: '/health', origin: 'source' as const }], warnings: [] };
    const web = await handlerServedRoutes(fs, '/w/apps/web/src', '/w', { files: ['/w/apps/web/src/app/api/[[...route]]/route.ts'], extracted: [] }, collected);
    assert.deepEqual(web.routes.map((r) => r.path), ['/api/health']);
    assert.equal(web.warnings.length, 1);
    assert.deepEqual(await handlerServedRoutes(fs, '/w/apps/api', '/w', { files: [], extracted: [] }, collected), collected);
  });
});

suite('appPackageSources: a server app package the service imports', () => {
  // The service's own file imports the Express app a workspace package exports (that package also
  // starts on its own with a dev script), adds a route to it and serves it.
  const files = {
    '/w/package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*', 'cli'] }),
    '/w/cli/package.json': JSON.stringify({ name: 'cli', dependencies: { express: '4', '@x/api': 'workspace:^', '@x/util': 'workspace:^' }, scripts: { start: 'node dist/server.js' } }),
    '/w/cli/src/server.ts': "import { app } from '@x/api';\nimport { helper } from '@x/util';\napp.get('*', helper);\napp.listen(2000);\n",
    '/w/packages/api/package.json': JSON.stringify({ name: '@x/api', main: './index.ts', dependencies: { express: '4' }, scripts: { dev: 'tsx watch dev-server.ts' } }),
    '/w/packages/api/index.ts': "import express from 'express';\nexport const app = express();\napp.get('/api/items', h);\n",
    '/w/packages/api/dev-server.ts': "import { app } from './index';\napp.listen(2001);\n",
    '/w/packages/util/package.json': JSON.stringify({ name: '@x/util', main: './index.ts' }),
    '/w/packages/util/index.ts': 'export const helper = () => 1;\n',
  };

  test('reads the package when a file of the source root imports it by name', async () => {
    const sources = await appPackageSources(memFs(files), '/w/cli/src', '/w', [], ['@x/api', '@x/util', 'express']);
    assert.deepEqual([...sources.roots].sort(), ['/w/packages/api', '/w/packages/util']);
  });

  test('leaves it, a server of its own, when no file imports it (a dependency for its types or scripts)', async () => {
    const sources = await appPackageSources(memFs(files), '/w/cli/src', '/w', [], ['@x/util', 'express']);
    assert.deepEqual(sources.roots, ['/w/packages/util']);
  });
});

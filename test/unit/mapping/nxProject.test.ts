import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { readNxProject } from '../../../src/core/mapping/nxProject';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

// An Nx workspace of the workspace.json era: no project.json, each project declared inline with
// Angular CLI names (architect, builder), roots written with a trailing slash.
const WORKSPACE = {
  version: 1,
  projects: {
    shop: {
      root: 'apps/shop/',
      sourceRoot: 'apps/shop/src',
      projectType: 'application',
      architect: { build: { builder: '@angular-devkit/build-angular:browser', options: { outputPath: 'dist/apps/shop', main: 'apps/shop/src/main.ts' } } },
    },
    backend: {
      root: 'apps/backend',
      sourceRoot: 'apps/backend/src',
      projectType: 'application',
      architect: { build: { builder: '@nrwl/node:build', options: { outputPath: 'dist/apps/backend', main: 'apps/backend/src/main.ts' } } },
    },
  },
};

const files = {
  '/ws/package.json': JSON.stringify({ name: 'ws', scripts: { build: 'nx build' }, dependencies: { '@nestjs/core': '8', '@angular/core': '12' }, devDependencies: { '@nrwl/workspace': '12' } }),
  '/ws/nx.json': '{"npmScope":"ws"}',
  '/ws/workspace.json': JSON.stringify(WORKSPACE),
  '/ws/tsconfig.base.json': '{}',
  '/ws/apps/backend/tsconfig.app.json': '{"compilerOptions":{"outDir":"../../dist/out-tsc"}}',
  '/ws/apps/backend/src/main.ts': '',
  '/ws/apps/backend/src/app/app.controller.ts': '',
  '/ws/apps/shop/tsconfig.app.json': '{"compilerOptions":{"outDir":"../../dist/out-tsc"}}',
  '/ws/apps/shop/src/main.ts': '',
  '/ws/backend.Dockerfile': ['FROM node AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build -- backend --prod', 'FROM node', 'COPY --from=build /app/dist/apps/backend ./dist/apps/backend', 'CMD ["node", "dist/apps/backend/main.js"]'].join('\n'),
  '/ws/shop.Dockerfile': ['FROM node AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build -- shop --prod', 'FROM nginx', 'WORKDIR /usr/share/nginx/html', 'COPY --from=build /app/dist/apps/shop .'].join('\n'),
};
const spec = (dockerfile: string): ServiceSpec => ({ name: 'x', project: 'ws', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context: '/ws', dockerfile } });

suite('Nx projects declared in workspace.json', () => {
  test("a project without project.json is read from the workspace.json entry whose root is its folder, architect and builder read as Nx's targets and executor", async () => {
    const read = await readNxProject(memFs(files), '/ws/apps/shop');
    assert.equal(read?.file, '/ws/workspace.json');
    assert.equal(read?.config['sourceRoot'], 'apps/shop/src');
    assert.deepEqual((read?.config['targets'] as Record<string, Record<string, unknown>>)['build']?.['executor'], '@angular-devkit/build-angular:browser');
    // A project.json of its own wins.
    const own = await readNxProject(memFs({ ...files, '/ws/apps/shop/project.json': '{"name":"shop","sourceRoot":"apps/shop/app"}' }), '/ws/apps/shop');
    assert.equal(own?.config['sourceRoot'], 'apps/shop/app');
    assert.equal(await readNxProject(memFs(files), '/ws/apps/none'), undefined);
  });

  test("an Nx workspace made on the Angular CLI (before Nx 11) declares its projects in angular.json beside nx.json: ng build <project> selects the server, whose bundle copied alone as main.js lands in the WORKDIR", async () => {
    const { ['/ws/workspace.json']: workspace, ...rest } = files;
    const ng = {
      ...rest,
      '/ws/angular.json': workspace,
      '/ws/package.json': JSON.stringify({ name: 'ws', scripts: { 'build:backend': 'ng build backend --prod' }, dependencies: { '@nestjs/core': '7', '@angular/core': '10' } }),
      '/ws/libs/shared/src/index.ts': '',
      '/ws/api.Dockerfile': ['FROM node AS build', 'WORKDIR /app', 'COPY angular.json nx.json package.json ./', 'COPY ./libs/shared ./libs/shared', 'COPY ./apps/backend ./apps/backend', 'RUN npm ci && npm run build:backend', 'FROM node', 'WORKDIR /app', 'COPY package.json ./', 'RUN npm ci --prod', 'COPY --from=build /app/dist/apps/backend/main.js main.js', 'CMD ["node", "main.js"]'].join('\n'),
    };
    const m = await inferMapping(memFs(ng), spec('/ws/api.Dockerfile'));
    assert.equal(m?.sourceRoot, '/ws/apps/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    // Without nx.json, angular.json is an Angular CLI workspace's own: not read as Nx's.
    const { ['/ws/nx.json']: _nx, ...plain } = ng;
    assert.equal((await readNxProject(memFs(plain), '/ws/apps/backend')), undefined);
  });

  test("the server built by Nx before v12's @nrwl/node:build (webpack) is a bundle in its outputPath, its source root workspace.json's sourceRoot", async () => {
    const m = await inferMapping(memFs(files), spec('/ws/backend.Dockerfile'));
    assert.equal(m?.sourceRoot, '/ws/apps/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/dist/apps/backend', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: workspace.json build target (@nrwl/node:build, outputPath dist/apps/backend)'), m?.evidence.join('\n'));
  });

  test("a front end built by the Angular CLI's browser builder is a bundle in its outputPath, served by nginx", async () => {
    const m = await inferMapping(memFs(files), spec('/ws/shop.Dockerfile'));
    assert.equal(m?.sourceRoot, '/ws/apps/shop/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/usr/share/nginx/html', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });
});

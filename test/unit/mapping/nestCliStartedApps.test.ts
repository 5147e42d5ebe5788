// A Nest CLI monorepo whose images build nothing: each compose service copies the manifests, installs,
// then copies one app's folder and starts it with `nest start --watch <app>` through a package script.
// The app started is the one mapped (not nest-cli.json's default app): with nest-cli.json's webpack
// on, the bundle nest start writes for it (dist/apps/<app>). Our own fixture.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { serverSourceRoots } from '../../../src/core/gather/workspaceFiles';
import type { DeclaredConfig, ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const app = (name: string) => ({ type: 'application', root: `apps/${name}`, sourceRoot: `apps/${name}/src`, compilerOptions: { tsConfigPath: `apps/${name}/tsconfig.app.json` } });

const DOCKERFILE = (name: string) =>
  ['FROM node:20-alpine', `ARG app=${name}`, 'WORKDIR /srv', 'COPY tsconfig*.json .', 'COPY package*.json .', 'COPY nest-cli.json .', 'RUN npm install', 'COPY apps/${app} apps/${app}', 'COPY libs libs', ''].join('\n');

const FILES: Record<string, string> = {
  '/ws/package.json': JSON.stringify({ scripts: { build: 'nest build', 'start:dev': 'nest start --watch' }, dependencies: { '@nestjs/core': '10' } }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist' } }),
  '/ws/nest-cli.json': JSON.stringify({
    sourceRoot: 'apps/gateway/src',
    monorepo: true,
    root: 'apps/gateway',
    compilerOptions: { webpack: true, tsConfigPath: 'apps/gateway/tsconfig.app.json' },
    projects: { gateway: app('gateway'), billing: app('billing'), shared: { type: 'library', root: 'libs/shared', sourceRoot: 'libs/shared/src' } },
  }),
  '/ws/apps/gateway/tsconfig.app.json': '{"extends":"../../tsconfig.json","compilerOptions":{"outDir":"../../dist/apps/gateway"}}',
  '/ws/apps/gateway/src/main.ts': '',
  '/ws/apps/billing/tsconfig.app.json': '{"extends":"../../tsconfig.json","compilerOptions":{"outDir":"../../dist/apps/billing"}}',
  '/ws/apps/billing/src/main.ts': '',
  '/ws/libs/shared/src/index.ts': '',
  '/ws/apps/gateway/Dockerfile': DOCKERFILE('gateway'),
  '/ws/apps/billing/Dockerfile': DOCKERFILE('billing'),
};
const files = memFs(FILES);

const service = (name: string, command: string[]): ServiceSpec => ({
  name,
  project: 'ws',
  projectDir: '/ws',
  composeFiles: ['/ws/docker-compose.yml'],
  ports: [],
  drift: {},
  build: { context: '/ws', dockerfile: `/ws/apps/${name}/Dockerfile` },
  config: { environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: {}, labels: {}, command },
});

suite('mapping: a Nest CLI monorepo app started, not built, by the image', () => {
  test('`npm run start:dev billing` (a script running nest start --watch): the billing app, its webpack bundle', async () => {
    const m = await inferMapping(files, service('billing', ['npm', 'run', 'start:dev', 'billing', '--prefix', '/srv']));
    assert.equal(m?.sourceRoot, '/ws/apps/billing/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/dist/apps/billing', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => e.startsWith("Nest CLI app billing of nest-cli.json's projects, started by npm run start:dev billing")), m?.evidence.join('\n'));
  });

  test("the default app's service: the default app's bundle", async () => {
    const m = await inferMapping(files, service('gateway', ['npm', 'run', 'start:dev', 'gateway']));
    assert.equal(m?.sourceRoot, '/ws/apps/gateway/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/dist/apps/gateway', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
  });

  test("an image that copies only another app of the workspace (a migrations app, its manifests installed, nothing built, `tail -f`) maps nothing and shows none of the default app's routes; the default app's own image still does", async () => {
    const tools = memFs({
      '/ws/services/package.json': JSON.stringify({ name: 'services', dependencies: { '@nestjs/core': '10' } }),
      '/ws/services/nest-cli.json': JSON.stringify({ sourceRoot: 'apps/gateway/src', monorepo: true, root: 'apps/gateway', projects: { gateway: app('gateway'), migrate: app('migrate') } }),
      '/ws/services/apps/gateway/src/main.ts': '',
      '/ws/services/apps/migrate/src/run.ts': '',
      '/ws/services/migrate/Dockerfile': ['FROM node:20-alpine', 'WORKDIR /srv', 'COPY services/package*.json ./', 'RUN npm ci', 'COPY services/apps/migrate ./apps/migrate', 'COPY services/tsconfig.json ./', 'CMD ["sh", "-c", "tail -f /dev/null"]', ''].join('\n'),
      '/ws/services/Dockerfile': ['FROM node:20-alpine', 'WORKDIR /srv', 'COPY services/package*.json ./', 'RUN npm ci', 'COPY services .', 'RUN npx nest build', 'CMD ["node", "dist/main.js"]', ''].join('\n'),
    });
    const migrate = { ...service('migrate', []), build: { context: '/ws', dockerfile: '/ws/services/migrate/Dockerfile' } };
    const m = await inferMapping(tools, migrate);
    assert.equal(m, undefined, m?.evidence.join('\n'));
    assert.deepEqual(await serverSourceRoots(tools, migrate, { workspaceDir: '/ws' }), []);
    const gateway = { ...service('gateway', []), build: { context: '/ws', dockerfile: '/ws/services/Dockerfile' } };
    assert.equal((await inferMapping(tools, gateway))?.sourceRoot, '/ws/services/apps/gateway/src');
    assert.deepEqual(await serverSourceRoots(tools, gateway, { workspaceDir: '/ws' }), ['/ws/services/apps/gateway/src']);
  });
  test('an image building every app (`nest build gateway && nest build billing`) run as billing (`npm run start:dev billing`): the billing app, not the first built', async () => {
    const both = memFs({
      ...FILES,
      '/ws/package.json': JSON.stringify({ scripts: { build: 'nest build gateway && nest build billing', 'start:dev': 'nest start --watch' }, dependencies: { '@nestjs/core': '10' } }),
      '/ws/Dockerfile': ['FROM node:20-alpine', 'WORKDIR /srv', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', ''].join('\n'),
    });
    const billing = { ...service('billing', ['npm', 'run', 'start:dev', 'billing']), build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };
    const m = await inferMapping(both, billing);
    assert.equal(m?.sourceRoot, '/ws/apps/billing/src', m?.evidence.join('\n'));
    const gateway = { ...service('gateway', ['npm', 'run', 'start:dev', 'gateway']), build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };
    assert.equal((await inferMapping(both, gateway))?.sourceRoot, '/ws/apps/gateway/src');
    const plain = { ...service('web', []), build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };
    assert.equal((await inferMapping(both, plain))?.sourceRoot, '/ws/apps/gateway/src', 'no start naming an app: the first built');
  });
});

// A dev container for one package of a pnpm workspace: the image copies only its entrypoint script
// (to /usr/local/bin), the compose service bind-mounts the workspace where the image works, and the
// start runs the package's watch script by name (`pnpm --filter @acme/api start:dev`), which
// compiles the source into its outDir before running it (`nest start --watch`).
import { assertMapping } from './assertMapping';
import { buildSpec } from '../helpers/buildSpec';
import type { DeclaredConfig, ServiceSpec } from '../../../src/core/model';

const DOCKERFILE = 'FROM node:22-alpine\nRUN corepack enable\nWORKDIR /app\nCOPY ops/dev/entrypoint.sh /usr/local/bin/entrypoint.sh\nENTRYPOINT ["entrypoint.sh"]\nCMD ["pnpm", "--filter", "@acme/api", "start:dev"]\n';

const files = (startDev: string, dockerfile = DOCKERFILE) => ({
  '/ws/package.json': JSON.stringify({ name: 'acme', private: true }),
  '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
  '/ws/apps/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { '@nestjs/core': '^11' }, scripts: { build: 'nest build', 'start:dev': startDev } }),
  '/ws/apps/api/nest-cli.json': JSON.stringify({ sourceRoot: 'src' }),
  '/ws/apps/api/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist' } }),
  '/ws/apps/api/src/main.ts': "import { NestFactory } from '@nestjs/core';\n",
  '/ws/apps/web/package.json': JSON.stringify({ name: '@acme/web', dependencies: { vue: '^3' }, devDependencies: { vite: '^6' }, scripts: { 'start:dev': 'vite' } }),
  '/ws/apps/web/index.html': '<div id="app"></div>\n',
  '/ws/apps/web/src/main.ts': "document.title = 'x';\n",
  '/ws/ops/dev/entrypoint.sh': '#!/bin/sh\nset -e\npnpm install\nexec "$@"\n',
  '/ws/ops/dev/Dockerfile': dockerfile,
});

const mounting: ServiceSpec = {
  ...buildSpec('/ws/ops/dev/Dockerfile'),
  config: { environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: { '/app': 'bind:/ws', '/app/node_modules': 'volume:deps' }, labels: {} } satisfies DeclaredConfig,
};

suite('a dev container running one workspace package from the mounted workspace', () => {
  test('the entrypoint copied elsewhere leaves the mount in force; pnpm runs the script named in place of a command in the filtered package; nest start writes dist: its source maps there', async () => {
    await assertMapping(files('nest start --watch'), { sourceRoot: '/ws/apps/api/src', target: '/app/apps/api/dist', buildOutDir: '/ws/apps/api/dist', bundled: false }, mounting);
  });

  test('a dev server the filtered package runs by its script (`pnpm --filter @acme/web start:dev` -> vite) serves that package\'s mounted source', async () => {
    await assertMapping(files('nest start --watch', DOCKERFILE.replace('@acme/api', '@acme/web')), { sourceRoot: '/ws/apps/web/src', target: '/app/apps/web/src', bundled: false }, mounting);
  });

  test('a start that compiles nothing (ts-node) runs the mounted source itself', async () => {
    await assertMapping(files('ts-node src/main.ts'), { sourceRoot: '/ws/apps/api/src', target: '/app/apps/api/src' }, mounting);
  });

  test('an image copying the context into its WORKDIR keeps its own copy, not the mount: nest start compiles it inside the container, nothing local to compare, so the copied source is mapped', async () => {
    const copying = DOCKERFILE.replace('WORKDIR /app\n', 'WORKDIR /srv\nCOPY . .\n');
    await assertMapping(files('nest start --watch', copying), { sourceRoot: '/ws/apps/api/src', target: '/srv/apps/api/src' }, mounting);
  });
});

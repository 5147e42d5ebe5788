// Images holding one piece of a workspace where they start: the app's own folder of a Next.js
// standalone output, one package's folder at the working directory a compose service names, and
// a build script the image runs beside another naming a config it never runs.
import { assertMapping } from './assertMapping';
import { buildSpec } from '../helpers/buildSpec';

const NEXT_DEPS = { next: '16', react: '19', 'react-dom': '19' };

suite('mapping: the piece of a workspace an image starts', () => {
  test("only the app's own folder of a Next.js standalone output copied (standalone/apps/site ./): the app's .next at that copy", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['apps/*'], scripts: { 'build:site': 'yarn workspace site build' } }),
      '/ws/yarn.lock': '',
      '/ws/apps/site/package.json': JSON.stringify({ name: 'site', dependencies: NEXT_DEPS, scripts: { build: 'next build' } }),
      '/ws/apps/site/next.config.js': "module.exports = { output: 'standalone' };\n",
      '/ws/apps/site/tsconfig.json': '{"compilerOptions":{"noEmit":true,"jsx":"preserve"},"include":["src"]}',
      '/ws/apps/site/src/pages/index.tsx': '',
      '/ws/Dockerfile': [
        'FROM node:22-alpine AS build',
        'WORKDIR /srv',
        'COPY . .',
        'RUN yarn install && yarn build:site',
        'FROM node:22-alpine',
        'WORKDIR /srv',
        'COPY --from=build /srv/apps/site/.next/standalone/apps/site ./',
        'COPY --from=build /srv/apps/site/.next/static ./.next/static',
        'CMD ["node", "server.js"]',
      ].join('\n'),
    };
    await assertMapping(files, { sourceRoot: '/ws/apps/site/src', target: '/srv/.next', bundled: true });
  });

  test("a compose service's working_dir where the final stage holds one package's folder (no CMD, the whole workspace in the build stage): that package's sources", async () => {
    const pkg = (name: string, deps: Record<string, string>) => JSON.stringify({ name, scripts: { start: 'tsx src/main.ts' }, dependencies: { tsx: '4', ...deps } });
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'hub', private: true }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - svc/*\n  - lib/*\n',
      '/ws/svc/webhooks/package.json': pkg('webhooks', { express: '4' }),
      '/ws/svc/webhooks/tsconfig.json': '{"compilerOptions":{"outDir":"dist"},"include":["src"]}',
      '/ws/svc/webhooks/src/main.ts': '',
      '/ws/svc/search/package.json': pkg('search', { express: '4' }),
      '/ws/svc/search/src/main.ts': '',
      '/ws/lib/http/package.json': JSON.stringify({ name: 'http', dependencies: { express: '4' } }),
      '/ws/lib/http/src/index.ts': '',
      '/ws/Dockerfile': [
        'FROM node:22-alpine AS builder',
        'WORKDIR /opt/hub',
        'COPY pnpm-workspace.yaml ./',
        'COPY ./svc ./svc',
        'COPY ./lib ./lib',
        'RUN pnpm i',
        'FROM node:22-alpine',
        'WORKDIR /opt/hub',
        'COPY --from=builder /opt/hub/node_modules ./node_modules',
        'COPY --from=builder /opt/hub/lib ./lib',
        'COPY --from=builder /opt/hub/svc/webhooks/ ./svc/webhooks',
      ].join('\n'),
    };
    const config = { command: ['pnpm', 'run', 'start'], workingDir: '/opt/hub/svc/webhooks', environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: {}, labels: {} };
    const spec = { ...buildSpec(), config };
    await assertMapping(files, { sourceRoot: '/ws/svc/webhooks/src', target: '/opt/hub/svc/webhooks/src', bundled: false }, spec);
  });

  test('the build script the image runs (ttsc, a tsc wrapper) over another build script naming a config the image never runs (build:tools)', async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'gate', scripts: { build: 'rimraf build && ttsc', 'build:tools': 'tsc --project tools/tsconfig.json', start: 'node build/main.js' }, dependencies: { express: '4' } }),
      '/ws/tsconfig.json': '{"compilerOptions":{"outDir":"build"},"include":["src/**/*.ts"]}',
      '/ws/src/main.ts': '',
      '/ws/tools/tsconfig.json': '{"compilerOptions":{"outDir":"build"},"include":["*.ts"]}',
      '/ws/tools/bench.ts': '',
      '/ws/Dockerfile': ['FROM node:22-alpine AS builder', 'WORKDIR /build', 'COPY . .', 'RUN npm ci && npm run build', 'FROM node:22-alpine', 'WORKDIR /app', 'COPY --from=builder /build /app', 'CMD ["node", "build/main.js"]'].join('\n'),
    };
    await assertMapping(files, { sourceRoot: '/ws/src', target: '/app/build', bundled: false });
  });
});

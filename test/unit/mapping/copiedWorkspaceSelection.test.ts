// A repository whose JavaScript workspace is a folder below the build context (`web/`, beside code of
// another language): the Dockerfile copies that workspace's manifests, then the folder, to its WORKDIR
// and builds one package of it with a filter; the image runs that package's output.
import { assertMapping } from './assertMapping';

const DOCKERFILE = [
  'FROM node:22-alpine AS deps',
  'WORKDIR /app',
  'COPY web/package.json web/pnpm-lock.yaml web/pnpm-workspace.yaml ./',
  'COPY web/apps/api/package.json ./apps/api/package.json',
  'RUN pnpm install --frozen-lockfile',
  'FROM node:22-alpine AS builder',
  'WORKDIR /app',
  'COPY --from=deps /app/node_modules ./node_modules',
  'COPY web/ .',
  'RUN pnpm --filter @acme/api build',
  'FROM node:22-alpine',
  'WORKDIR /app',
  'COPY --from=builder /app/apps/api/dist ./dist',
  'CMD ["node", "dist/main.js"]',
  '',
].join('\n');

const files = (filter: string): Record<string, string> => ({
  '/ws/go.mod': 'module example.com/acme\n',
  '/ws/web/package.json': JSON.stringify({ name: 'acme-web', private: true }),
  '/ws/web/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
  '/ws/web/apps/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { express: '^4' }, devDependencies: { typescript: '^5' }, scripts: { build: 'tsc' } }),
  '/ws/web/apps/api/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: 'src' } }),
  '/ws/web/apps/api/src/main.ts': "import express from 'express';\nexpress().get('/health', (_q, r) => r.send('ok')).listen(3000);\n",
  '/ws/web/apps/docs/package.json': JSON.stringify({ name: '@acme/docs', devDependencies: { vite: '^5' }, scripts: { build: 'vite build' } }),
  '/ws/web/apps/docs/src/main.ts': 'export {};\n',
  '/ws/Dockerfile': DOCKERFILE.replace('@acme/api', filter),
});

suite('a workspace copied from a folder below the context, one package built with a filter', () => {
  test('the filtered package of the copied workspace is the project, not the workspace folder', async () => {
    await assertMapping(files('@acme/api'), { sourceRoot: '/ws/web/apps/api/src', target: '/app/dist', bundled: false });
  });

  test('a filter by the package folder selects it too', async () => {
    await assertMapping(files('./apps/api'), { sourceRoot: '/ws/web/apps/api/src', target: '/app/dist' });
  });
});

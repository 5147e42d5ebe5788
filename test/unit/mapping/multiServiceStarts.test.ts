// Starts and copies met in multi-service stacks: an app folder copied piece by piece into the
// WORKDIR, a start script falling back when the built server is missing, a bare `nodemon` as the
// image's command, and webpack's dev server run through webpack-cli.
import { assertMapping } from './assertMapping';

const NEXT_DEPS = { next: '15', react: '19', 'react-dom': '19' };

suite('mapping: starts and copies of multi-service stacks', () => {
  test("a Next.js app copied into the WORKDIR piece by piece from its folder (COPY ./site/pages/ pages/ ...), its standalone output copied out: the app's .next", async () => {
    const dockerfile = [
      'FROM node:22-slim AS builder',
      'WORKDIR /app',
      'COPY ./site/package.json package.json',
      'RUN npm ci',
      'COPY ./site/pages/ pages/',
      'COPY ./site/lib/ lib/',
      'COPY ./site/next.config.js next.config.js',
      'RUN npm run build',
      'FROM node:22-slim',
      'WORKDIR /app',
      'COPY --from=builder /app/.next/standalone/ ./',
      'CMD ["node", "server.js"]',
    ];
    await assertMapping(
      {
        '/ws/package.json': JSON.stringify({ name: 'stack', private: true }),
        '/ws/site/package.json': JSON.stringify({ name: 'site', dependencies: NEXT_DEPS, scripts: { build: 'next build', start: 'next start' } }),
        '/ws/site/package-lock.json': '{}',
        '/ws/site/next.config.js': "module.exports = { output: 'standalone' };\n",
        '/ws/site/pages/api/ping.ts': 'export default function handler(req, res) { res.end(); }\n',
        '/ws/site/lib/db.ts': '',
        '/ws/Dockerfile': dockerfile.join('\n'),
      },
      { sourceRoot: '/ws/site', target: '/app/.next', bundled: true },
    );
  });

  test('a start script running server.js when it is there, else the dev server: the standalone server it is written for, not the fallback', async () => {
    const script = ['#!/bin/sh', 'node scripts/migrate.js', 'if [ -f "server.js" ]; then', '  echo "standalone"', '  exec node server.js', 'elif [ -f "package.json" ]; then', '  exec npm run dev', 'fi'];
    const dockerfile = ['FROM node:22-slim AS builder', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'FROM node:22-slim', 'WORKDIR /app', 'COPY --from=builder /app/.next/standalone ./', 'COPY --from=builder /app/scripts ./scripts', 'CMD ["./scripts/start.sh"]'];
    await assertMapping(
      {
        '/ws/package.json': JSON.stringify({ name: 'web', dependencies: NEXT_DEPS, scripts: { build: 'next build', dev: 'next dev' } }),
        '/ws/package-lock.json': '{}',
        '/ws/next.config.js': "module.exports = { output: 'standalone' };\n",
        '/ws/src/app/api/health/route.ts': 'export function GET() { return new Response("ok"); }\n',
        '/ws/scripts/start.sh': script.join('\n'),
        '/ws/scripts/migrate.js': '',
        '/ws/Dockerfile': dockerfile.join('\n'),
      },
      { sourceRoot: '/ws/src', target: '/app/.next', bundled: true },
    );
  });

  test("a bare `nodemon` as the image's command, the build done in a base image of the project's own: what nodemon.json's exec runs (tsc's output), not the source", async () => {
    await assertMapping(
      {
        '/ws/package.json': JSON.stringify({ name: 'api', main: 'build/main.js', dependencies: { express: '4' }, devDependencies: { nodemon: '3', typescript: '5' } }),
        '/ws/nodemon.json': JSON.stringify({ watch: ['build'], exec: 'node build/main.js' }),
        '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'build', rootDir: 'src' }, include: ['src'] }),
        '/ws/src/main.ts': "import express from 'express';\nexpress().listen(3000);\n",
        '/ws/Dockerfile': 'FROM registry.example/acme/base:latest\nWORKDIR /srv/api\nCOPY . .\nCMD ["nodemon"]\n',
      },
      { sourceRoot: '/ws/src', target: '/srv/api/build', bundled: false },
    );
  });

  test("webpack's dev server run through webpack-cli (`webpack-cli serve`): the source as copied, not the bundle", async () => {
    await assertMapping(
      {
        '/ws/package.json': JSON.stringify({ name: 'ui', dependencies: { react: '18', 'react-dom': '18' }, devDependencies: { webpack: '5', 'webpack-cli': '5' }, scripts: { dev: 'npm run serve', serve: 'webpack-cli serve --config ./webpack.dev.js', build: 'webpack-cli build --config ./webpack.prod.js' } }),
        '/ws/webpack.dev.js': "module.exports = { entry: './src/index.tsx' };\n",
        '/ws/src/index.tsx': '',
        '/ws/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["npm", "run", "dev"]\n',
      },
      { sourceRoot: '/ws/src', target: '/app/src', bundled: false },
    );
  });

  test("a workspace root's manifest copied as ./package.json, the image running in a package folder below it: that package, not the root", async () => {
    const dockerfile = ['FROM node:22-alpine AS deps', 'WORKDIR /home/web/', 'COPY ./web/package.json ./package.json', 'COPY ./web/servers/sync/package.json ./servers/sync/package.json', 'RUN yarn install', 'COPY ./web/servers/sync ./servers/sync', 'FROM deps AS dev', 'WORKDIR /home/web/servers/sync', 'CMD ["node", "lib/index.js"]'];
    await assertMapping(
      {
        '/ws/web/package.json': JSON.stringify({ name: 'web-root', private: true, workspaces: ['servers/*'] }),
        '/ws/web/servers/sync/package.json': JSON.stringify({ name: 'sync', dependencies: { express: '4' } }),
        '/ws/web/servers/sync/lib/index.js': '',
        '/ws/Dockerfile': dockerfile.join('\n'),
      },
      { sourceRoot: '/ws/web/servers/sync/lib', target: '/home/web/servers/sync/lib' },
    );
  });
});


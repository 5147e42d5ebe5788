// tsc with rootDir at the project folder and an include of several folders, one of them a server
// package of its own beside front ends in the same src/: that package is the source root.
import { assertMapping } from './assertMapping';
import type { ServiceSpec } from '../../../src/core/model';

const spec: ServiceSpec = { name: 'desk', project: 'ws', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };

const desk = (pluginDeps: Record<string, string>) => ({
  '/ws/package.json': JSON.stringify({ name: 'desk', scripts: { 'build:ts': 'tsc -p tsconfig.json' }, devDependencies: { webpack: '5', typescript: '5' } }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: '.', outDir: './dist' }, include: ['src/server/**/*', 'plugins/**/*'] }),
  '/ws/src/server/package.json': JSON.stringify({ name: '@desk/server', dependencies: { fastify: '5' } }),
  '/ws/src/server/index.ts': "import './routes';\n",
  '/ws/src/server/routes.ts': '',
  '/ws/src/gui/package.json': JSON.stringify({ name: '@desk/gui', devDependencies: { webpack: '5' } }),
  '/ws/src/gui/main.js': '',
  '/ws/plugins/package.json': JSON.stringify({ name: '@desk/plugins', dependencies: pluginDeps }),
  '/ws/plugins/metering.ts': '',
  '/ws/Dockerfile': 'FROM node:22 AS build\nWORKDIR /opt/desk\nCOPY . .\nRUN npm ci && npm run build:ts\nFROM node:22-slim\nWORKDIR /opt/desk\nCOPY --from=build /opt/desk .\nCMD ["node", "./dist/src/server/index.js"]\n',
});

suite('mapping: the server package among the folders a tsconfig includes', () => {
  test('rootDir . with include src/server and plugins: src/server (a fastify package) compiles to dist/src/server', async () => {
    await assertMapping(desk({}), { sourceRoot: '/ws/src/server', target: '/opt/desk/dist/src/server', bundled: false }, spec);
  });

  test('two included folders that are both server packages name none of them', async () => {
    await assertMapping(desk({ express: '4' }), { sourceRoot: '/ws/src', target: '/opt/desk/dist/src' }, spec);
  });
});

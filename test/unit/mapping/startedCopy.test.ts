// An image holding the build output twice (copied on its own, and again inside a whole folder
// copied beside it): the source maps to the copy the start command runs.
import { assertMapping } from './assertMapping';

const NEST = JSON.stringify({ name: 'api', dependencies: { '@nestjs/core': '^10' }, scripts: { build: 'tsc -p tsconfig.json' } });

suite('mapping: the started copy of an output copied twice', () => {
  test('the output copied to /srv/dist and again with the whole build folder: `node dist/main.js` in /srv runs the first', async () => {
    await assertMapping(
      {
        '/ws/package.json': NEST,
        '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
        '/ws/src/main.ts': 'export {};\n',
        '/ws/Dockerfile': 'FROM node:20 AS build\nWORKDIR /b\nCOPY . .\nRUN npm run build\n\nFROM node:20\nWORKDIR /srv\nCOPY --from=build /b/dist /srv/dist\nCOPY --from=build /b /srv/all\nCMD ["node", "dist/main.js"]\n',
      },
      { sourceRoot: '/ws/src', target: '/srv/dist' },
    );
  });

  test('a workspace package built in place, its dist copied to /app/dist and the packages folder copied after it: the started dist/src/main.js tells both the copy and the compiled root', async () => {
    await assertMapping(
      {
        '/ws/package.json': JSON.stringify({ name: 'root', workspaces: ['packages/api'], scripts: { 'build:api': 'npm run build -w packages/api' } }),
        '/ws/packages/api/package.json': NEST,
        '/ws/packages/api/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist' }, include: ['src'] }),
        '/ws/packages/api/src/main.ts': 'export {};\n',
        '/ws/Dockerfile': 'FROM node:20 AS build\nWORKDIR /app\nCOPY . /app\nRUN npm run build:api\n\nFROM node:20\nWORKDIR /app\nCOPY --from=build /app/packages/api/dist /app/dist\nCOPY --from=build /app/packages /app/packages\nCMD ["sh", "-c", "./migrate.sh && node dist/src/main.js"]\n',
      },
      { sourceRoot: '/ws/packages/api/src', target: '/app/dist/src' },
    );
  });

  test('the output copied once into WORKDIR beside an ADDed folder, its tsc root the project (dist/src/index.js): the started src/index.js is under that copy, not under the dist a RUN might have made', async () => {
    await assertMapping(
      {
        '/ws/package.json': JSON.stringify({ name: 'relay', dependencies: { express: '^4' }, scripts: { build: 'tsc --project tsconfig.build.json' } }),
        '/ws/tsconfig.build.json': JSON.stringify({ compilerOptions: { outDir: './dist', resolveJsonModule: true }, include: ['src/**/*.ts'] }),
        '/ws/src/index.ts': "import pkg from '../package.json';\nexport const v = pkg;\n",
        '/ws/.dockerignore': 'dist\nnode_modules\n',
        '/ws/resources/a.txt': 'a\n',
        '/ws/Dockerfile': 'FROM node:20 AS build\nWORKDIR /build\nCOPY . .\nRUN npm run build\n\nFROM node:20\nWORKDIR /app\nADD resources /app/resources\nCOPY --from=build /build/dist .\nRUN npm install --omit=dev\nCMD ["node", "src/index.js"]\n',
      },
      { sourceRoot: '/ws/src', target: '/app/src' },
    );
  });
  test('a chain whose first step runs a copied TypeScript script through a package script (`yarn db:up && node dist/index.js`, db:up = tsx scripts/db.ts): the compiled server the chain leaves running is mapped, not the step', async () => {
    await assertMapping(
      {
        '/ws/package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4' }, scripts: { build: 'tsc -p tsconfig.json', 'db:up': 'tsx scripts/db.ts --all' } }),
        '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: './src', outDir: './dist' }, include: ['src/**/*'] }),
        '/ws/src/index.ts': 'export {};\n',
        '/ws/scripts/db.ts': 'export {};\n',
        '/ws/.dockerignore': 'dist\nnode_modules\n',
        '/ws/Dockerfile': 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nRUN yarn install\nCOPY . .\nRUN yarn build\nCMD ["sh", "-c", "yarn db:up && node dist/index.js"]\n',
      },
      { sourceRoot: '/ws/src', target: '/app/dist' },
    );
  });
});

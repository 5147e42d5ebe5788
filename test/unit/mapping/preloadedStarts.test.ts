// A TypeScript server whose start script preloads a module before its entry
// (`node --import ./register.mjs ./src/main.ts`): the preloaded file at the package root is the
// option's value, not the started file, so src (the entry's folder) stays the source; a composite
// tsconfig compiles it to dist/src. Fixtures of our own.
import { assertMapping } from './assertMapping';

const files = (start: string) => ({
  '/ws/package.json': JSON.stringify({ name: 'board', type: 'module', scripts: { build: 'tsc --build', start, prod: 'cd ./dist/src && node main.js' }, dependencies: { express: '^4' } }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist', composite: true, module: 'NodeNext' }, include: ['src', './package.json'] }),
  '/ws/register.mjs': "import { register } from 'node:module';\nregister('ts-node/esm', import.meta.url);\n",
  '/ws/src/main.ts': "import express from 'express';\nimport { api } from './api/router.js';\nconst app = express();\napp.use('/api', api);\napp.listen(8081);\n",
  '/ws/src/api/router.ts': "import { Router } from 'express';\nexport const api = Router();\napi.get('/ping', (_req, res) => res.send('pong'));\n",
  '/ws/Dockerfile': 'FROM node:22-alpine\nWORKDIR /usr/src/board\nCOPY ./ ./\nRUN npm ci && npm run build\nRUN rm -rf ./src\nCMD ["npm", "run", "prod"]\n',
});

suite('mapping: a start script preloading a module before its entry', () => {
  test('node --import ./register.mjs ./src/main.ts: src is the source, compiled under the composite root to dist/src', async () => {
    await assertMapping(files('node --import ./register.mjs ./src/main.ts'), { sourceRoot: '/ws/src', target: '/usr/src/board/dist/src', bundled: false });
  });

  test('the same behind nodemon --exec, and with -r for the preload', async () => {
    await assertMapping(files("nodemon --exec 'node' --import ./register.mjs ./src/main.ts"), { sourceRoot: '/ws/src', target: '/usr/src/board/dist/src' });
    await assertMapping(files('node -r ./register.mjs ./src/main.ts'), { sourceRoot: '/ws/src', target: '/usr/src/board/dist/src' });
  });
});

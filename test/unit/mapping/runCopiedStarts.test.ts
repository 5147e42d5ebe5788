// A package script copying a folder of plain JavaScript to a folder of its own (`rm -rf ./out-data/
// && cp -r ./data-server ./out-data`), run by the image's build, and a start script running a file
// of the copy (`node ./out-data/index.js`): the image runs that folder's source as copied, beside a
// TypeScript project whose tsconfig (no rootDir) compiles the rest.
import { assertMapping } from './assertMapping';

const files = (copy: string) => ({
  '/ws/package.json': JSON.stringify({
    dependencies: { express: '^4' },
    devDependencies: { typescript: '^5' },
    scripts: { 'build:data': copy, 'start:data': 'node ./out-data/index.js' },
  }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist', allowJs: true } }),
  '/ws/src/api/main.ts': "import express from 'express';\nexpress().listen(3000);\n",
  '/ws/data-server/index.js': "const express = require('express');\nconst app = express();\napp.get('/items', (req, res) => res.json([]));\napp.listen(3003);\n",
  '/ws/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . /app\nRUN yarn\nRUN yarn build:data\nCMD ["yarn", "start:data"]\n',
});

suite('a folder a build script copies, started from its copy', () => {
  test('cp -r of a folder to a new name, after removing that name: the folder is the source root, its copy the target', async () => {
    await assertMapping(files('rm -rf ./out-data/ && cp -r ./data-server ./out-data'), { sourceRoot: '/ws/data-server', target: '/app/out-data', bundled: false });
  });

  test('cp -r of the folder\'s contents (data-server/.) into a folder made first: the same', async () => {
    await assertMapping(files('mkdir -p out-data && cp -r data-server/. out-data/'), { sourceRoot: '/ws/data-server', target: '/app/out-data', bundled: false });
  });
});

// An Express server.ts bundled by a build script's esbuild command line into the same folder a
// router framework (remix build) bundles its app into: the image starting the esbuild output runs
// that bundle, whose source is the server's entry, not the framework's app directory.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const DOCKERFILE = (start: string) =>
  `FROM node:18 AS deps\nWORKDIR /myapp\nADD package.json ./\nRUN npm install\nFROM node:18 AS build\nWORKDIR /myapp\nCOPY --from=deps /myapp/node_modules /myapp/node_modules\nADD . .\nRUN npm run build\nFROM node:18\nWORKDIR /myapp\nCOPY --from=build /myapp/build /myapp/build\nADD . .\nCMD ${start}\n`;

const files = (start: string) =>
  memFs({
    '/ws/package.json': JSON.stringify({
      dependencies: { express: '4', '@remix-run/express': '2' },
      devDependencies: { '@remix-run/dev': '2', esbuild: '0.19', typescript: '5' },
      scripts: {
        build: 'npm-run-all --sequential build:*',
        'build:remix': 'remix build',
        'build:server': 'esbuild --platform=node --format=cjs ./server.ts --outdir=build --bundle --external:fsevents',
        start: 'cross-env NODE_ENV=production node ./build/server.js',
      },
    }),
    '/ws/tsconfig.json': JSON.stringify({ include: ['**/*.ts', '**/*.tsx'], compilerOptions: { noEmit: true, jsx: 'react-jsx' } }),
    '/ws/remix.config.js': 'module.exports = { serverModuleFormat: "cjs" };\n',
    '/ws/app/root.tsx': 'export default function App() { return null; }\n',
    '/ws/app/routes/_index.tsx': 'export default function Index() { return null; }\n',
    '/ws/server.ts': "import express from 'express';\nimport { createRequestHandler } from '@remix-run/express';\nconst app = express();\napp.all('*', createRequestHandler({ build: require('./build') }));\napp.listen(3000);\n",
    '/ws/Dockerfile': DOCKERFILE(start),
  });

suite("a server bundled by a build script's bundler command line beside a router framework's app", () => {
  test('the image starting build/server.js (esbuild ./server.ts --outdir=build) runs the server bundle: its entry folder, bundled into build', async () => {
    const m = await inferMapping(files('["npm", "start"]'), buildSpec());
    assert.equal(m?.sourceRoot, '/ws', m?.evidence.join('\n'));
    assert.equal(m?.target, '/myapp/build', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test("the image starting the framework's own server build (remix-serve build/index.js) runs the app directory's bundle", async () => {
    const m = await inferMapping(files('["npx", "remix-serve", "build/index.js"]'), buildSpec());
    assert.equal(m?.sourceRoot, '/ws/app', m?.evidence.join('\n'));
    assert.equal(m?.target, '/myapp/build', m?.evidence.join('\n'));
  });
});

// A package whose build only copies its own files into an output folder (a script file of its own,
// no compiler, no bundler): the image's copy of that folder is where the package's folder is.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';
import { assertMapping } from './assertMapping';

/** A script walking the package's folder and copying each file into `out`, skipping itself. */
const copier = (extra = ''): string =>
  `${extra}const fs = require('fs');\nconst path = require('path');\nconst OUT = 'out';\nconst walk = (from, to) => {\n  for (const e of fs.readdirSync(from, { withFileTypes: true })) {\n    if (e.name === OUT || e.name === 'node_modules') continue;\n    const s = path.join(from, e.name);\n    const d = path.join(to, e.name);\n    if (e.isDirectory()) { fs.mkdirSync(d, { recursive: true }); walk(s, d); } else fs.copyFileSync(s, d);\n  }\n};\nfs.mkdirSync(OUT, { recursive: true });\nwalk('.', OUT);\n`;

/** A workspace (no server at its root) whose `api` package a stage builds, the final stage taking that stage's `out` folder to /srv. */
function files(script: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    '/ws/package.json': JSON.stringify({ name: 'root', scripts: { 'api:start': 'npm start --prefix api' } }),
    '/ws/api/package.json': JSON.stringify({ name: 'api', main: 'main.js', dependencies: { express: '^5' }, scripts: { build: 'node tools/pack.js', start: 'node main.js' } }),
    '/ws/api/main.js': "const express = require('express');\nexpress().listen(3000);\n",
    '/ws/api/tools/pack.js': script,
    '/ws/web/package.json': JSON.stringify({ name: 'web', dependencies: { react: '^19' } }),
    '/ws/Dockerfile': 'FROM node:22-alpine AS api\nWORKDIR /build\nCOPY api .\nRUN npm install && npm run build && npm prune --omit=dev\n\nFROM node:22-alpine\nWORKDIR /srv\nCOPY --from=api /build/node_modules node_modules\nCOPY --from=api /build/out .\nCMD ["./run.sh"]\n',
    ...extra,
  };
}

suite('a build that only copies the package', () => {
  test('a build script file walking the package and copying its files into out, taken by the final stage: the package at the place of out, names unchanged', async () => {
    await assertMapping(files(copier()), { sourceRoot: '/ws/api', target: '/srv', bundled: false, rewrites: {} });
  });

  test('a build script loading a bundler is no copy: the rule says nothing of it', async () => {
    const m = await inferMapping(memFs(files(copier("const esbuild = require('esbuild');\n"))), buildSpec());
    assert.notEqual(m?.target, '/srv', m?.evidence.join('\n'));
  });

  test('a copying script the image never runs (the RUN builds nothing) places nothing', async () => {
    const fs = files(copier(), { '/ws/Dockerfile': 'FROM node:22-alpine AS api\nWORKDIR /build\nCOPY api .\nRUN npm install\n\nFROM node:22-alpine\nWORKDIR /srv\nCOPY --from=api /build/out .\nCMD ["./run.sh"]\n' });
    const m = await inferMapping(memFs(fs), buildSpec());
    assert.notEqual(m?.target, '/srv', m?.evidence.join('\n'));
  });
});

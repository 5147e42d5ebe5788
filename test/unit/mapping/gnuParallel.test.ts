// GNU parallel in a start command: each command line it runs, each file those start.
import assert from 'node:assert/strict';
import { parallelRuns } from '../../../src/core/mapping/gnuParallel';
import { startedScripts } from '../../../src/core/mapping/startedSource';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { mapSourceFile } from '../../../src/core/mapping/mapFile';
import { assertMapping } from './assertMapping';

const words = (line: string) => line.split(' ');

suite('GNU parallel start commands', () => {
  test('one command line per argument after :::, {} standing for it, or the argument appended when the command has no {}', () => {
    assert.deepEqual(parallelRuns(words('parallel -j 2 node --flag {} ::: a.ts b.ts')), [words('parallel -j 2 node --flag a.ts'), words('parallel -j 2 node --flag b.ts')]);
    assert.deepEqual(parallelRuns(words('parallel node ::: a.js b.js')), [words('parallel node a.js'), words('parallel node b.js')]);
  });

  test('no parallel, several input sources or a source read from a file: the words as written', () => {
    assert.deepEqual(parallelRuns(words('node a.js')), [words('node a.js')]);
    assert.deepEqual(parallelRuns(words('parallel node {1} {2} ::: a b ::: c d')), [words('parallel node {1} {2} ::: a b ::: c d')]);
    assert.deepEqual(parallelRuns(words('parallel node {} :::: list.txt')), [words('parallel node {} :::: list.txt')]);
  });

  test("the files an image starts through parallel under sh -c, past parallel's options and node's flags", () => {
    const stage = parseDockerfile(
      'FROM node:24\nWORKDIR /srv\nCOPY . .\nCMD [ "/bin/sh", "-c", "parallel --jobs 2 --halt now,done=1 node --experimental-strip-types {} ::: apps/web/src/main.ts apps/jobs/src/main.ts" ]\n',
    ).stages.at(-1);
    assert.ok(stage);
    assert.deepEqual(startedScripts(stage, {}), ['/srv/apps/web/src/main.ts', '/srv/apps/jobs/src/main.ts']);
  });
});

suite('GNU parallel start commands: the mapping', () => {
  test('a workspace root (vite among its tools) whose image runs two packages\' TypeScript through parallel and node --experimental-strip-types: the first started package\'s source as copied, not a bundle; the second package (no server of its own) mapped as a program of its own', async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ private: true, scripts: { 'build:all': 'nx run-many --target=build' }, devDependencies: { '@nx/vite': '22', vite: '7' } }),
      '/ws/pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n",
      '/ws/apps/web/package.json': JSON.stringify({ name: 'web', type: 'module', scripts: { build: 'tsc --noEmit' }, dependencies: { fastify: '5' } }),
      '/ws/apps/web/tsconfig.json': '{"compilerOptions":{"noEmit":true,"allowImportingTsExtensions":true}}',
      '/ws/apps/web/src/main.ts': "import { routes } from './routes.ts';\n",
      '/ws/apps/web/src/routes.ts': '',
      '/ws/apps/jobs/package.json': JSON.stringify({ name: 'jobs', type: 'module', dependencies: { bullmq: '5' } }),
      '/ws/apps/jobs/src/main.ts': '',
      '/ws/Dockerfile':
        'FROM node:24-alpine\nWORKDIR /srv\nCOPY package.json pnpm-workspace.yaml .\nRUN pnpm install\nCOPY . .\nRUN pnpm build:all\nCMD [ "/bin/sh", "-c", "parallel --jobs 2 --halt now,done=1 node --experimental-strip-types {} ::: apps/web/src/main.ts apps/jobs/src/main.ts" ]\n',
    };
    const m = await assertMapping(files, { sourceRoot: '/ws/apps/web/src', target: '/srv/apps/web/src', bundled: false });
    assert.equal(mapSourceFile(m, '/ws/apps/web/src/routes.ts'), '/srv/apps/web/src/routes.ts');
    // The second program, of another package, has a mapping of its own: nothing is left unmapped.
    assert.deepEqual(m.programs?.map((p) => [p.sourceRoot, p.target, p.bundled]), [['/ws/apps/jobs/src', '/srv/apps/jobs/src', false]]);
    assert.equal(mapSourceFile(m.programs?.[0] ?? m, '/ws/apps/jobs/src/main.ts'), '/srv/apps/jobs/src/main.ts');
    assert.equal(m.alsoStarted, undefined, m.evidence.join('\n'));
  });

  test('two files of the mapped package started side by side (`parallel node {} ::: src/main.js src/jobs.js`) are no other program', async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'api', dependencies: { express: '5' } }),
      '/ws/src/main.js': "const express = require('express');\nexpress().listen(3000);\n",
      '/ws/src/jobs.js': 'setInterval(() => {}, 1000);\n',
      '/ws/Dockerfile': 'FROM node:24-alpine\nWORKDIR /srv\nCOPY . .\nCMD [ "/bin/sh", "-c", "parallel node {} ::: src/main.js src/jobs.js" ]\n',
    };
    const m = await assertMapping(files, { sourceRoot: '/ws/src', target: '/srv/src', bundled: false });
    assert.equal(m.alsoStarted, undefined, m.evidence.join('\n'));
    assert.equal(m.programs, undefined, m.evidence.join('\n'));
  });
});

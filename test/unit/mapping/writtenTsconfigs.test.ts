// A build compiling a tsconfig the Dockerfile writes itself (writtenTsconfigs.ts): the mapping's
// evidence names the Dockerfile's line that decided it, reads the text when it is written whole,
// and says what is not knowable otherwise, never citing the repository's file as the build's.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const spec: ServiceSpec = { name: 'api', project: 'ws', projectDir: '/ws', composeFiles: ['/ws/compose.yaml'], ports: [], drift: {}, build: { context: '/ws/api', dockerfile: '/ws/api/Dockerfile' } };

/** An API whose repository tsconfig compiles src to build/, built by a Dockerfile whose build stage runs `run` before tsc. */
const files = (run: string, extra: Record<string, string> = {}) =>
  memFs({
    '/ws/api/tsconfig.json': '{ "compilerOptions": { "rootDir": "src", "outDir": "build" } }',
    '/ws/api/package.json': '{"devDependencies":{"typescript":"^5"},"dependencies":{"express":"^4"}}',
    '/ws/api/src/main.ts': '',
    '/ws/api/Dockerfile': `FROM node:22 AS build\nWORKDIR /src\nCOPY . .\n${run}\nRUN npx tsc -p tsconfig.json\nFROM node:22\nWORKDIR /app\nCOPY --from=build /src/out ./out\nCOPY --from=build /src/build ./build\nCMD ["node", "out/main.js"]\n`,
    ...extra,
  });

suite('mapping: a tsconfig the Dockerfile writes', () => {
  test("`RUN echo '{...}' > tsconfig.json`: the build's outDir is the one written, cited at the Dockerfile's line", async () => {
    const m = await inferMapping(files(`RUN echo '{"compilerOptions":{"rootDir":"src","outDir":"out"}}' > tsconfig.json`), spec);
    assert.ok(m);
    assert.equal(m.buildOutDir, '/ws/api/out');
    assert.equal(m.target, '/app/out');
    assert.ok(m.evidence.includes('build output /ws/api/out (compilerOptions.outDir of the tsconfig the Dockerfile writes, line 4)'), m.evidence.join('\n'));
    assert.ok(m.evidence.includes("tsconfig tsconfig.json as the Dockerfile writes it, line 4 (not the repository's file)"), m.evidence.join('\n'));
    assert.ok(!m.evidence.some((e) => e.includes('(tsconfig.json compilerOptions.outDir)')), m.evidence.join('\n'));
  });

  test('a tsconfig copied from another stage or file: not knowable, and the repository file is not cited as the build\'s', async () => {
    for (const [run, line] of [
      ['COPY --from=node:22 /opt/tsconfig.json ./tsconfig.json', 4],
      ['RUN cp tsconfig.docker.json tsconfig.json', 4],
    ] as const) {
      const m = await inferMapping(files(run, { '/ws/api/tsconfig.docker.json': '{ "compilerOptions": { "outDir": "out" } }' }), spec);
      assert.ok(m, run);
      assert.ok(m.evidence.some((e) => e.startsWith(`the Dockerfile replaces tsconfig tsconfig.json (line ${line}): the config the build compiles with is not in the repository`)), m.evidence.join('\n'));
      assert.ok(!m.evidence.some((e) => e.includes('(tsconfig.json compilerOptions.outDir)')), m.evidence.join('\n'));
      assert.ok(m.evidence.some((e) => e.includes("compilerOptions.outDir of the repository's tsconfig.json, which the build does not compile with")), m.evidence.join('\n'));
    }
  });

  test("a COPY from a stage of the Dockerfile (the context's file that stage holds) writes nothing of its own", async () => {
    const m = await inferMapping(files('COPY --from=build /src/tsconfig.json ./tsconfig.json'), spec);
    assert.ok(m);
    assert.equal(m.buildOutDir, '/ws/api/build');
    assert.ok(m.evidence.includes('build output /ws/api/build (tsconfig.json compilerOptions.outDir)'), m.evidence.join('\n'));
  });

  test('a Dockerfile writing no tsconfig: the repository file is cited as before', async () => {
    const m = await inferMapping(files('RUN npm ci'), spec);
    assert.ok(m);
    assert.equal(m.buildOutDir, '/ws/api/build');
    assert.ok(m.evidence.includes('build output /ws/api/build (tsconfig.json compilerOptions.outDir)'), m.evidence.join('\n'));
  });
});

import assert from 'node:assert/strict';
import { imageWorkdirs } from '../../../src/core/dockerfile/imageWorkdir';
import { imageVariableCopies, withImageVariables } from '../../../src/core/dockerfile/imageVariables';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

// A company's node image sets ENV HOME_DIR and its WORKDIR; the Dockerfile sets neither and copies
// the build output out of the build stage under that variable.
const dockerfile = (copyFrom: string) => `FROM registry.example/base/node:22 AS base
COPY package.json ./
RUN npm ci
FROM base AS build
COPY . .
RUN npm run build
FROM base AS runtime
COPY --from=build ${copyFrom} ./out
COPY --from=build $HOME_DIR/settings ./settings
CMD ["node", "out/main.js"]
`;

const files = (copyFrom: string) => ({
  '/ws/package.json': JSON.stringify({ dependencies: { express: '4' }, scripts: { build: 'tsc' } }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'out', rootDir: 'src' } }),
  '/ws/src/main.ts': '',
  '/ws/settings/app.json': '{}',
  '/ws/Dockerfile': dockerfile(copyFrom),
});

const spec: ServiceSpec = { name: 'api', project: 'ws', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };

suite('dockerfile: variables of a base image in COPY --from sources', () => {
  test('a variable the Dockerfile does not set never shows a WORKDIR: $HOME_DIR/settings is no folder /$HOME_DIR', async () => {
    const df = parseDockerfile(dockerfile('$HOME_DIR/out'));
    assert.equal(df.stages[2]?.copies[0]?.sources[0], '$HOME_DIR/out');
    const { workdirs } = await imageWorkdirs(memFs(files('$HOME_DIR/out')), df, '/ws', '/ws/Dockerfile');
    assert.equal(workdirs.size, 0);
  });

  test("it is taken as the WORKDIR the stage copied the context to, and each variable is named once with its first line", () => {
    const df = withImageVariables(parseDockerfile(dockerfile('${HOME_DIR}/out')));
    assert.deepEqual(df.stages[2]?.copies.map((c) => c.sources[0]), ['/out', '/settings']);
    assert.deepEqual(imageVariableCopies(df), [{ name: 'HOME_DIR', taken: '/', image: 'registry.example/base/node:22', line: 8 }]);
  });

  test('a stage that sets its own WORKDIR, or never copied the context there, keeps the source as written', () => {
    const own = withImageVariables(parseDockerfile(dockerfile('$HOME_DIR/out').replace('FROM base AS build\n', 'FROM base AS build\nWORKDIR /srv\n')));
    assert.equal(own.stages[2]?.copies[0]?.sources[0], '$HOME_DIR/out');
    const apart = withImageVariables(parseDockerfile(dockerfile('$HOME_DIR/out').replace('COPY . .', 'COPY src ./src')));
    assert.equal(apart.stages[2]?.copies[0]?.sources[0], '$HOME_DIR/out');
    assert.deepEqual(imageVariableCopies(apart), []);
  });

  test('the mapping shows no variable in its target and says what it rests on; a target the user set needs no warning', async () => {
    const m = await inferMapping(memFs(files('$HOME_DIR/out')), spec);
    assert.equal(m?.target, '/out', m?.evidence.join('\n'));
    assert.ok(!m?.target.includes('$'));
    assert.deepEqual(m?.imageVariables, [{ name: 'HOME_DIR', taken: '/', image: 'registry.example/base/node:22', line: 8 }]);
    const set = await inferMapping(memFs(files('$HOME_DIR/out')), { ...spec, drift: { target: '/home/app/out' } });
    assert.equal(set?.imageVariables, undefined);
  });
});

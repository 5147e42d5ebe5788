// A package script run with arguments after `--` (`bun run bundle -- --compile --outfile=out/api`):
// the package manager appends them to the script's command line, and a bundler given an option
// twice keeps the last, so the image holds the executable, not the script's own .js bundle.
import assert from 'node:assert/strict';
import { packageScriptCall } from '../../../src/core/dockerfile/runCopies';
import { findRunBundles } from '../../../src/core/dockerfile/runBundle';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { assertMapping } from './assertMapping';

const SCRIPTS = {
  'build:bundle': 'bun build --target=bun --outfile=./out/api.js ./src/main.ts',
  'build:single': 'bun run build:bundle -- --compile --outfile=./out/api',
};

suite('mapping: arguments handed to a package script after --', () => {
  test('the words after -- end the script body; with none, the body alone; a name not a script: nothing', () => {
    assert.equal(packageScriptCall('npm run build:bundle -- --minify', SCRIPTS), `${SCRIPTS['build:bundle']} --minify`);
    assert.equal(packageScriptCall(' pnpm build:bundle ', SCRIPTS), SCRIPTS['build:bundle']);
    assert.equal(packageScriptCall('yarn run lint -- --fix', SCRIPTS), undefined);
  });

  test('a bundler command naming --outfile twice writes the last', () => {
    const df = parseDockerfile(['FROM oven/bun', 'WORKDIR /src', 'COPY . .', 'RUN bun build ./src/main.ts --outfile=out/api.js --compile --outfile=bin/api'].join('\n'));
    assert.deepEqual(
      findRunBundles(df).map((b) => b.file),
      ['bin/api'],
    );
  });

  test('a RUN of a script that runs another with -- --compile --outfile: the executable it names is what the image starts', async () => {
    await assertMapping(
      {
        '/ws/package.json': JSON.stringify({ name: 'api', type: 'module', dependencies: { elysia: '1' }, scripts: SCRIPTS }),
        '/ws/src/main.ts': "import { Elysia } from 'elysia';\nnew Elysia().get('/', () => 'ok').listen(3000);\n",
        '/ws/Dockerfile': ['FROM oven/bun AS build', 'WORKDIR /src', 'COPY . .', 'RUN bun install && bun run build:single', 'FROM debian:12', 'WORKDIR /srv', 'COPY --from=build /src/out/api ./', 'ENTRYPOINT ["./api"]'].join('\n'),
      },
      { sourceRoot: '/ws/src', target: '/srv', bundled: true },
    );
  });
});

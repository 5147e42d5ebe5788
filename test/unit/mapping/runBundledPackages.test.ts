// A workspace built from its root whose Dockerfile bundles one package's entry itself (`bun build
// --compile ./services/feed/src/main.ts`): that package is the one the image builds, not the root,
// also where the root declares no workspaces to select it by.
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { runBundledPackage } from '../../../src/core/mapping/runBundledPackage';
import { memFs } from '../helpers/memFs';
import { assertMapping } from './assertMapping';

const WORKSPACE = {
  '/ws/package.json': JSON.stringify({ name: 'mono', private: true, scripts: { lint: 'biome check .' } }),
  '/ws/services/feed/package.json': JSON.stringify({ name: 'feed', dependencies: { hono: '4' } }),
  '/ws/services/feed/src/main.ts': "import { Hono } from 'hono';\nexport default new Hono().get('/', (c) => c.text('ok'));\n",
  '/ws/services/mail/package.json': JSON.stringify({ name: 'mail', dependencies: { hono: '4' } }),
  '/ws/services/mail/src/main.ts': "import { Hono } from 'hono';\nexport default new Hono().post('/send', (c) => c.text('sent'));\n",
  '/ws/libs/util/package.json': JSON.stringify({ name: 'util' }),
  '/ws/libs/util/index.ts': 'export const one = 1;\n',
};

const image = (build: string, copy: string) =>
  ['FROM oven/bun AS build', 'WORKDIR /w', 'COPY package.json ./', 'COPY libs/ ./libs/', 'COPY services/ ./services/', `RUN ${build}`, 'FROM gcr.io/distroless/base', 'WORKDIR /w', copy, 'CMD ["./feed"]'].join('\n');

suite('mapping: a RUN bundling the entry of one package of a monorepo', () => {
  test("the package holding the entry is the project: its src is the source root, the executable's folder the target", async () => {
    const files = { ...WORKSPACE, '/ws/Dockerfile': image('bun build --compile --target bun --outfile feed ./services/feed/src/main.ts', 'COPY --from=build /w/feed feed') };
    await assertMapping(files, { sourceRoot: '/ws/services/feed/src', target: '/w', bundled: true });
  });

  test('an entry at the root of the context, entries of two packages, or a bundle the final image does not hold: no package', async () => {
    const fs = memFs({ ...WORKSPACE, '/ws/main.ts': '' });
    const bundled = async (build: string, copy = 'COPY --from=build /w/feed feed') => runBundledPackage(fs, '/ws', parseDockerfile(image(build, copy)));
    assert.equal(await bundled('bun build --compile --outfile feed ./main.ts'), undefined);
    assert.equal(await bundled('bun build --compile --outfile feed ./services/feed/src/main.ts ./libs/util/index.ts'), undefined);
    assert.equal(await bundled('bun build --compile --outfile feed ./services/feed/src/main.ts', 'COPY --from=build /w/libs libs'), undefined);
    assert.equal((await bundled('bun build --compile --outfile feed ./services/feed/src/main.ts'))?.dir, 'services/feed');
  });
});

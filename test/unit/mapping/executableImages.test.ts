// A workspace whose image runs the server made into one executable (pkg, deno compile, bun
// --compile): the image starts no JavaScript runner, yet it is the server's, not a front end's.
import assert from 'node:assert/strict';
import { findBuildProject } from '../../../src/core/mapping/buildProject';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';
import { inferMapping } from '../../../src/core/mapping/infer';
import { assertMapping } from './assertMapping';

const WORKSPACE = {
  '/ws/package.json': JSON.stringify({ name: 'tv', private: true, workspaces: ['server', 'web'], scripts: { build: 'turbo run build' } }),
  '/ws/server/package.json': JSON.stringify({ name: '@tv/server', dependencies: { fastify: '5' }, scripts: { bundle: 'tsx scripts/bundle.ts', 'make-bin': 'tsx scripts/make-bin.ts' } }),
  '/ws/server/src/index.ts': '',
  '/ws/web/package.json': JSON.stringify({ name: '@tv/web', dependencies: { react: '18', 'react-dom': '18' }, devDependencies: { vite: '5' }, scripts: { bundle: 'vite build' } }),
  '/ws/web/src/main.tsx': '',
};

const dockerfile = (final: string) =>
  parseDockerfile(['FROM node:22 AS build', 'WORKDIR /tv', 'COPY . .', 'RUN pnpm install', 'RUN pnpm turbo bundle --filter=@tv/web', 'RUN pnpm turbo make-bin', 'FROM debian:12', 'WORKDIR /tv', final].join('\n'));

suite('mapping: images running a server made into an executable', () => {
  test('the build selects only the front end by name, but the image holds a folder of the server package (its executable): the server package', async () => {
    const df = dockerfile('COPY --from=build /tv/server/bin /tv/server/bin\nENTRYPOINT ["/tv/server/bin/tv-linux-x64"]');
    const project = await findBuildProject(memFs(WORKSPACE), '/ws', '/ws/Dockerfile', df);
    assert.equal(project.dir, '/ws/server', project.evidence);
  });

  test('an image serving the front end built by the same stages (nginx, its dist copied) stays the front end', async () => {
    const df = dockerfile('COPY --from=build /tv/web/dist /usr/share/nginx/html');
    const project = await findBuildProject(memFs(WORKSPACE), '/ws', '/ws/Dockerfile', df);
    assert.equal(project.dir, '/ws/web', project.evidence);
  });
});

const PACKED = {
  ...WORKSPACE,
  '/ws/server/build.mjs': "import * as esbuild from 'esbuild';\nawait esbuild.build({ entryPoints: { bundle: 'src/index.ts' }, bundle: true, platform: 'node', outdir: 'dist' });\n",
  '/ws/server/package.json': JSON.stringify({ name: '@tv/server', dependencies: { fastify: '5' }, scripts: { bundle: 'node build.mjs', 'make-bin': 'node pack.mjs' } }),
  '/ws/server/pack.mjs': "import { exec } from '@yao-pkg/pkg';\nawait exec(['dist/bundle.cjs', '-o', process.env.OUT]);\n",
  '/ws/server/turbo.json': JSON.stringify({ extends: ['//'], tasks: { 'make-bin': { dependsOn: ['bundle'] } } }),
};

const packedImage = (final: string[]) =>
  ['FROM node:22 AS sources', 'WORKDIR /tv', 'COPY . .', 'FROM sources AS build', 'RUN pnpm install', 'RUN pnpm turbo bundle --filter=@tv/web', 'RUN pnpm turbo make-bin', 'FROM debian:12', 'WORKDIR /tv', ...final].join('\n');

suite('mapping: a bundle packed into an executable by a step not read', () => {
  test("the image holds only a folder of the server package the build made and starts no JavaScript runner: the server's bundle is there", async () => {
    const files = { ...PACKED, '/ws/Dockerfile': packedImage(['COPY --from=build /tv/server/bin /tv/server/bin', 'ENTRYPOINT ["/tv/server/bin/tv-linux-x64"]']) };
    await assertMapping(files, { sourceRoot: '/ws/server/src', target: '/tv/server/bin', bundled: true });
  });

  test('two such folders, or a JavaScript runner started, say nothing of where the bundle is', async () => {
    const two = { ...PACKED, '/ws/Dockerfile': packedImage(['COPY --from=build /tv/server/bin /tv/server/bin', 'COPY --from=build /tv/server/assets /tv/server/assets', 'ENTRYPOINT ["/tv/server/bin/tv"]']) };
    assert.notEqual((await inferMapping(memFs(two), buildSpec()))?.target, '/tv/server/bin');
    const node = { ...PACKED, '/ws/Dockerfile': packedImage(['COPY --from=build /tv/server/bin /tv/server/bin', 'CMD ["node", "/tv/server/bin/tv.js"]']) };
    assert.notEqual((await inferMapping(memFs(node), buildSpec()))?.target, '/tv/server/bin');
  });
});

suite('mapping: RUNs of a stage built FROM the stage that copied the context', () => {
  test('a bundling RUN of `FROM sources AS build` runs where sources put the context: its output followed to the image', async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'api', dependencies: { express: '4' } }),
      '/ws/server/main.ts': '',
      '/ws/Dockerfile': 'FROM node:22 AS sources\nWORKDIR /app\nCOPY . .\nFROM sources AS build\nRUN npx esbuild server/main.ts --bundle --platform=node --outfile=out/server.js\nFROM node:22-slim\nCOPY --from=build /app/out /srv\nCMD ["node", "/srv/server.js"]\n',
    };
    await assertMapping(files, { target: '/srv', bundled: true });
  });
});

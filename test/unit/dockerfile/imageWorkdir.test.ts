import assert from 'node:assert/strict';
import { imageWorkdirs, imageWorkdirWarning, mappingOnImageWorkdir } from '../../../src/core/dockerfile/imageWorkdir';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ContainerInfo, ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

// Two stages on a publisher's own node images, neither setting WORKDIR: the base images set /home/app.
const dockerfile = (prodImage: string) => `ARG TAG=22
FROM acme/node-dev:\${TAG} AS dev
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build
FROM ${prodImage} AS prod
COPY --from=dev /home/app/package*.json ./
COPY --from=dev /home/app/.out ./.out/
COPY --from=dev /home/app/config/settings.js ./config/settings.js
CMD ["node", ".out/index.js"]
`;

const files = (prodImage: string) => ({
  '/ws/package.json': JSON.stringify({ scripts: { build: 'babel --out-dir ./.out ./src' } }),
  '/ws/src/index.js': '',
  '/ws/config/settings.js': '',
  '/ws/Dockerfile': dockerfile(prodImage),
});

const spec: ServiceSpec = { name: 'api', project: 'ws', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };

suite('dockerfile: WORKDIRs of base images', () => {
  test("a stage that sets no WORKDIR works in its image's, shown by a later COPY --from of a context file it copied in relative to it", async () => {
    const df = parseDockerfile(dockerfile('acme/node:${TAG}'));
    assert.equal(df.stages[0]?.workdirOfImage, true);
    const { workdirs, evidence } = await imageWorkdirs(memFs(files('acme/node:${TAG}')), df, '/ws');
    assert.equal(workdirs.get(0), '/home/app');
    assert.match(evidence[0] ?? '', /stage 1 "dev" sets no WORKDIR: that of its image acme\/node-dev:22, \/home\/app, as COPY --from=dev \/home\/app\/package\*\.json \(line 8\) shows: the context's package\.json/);
  });

  test('a stage FROM an image of the same publisher is assumed to share that WORKDIR, and the evidence says it is assumed', async () => {
    const m = await inferMapping(memFs(files('acme/node:${TAG}')), spec);
    assert.equal(m?.target, '/home/app/.out', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
    assert.ok(m?.evidence.some((e) => /stage 2 "prod" sets no WORKDIR: that of its image acme\/node:22, assumed \/home\/app as in stage 1 "dev"/.test(e)), m?.evidence.join('\n'));
  });

  test('copied from a stage built FROM the shown one (FROM dev AS release_build), the publisher is that of the image at the root of its chain', async () => {
    const text = 'FROM acme/node-dev AS dev\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nFROM dev AS release_build\nRUN npm run build\nFROM acme/node AS prod\nCOPY --from=release_build /home/app/package*.json ./\nCOPY --from=release_build /home/app/src ./src/\nCMD ["node", "src"]\n';
    const fs = memFs({ '/ws/package.json': '{}', '/ws/src/index.js': '', '/ws/Dockerfile': text });
    const { workdirs, evidence } = await imageWorkdirs(fs, parseDockerfile(text), '/ws');
    assert.equal(workdirs.get(0), '/home/app');
    assert.equal(workdirs.get(2), '/home/app', evidence.join('\n'));
    assert.match(evidence.join('\n'), /stage 3 "prod" sets no WORKDIR: that of its image acme\/node, assumed \/home\/app as in stage 1 "dev"/);
    // Another publisher's image at the end: still Docker's default.
    const other = text.replace('FROM acme/node AS prod', 'FROM node:22 AS prod');
    assert.equal((await imageWorkdirs(fs, parseDockerfile(other), '/ws')).workdirs.get(2), undefined);
  });

  test("an image of another publisher is not assumed to share it: its WORKDIR stays Docker's default", async () => {
    const m = await inferMapping(memFs(files('node:22')), spec);
    assert.equal(m?.target, '/.out', m?.evidence.join('\n'));
    assert.ok(!m?.evidence.some((e) => /assumed \/home\/app/.test(e)), m?.evidence.join('\n'));
  });

  test('a wildcard source shows it too, by a context file it matches: the build output and the manifests alone are enough', async () => {
    const text = 'FROM acme/node-dev AS dev\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM acme/node\nCOPY --from=dev /home/app/package*.json ./\nCOPY --from=dev /home/app/.out ./.out/\n';
    const fs = memFs({ '/ws/package.json': '{}', '/ws/package-lock.json': '{}', '/ws/src/index.js': '' });
    const { workdirs, evidence } = await imageWorkdirs(fs, parseDockerfile(text), '/ws');
    assert.equal(workdirs.get(0), '/home/app');
    assert.equal(workdirs.get(1), '/home/app');
    assert.match(evidence[0] ?? '', /as COPY --from=dev \/home\/app\/package\*\.json \(line 7\) shows: the context's package-lock\.json/);
    // A wildcard matching no file of the context shows nothing.
    assert.equal((await imageWorkdirs(memFs({ '/ws/src/index.js': '' }), parseDockerfile(text), '/ws')).workdirs.size, 0);
  });

  test("a stage FROM an ARG image copying the whole context to its WORKDIR (COPY . .), whose folder a later stage copies onto its own WORKDIR (COPY --from=build /home/app/srv .): that folder is the stage's WORKDIR", async () => {
    const text = 'ARG BUILDPACK\nARG RUNTIME\nFROM $BUILDPACK AS build\nCOPY . .\nRUN npm ci\nFROM $RUNTIME\nWORKDIR /home/app/srv\nCOPY --from=build /home/app/srv .\nCMD ["node", "app.js"]\n';
    const fs = memFs({ '/ws/app.js': '', '/ws/lib/routes.js': '' });
    const { workdirs, evidence } = await imageWorkdirs(fs, parseDockerfile(text), '/ws');
    assert.equal(workdirs.get(0), '/home/app/srv');
    assert.match(evidence[0] ?? '', /stage 1 "build" sets no WORKDIR: that of its image \$BUILDPACK, \/home\/app\/srv, as COPY --from=build \/home\/app\/srv \(line 8\) shows/);
    // Copied elsewhere than the later stage's WORKDIR (a folder of the build's own output), it shows nothing.
    const elsewhere = text.replace('COPY --from=build /home/app/srv .', 'COPY --from=build /home/app/srv/dist ./dist');
    assert.equal((await imageWorkdirs(fs, parseDockerfile(elsewhere), '/ws')).workdirs.size, 0);
  });

  test("a COPY --from a stage built FROM the one that sets no WORKDIR shows it too, when no stage between sets one: base FROM an image, build and the last stage FROM base", async () => {
    const text = 'FROM ghcr.io/acme/node:24 AS base\nENV TZ=UTC\nFROM base AS build\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM base\nCOPY --from=build /srv/app/package.json ./\nCOPY --from=build /srv/app/dist ./dist\nCMD ["npm", "start"]\n';
    const ws = { '/ws/package.json': JSON.stringify({ scripts: { build: 'tsc', start: 'node dist/main.js' } }), '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: 'src' } }), '/ws/src/main.ts': '', '/ws/Dockerfile': text };
    const { workdirs, evidence } = await imageWorkdirs(memFs(ws), parseDockerfile(text), '/ws');
    assert.equal(workdirs.get(0), '/srv/app');
    assert.match(evidence[0] ?? '', /stage 1 "base" sets no WORKDIR: that of its image ghcr\.io\/acme\/node:24, \/srv\/app, as COPY --from=build \/srv\/app\/package\.json \(line 9\) shows/);
    const m = await inferMapping(memFs(ws), spec);
    assert.equal(m?.target, '/srv/app/dist', m?.evidence.join('\n'));
    // A stage between that sets its own WORKDIR works elsewhere: its files say nothing of the image's.
    const moved = text.replace('FROM base AS build\n', 'FROM base AS build\nWORKDIR /build\n');
    assert.equal((await imageWorkdirs(memFs(ws), parseDockerfile(moved), '/ws')).workdirs.size, 0);
  });

  test("a stage FROM a sibling image copying from a stage that sets its WORKDIR to the same place relative to its own (COPY --from=build /app/dist ./dist) is assumed to work there", async () => {
    const text = 'FROM ghcr.io/acme/node:24 AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM ghcr.io/acme/node:24-runtime\nCOPY --from=build /app/package.json ./\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n';
    const fs = memFs({ '/ws/package.json': '{}', '/ws/src/server.ts': '', '/ws/Dockerfile': text });
    const { workdirs, evidence } = await imageWorkdirs(fs, parseDockerfile(text), '/ws');
    assert.equal(workdirs.get(1), '/app', evidence.join('\n'));
    assert.match(evidence.join('\n'), /stage 2 sets no WORKDIR: that of its image ghcr\.io\/acme\/node:24-runtime, assumed \/app as in stage 1 "build", whose image ghcr\.io\/acme\/node:24 is of the same publisher and which COPY --from=build \/app\/package\.json \(line 6\) copies from/);
    // An absolute destination, another publisher's image, an official image, or a copy to another place: nothing assumed.
    for (const other of [
      text.replaceAll('ghcr.io/acme/node:24', 'node:24'),
      text.replace('./dist', '/dist').replace('/app/package.json ./', '/app/package.json /package.json'),
      text.replace('FROM ghcr.io/acme/node:24-runtime', 'FROM ghcr.io/other/node:24-runtime'),
      text.replace('/app/dist ./dist', '/app/dist ./out').replace('/app/package.json ./', '/app/package.json ./pkg/'),
    ]) assert.equal((await imageWorkdirs(fs, parseDockerfile(other), '/ws')).workdirs.has(1), false, other);
  });

  test('paths that name no context file the stage copied in, or a stage that sets its WORKDIR, show nothing', async () => {
    const fs = memFs({ '/ws/src/index.js': '' });
    const none = parseDockerfile('FROM acme/node AS b\nCOPY . .\nRUN make\nFROM acme/node\nCOPY --from=b /home/app/.out ./.out\n');
    assert.equal((await imageWorkdirs(fs, none, '/ws')).workdirs.size, 0);
    const set = parseDockerfile('FROM acme/node AS b\nWORKDIR /b\nCOPY . .\nFROM acme/node\nCOPY --from=b /home/app/src ./src\n');
    assert.equal(set.stages[0]?.workdirOfImage, undefined);
    assert.equal((await imageWorkdirs(fs, set, '/ws')).workdirs.size, 0);
  });
});

suite("dockerfile: the image's own WORKDIR against the one the mapping took", () => {
  const running = (workingDir: string): ContainerInfo =>
    ({
      id: 'c1', name: 'ws-api-1', state: 'running', imageId: 'sha256:1', imageRef: 'ws-api', created: '', labels: {},
      config: { image: 'ws-api', env: [], cmd: null, entrypoint: null, exposed: [], published: {}, volumes: {}, labels: {}, healthcheck: null, user: '', workingDir,
        imageDefaults: { env: [], cmd: null, entrypoint: null, exposed: [], volumes: [], labels: {}, healthcheck: null, user: '', workingDir } },
    }) as ContainerInfo;

  test('a container whose image works elsewhere than assumed gets a warning naming the target that WORKDIR gives', async () => {
    const m = await inferMapping(memFs(files('acme/node:${TAG}')), spec);
    assert.equal(imageWorkdirWarning(m, running('/home/app')), undefined);
    assert.equal(
      imageWorkdirWarning(m, running('/srv')),
      'the Dockerfile sets no WORKDIR in the stage it builds: taken as /home/app, but the image of container ws-api-1 works in /srv, so its files are looked for in /srv/.out, not /home/app/.out (x-runtime-drift.target to say otherwise)',
    );
    // Docker's default, taken for an image of another publisher: an empty WorkingDir agrees with it.
    const other = await inferMapping(memFs(files('node:22')), spec);
    assert.equal(imageWorkdirWarning(other, running('')), undefined);
    assert.match(imageWorkdirWarning(other, running('/home/app')) ?? '', /taken as \/, but the image of container ws-api-1 works in \/home\/app, so its files are looked for in \/home\/app\/.out/);
  });

  test("the mapping moves below the image's WORKDIR where the Dockerfile does not show it, and stays where it does", async () => {
    const m = await inferMapping(memFs(files('acme/node:${TAG}')), spec);
    assert.equal(mappingOnImageWorkdir(m, running('/home/app')), m);
    const moved = mappingOnImageWorkdir(m, running('/srv'));
    assert.equal(moved?.target, '/srv/.out');
    assert.equal(moved?.started?.workdir, '/srv');
    assert.match(moved?.evidence.at(-1) ?? '', /^target \/srv\/.out: the image of container ws-api-1 works in \/srv \(the Dockerfile sets no WORKDIR in the stage it builds; \/home\/app was taken\)$/);
    assert.equal(m?.target, '/home/app/.out', 'the mapping read from the Dockerfile is left as it was');
    const set = await inferMapping(memFs({ ...files('acme/node:${TAG}'), '/ws/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm run build\nCMD ["node", ".out/index.js"]\n' }), spec);
    assert.equal(mappingOnImageWorkdir(set, running('/srv')), set);
    assert.equal(mappingOnImageWorkdir(m, undefined), m);
  });

  test('a stage that sets its WORKDIR, a target the user set, or no container: nothing to compare', async () => {
    const set = await inferMapping(memFs({ ...files('acme/node:${TAG}'), '/ws/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm run build\nCMD ["node", ".out/index.js"]\n' }), spec);
    assert.equal(imageWorkdirWarning(set, running('/srv')), undefined);
    const told = await inferMapping(memFs(files('acme/node:${TAG}')), { ...spec, drift: { target: '/home/app/.out' } });
    assert.equal(imageWorkdirWarning(told, running('/srv')), undefined);
    const m = await inferMapping(memFs(files('acme/node:${TAG}')), spec);
    assert.equal(imageWorkdirWarning(m, undefined), undefined);
  });
});

suite("dockerfile: an image of the repository's own, built by another of its Dockerfiles", () => {
  // docker/base/Dockerfile builds acme.io/team/base: WORKDIR and APP_DIR from an ARG, the start script copied in.
  const base = 'FROM ubuntu:24.04\nARG APP_DIR=/srv/app\nENV APP_DIR=$APP_DIR\nWORKDIR $APP_DIR\nCOPY package.json ./\nRUN npm ci\nCOPY scripts scripts\n';
  const api = 'ARG TAG=latest\nFROM acme.io/team/base:$TAG AS builder\nCOPY src src/\nRUN npm run build\nFROM acme.io/team/base:$TAG\nCOPY --from=builder $APP_DIR/out ./out\nCMD ["./scripts/start.sh"]\n';
  const tree = (extra: Record<string, string> = {}) => ({
    '/ws/package.json': JSON.stringify({ dependencies: { express: '5' }, scripts: { build: 'tsc && npm run build:widget', 'build:widget': 'node scripts/widget.mjs' } }),
    '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'out' } }),
    '/ws/src/index.ts': '',
    '/ws/src/widget/client.ts': '',
    '/ws/scripts/widget.mjs': "import { build } from 'esbuild';\nawait build({ entryPoints: ['src/widget/client.ts'], bundle: true, outfile: join(process.cwd(), 'static/widget.js') });\n",
    '/ws/scripts/start.sh': '#!/bin/sh\nexec node out/index.js "$@"\n',
    '/ws/docker/api/Dockerfile': api,
    ...extra,
  });
  const apiSpec: ServiceSpec = { ...spec, build: { context: '/ws', dockerfile: '/ws/docker/api/Dockerfile' } };

  test('a sibling folder named as the image gives its WORKDIR and ENV, the evidence saying it is assumed', async () => {
    const m = await inferMapping(memFs(tree({ '/ws/docker/base/Dockerfile': base })), apiSpec);
    assert.equal(m?.target, '/srv/app/out', m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => /stage 2 sets no WORKDIR: that of its image acme\.io\/team\/base:latest, \/srv\/app, assumed built by docker\/base\/Dockerfile of this repository/.test(e)), m?.evidence.join('\n'));
    // Without it nothing says where the image works, nor what $APP_DIR is: no target is guessed.
    assert.notEqual((await inferMapping(memFs(tree()), apiSpec))?.target, '/srv/app/out');
  });

  test('a Dockerfile.<name> beside it counts too; a public image of no namespace is never looked for', async () => {
    const m = await inferMapping(memFs(tree({ '/ws/docker/api/Dockerfile.base': base })), apiSpec);
    assert.equal(m?.target, '/srv/app/out', m?.evidence.join('\n'));
    const df = parseDockerfile('FROM node:22\nCOPY . .\n');
    assert.equal((await imageWorkdirs(memFs({ '/ws/docker/node/Dockerfile': base }), df, '/ws', '/ws/docker/api/Dockerfile')).workdirs.size, 0);
  });

  test("only a Dockerfile inside the build context is read for the image's WORKDIR: an image named to reach beyond it (a context at the workspace's top) is not looked for there", async () => {
    const df = parseDockerfile('FROM acme.io/team/base:latest\nCOPY . .\nCMD ["node", "index.js"]\n');
    assert.equal((await imageWorkdirs(memFs({ '/base/Dockerfile': base, '/ws/index.js': 'x' }), df, '/ws', '/ws/Dockerfile')).workdirs.size, 0);
    const dotted = parseDockerfile('FROM acme.io/team/..:latest\nCOPY . .\n');
    assert.equal((await imageWorkdirs(memFs({ '/Dockerfile': base, '/ws/app/x.js': 'x' }), dotted, '/ws/app', '/ws/app/Dockerfile')).workdirs.size, 0);
    // The same layout inside the context is read.
    assert.equal((await imageWorkdirs(memFs({ '/ws/base/Dockerfile': base, '/ws/index.js': 'x' }), df, '/ws', '/ws/app/Dockerfile')).workdirs.size, 1);
  });

  test("the start script that image copies in is followed: a browser bundle beside the server tsc compiles does not make the server bundled", async () => {
    const m = await inferMapping(memFs(tree({ '/ws/docker/base/Dockerfile': base })), apiSpec);
    assert.equal(m?.bundled, false, m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => e === "not the server's bundle: esbuild in scripts/widget.mjs: the image starts /srv/app/out/index.js, which tsc compiles from src/index.ts"), m?.evidence.join('\n'));
    // The image starting no file tsc compiles (the bundle, wherever it is written): the bundle is the server's.
    const served = await inferMapping(memFs(tree({ '/ws/docker/base/Dockerfile': base, '/ws/scripts/start.sh': '#!/bin/sh\nexec node static/widget.js\n' })), apiSpec);
    assert.equal(served?.bundled, true, served?.evidence.join('\n'));
  });

  suite('published images whose own Dockerfile sets a WORKDIR', () => {
    // A headless-browser image: its user's home is where `COPY . ./` lands, the Dockerfile never says so.
    const browser = 'FROM ghcr.io/puppeteer/puppeteer:25.8.0\nUSER root\nRUN apt-get update\nUSER pptruser\nCOPY package.json ./\nRUN npm i\nCOPY --chown=pptruser:pptruser . ./\nCMD ["node", "src/index.js"]\n';
    const served = { '/ws/package.json': JSON.stringify({ main: 'src/index.js' }), '/ws/src/index.js': 'x', '/ws/Dockerfile': browser };

    test("a stage FROM one that sets no WORKDIR works in the image's, and the evidence says it is assumed", async () => {
      const m = await inferMapping(memFs(served), spec);
      assert.equal(m?.target, '/home/pptruser/src', m?.evidence.join('\n'));
      assert.ok(m?.evidence.some((e) => /stage 1 sets no WORKDIR: that of its image ghcr\.io\/puppeteer\/puppeteer:25\.8\.0, assumed \/home\/pptruser, the WORKDIR its publisher's Dockerfile sets/.test(e)), m?.evidence.join('\n'));
    });

    test('the tag decides where the publisher builds some tags with another Dockerfile (distroless); other images keep Docker\'s default', async () => {
      const of = async (from: string) => (await imageWorkdirs(memFs({ '/ws/x.js': 'x' }), parseDockerfile(`FROM ${from}\nCOPY . .\n`), '/ws', '/ws/Dockerfile')).workdirs.get(0);
      assert.equal(await of('oven/bun:1-slim'), '/home/bun/app');
      assert.equal(await of('docker.io/oven/bun'), '/home/bun/app');
      assert.equal(await of('oven/bun:1-alpine@sha256:0123'), '/home/bun/app');
      assert.equal(await of('oven/bun:distroless'), undefined);
      assert.equal(await of('node:22'), undefined);
      assert.equal(await of('acme/oven/bun:1'), undefined);
    });

    test('a stage that sets its own WORKDIR keeps it', async () => {
      const m = await inferMapping(memFs({ ...served, '/ws/Dockerfile': browser.replace('USER pptruser\n', 'USER pptruser\nWORKDIR /srv\n') }), spec);
      assert.equal(m?.target, '/srv/src', m?.evidence.join('\n'));
    });
  });
});

import assert from 'node:assert/strict';
import { locateInImage } from '../../../src/core/dockerfile/locate';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { withRunMoves, withTurboPrunes } from '../../../src/core/dockerfile/runCopies';

const at = (dockerfile: string, rel: string, target?: string) => locateInImage(parseDockerfile(dockerfile), rel, target);

suite('dockerfile locate', () => {
  test('a stage given only named files, dot-named config files among them (.env, .npmrc), builds nothing of the context; a dot-named folder (.next) is a folder', () => {
    const df = 'FROM node:22\nWORKDIR /app\nCOPY .env /app/.env\nCOPY .npmrc /app/.npmrc\nCOPY package.json /app/package.json\nRUN chmod +x /app/x\n';
    assert.equal(at(df, 'src'), undefined);
    assert.equal(at(df, '.env')?.path, '/app/.env');
    const folder = 'FROM node:22\nWORKDIR /app\nCOPY .next /app/.next\nCOPY package.json ./\nRUN npm ci\n';
    assert.equal(at(folder, 'src')?.path, '/app/src');
    // A named file beside a folder another stage hands over (turbo prune's out/full): the build runs there.
    const pruned = 'FROM node:22 AS prune\nWORKDIR /app\nCOPY . .\nRUN npx turbo prune web --docker\nFROM node:22 AS build\nWORKDIR /app\nCOPY .gitignore .gitignore\nCOPY --from=prune /app/out/full/ .\nRUN npx turbo run build\n';
    assert.equal(at(pruned, 'packages/web/.next')?.path, '/app/packages/web/.next');
    // Another stage's build output served by a web server beside two named files: nothing is built there.
    const served = 'FROM node:22 AS builder\nWORKDIR /app\nCOPY web web\nRUN npm run build\nFROM nginx:alpine\nCOPY --from=builder /app/web/dist /usr/share/nginx/html\nCOPY docker/nginx.conf /etc/nginx/conf.d/default.conf\nCOPY docker/update.sh /docker-entrypoint.d/update.sh\nRUN chmod +x /docker-entrypoint.d/update.sh\n';
    assert.equal(at(served, 'web/src')?.path, undefined);
  });

  test('a stage given only folders of another top folder (a Python back end) built nothing of the front end, even when a later stage starts from it', () => {
    const df = [
      'FROM node:22 AS web',
      'WORKDIR /app',
      'COPY web/ .',
      'RUN npm run build',
      'FROM python:3.13 AS api',
      'WORKDIR /srv',
      'COPY api/app /srv/',
      'COPY ops/start.sh /srv/ops/start.sh',
      'RUN python3 manage.py collectstatic',
      'FROM api AS all',
      'COPY --from=web /app/build /app/build',
      '',
    ].join('\n');
    assert.equal(at(df, 'web/dist'), undefined);
    assert.equal(at(df, 'web/build')?.path, '/app/build');
    // The back end's own folder was built where its files went.
    assert.equal(at(df, 'api/static', 'api')?.path, '/srv/api/static');
  });

  test('an image that takes only named files from the context (its entrypoint) holds none of the sources, built or not', () => {
    const df = 'FROM acme/shop:latest\nWORKDIR /shop\nCOPY ./entrypoint.sh /entrypoint.sh\nRUN chmod +x /entrypoint.sh\n';
    assert.equal(at(df, ''), undefined);
    assert.equal(at(df, 'dist'), undefined);
    assert.equal(at(df, 'entrypoint.sh')?.path, '/entrypoint.sh');
    // Files copied into a folder do put the context root there: what a RUN builds appears beside them.
    assert.equal(at('FROM node\nWORKDIR /app\nCOPY package.json tsconfig.json ./\nRUN npm run build\n', 'dist')?.path, '/app/dist');
  });

  test('COPY . . puts every context path under the WORKDIR', () => {
    const loc = at('FROM node\nWORKDIR /app\nCOPY . .\n', 'dist');
    assert.deepEqual(loc, { path: '/app/dist', evidence: 'Dockerfile: COPY . /app (stage 1)', madeByRun: false, fromStage: false });
  });

  test('COPY dist ./dist and COPY dist/ /app/dist/', () => {
    assert.equal(at('FROM n\nWORKDIR /app\nCOPY dist ./dist\n', 'dist')?.path, '/app/dist');
    assert.equal(at('FROM n\nCOPY dist/ /app/dist/\n', './dist/')?.path, '/app/dist');
    assert.equal(at('FROM n\nCOPY dist/ /app/dist/\n', 'dist/modules')?.path, '/app/dist/modules');
  });

  test('a file copied into a folder keeps its name; globs match files', () => {
    assert.equal(at('FROM n\nWORKDIR /app\nCOPY package.json ./\n', 'package.json')?.path, '/app/package.json');
    assert.equal(at('FROM n\nWORKDIR /app\nCOPY *.json ./\n', 'tsconfig.json')?.path, '/app/tsconfig.json');
    assert.equal(at('FROM n\nCOPY main.js /srv/server.js\n', 'main.js')?.path, '/srv/server.js');
  });

  test('COPY globs read as Docker reads them (Go filepath.Match): a wildcard stays in one segment; [..] is a class', () => {
    assert.equal(at('FROM n\nWORKDIR /app\nCOPY src/* ./\n', 'src/main.js')?.path, '/app/main.js');
    assert.equal(at('FROM n\nWORKDIR /app\nCOPY src/* ./\n', 'src/lib/a.js'), undefined);
    assert.equal(at('FROM n\nWORKDIR /app\nCOPY [ab].json ./\n', 'a.json')?.path, '/app/a.json');
    assert.equal(at('FROM n\nWORKDIR /app\nCOPY [ab].json ./\n', 'c.json'), undefined);
  });

  test('a path no COPY covers is not in the image', () => {
    assert.equal(at('FROM n\nWORKDIR /app\nCOPY package.json ./\nCOPY src ./src\n', 'dist'), undefined);
    assert.equal(at('FROM n\nCOPY --from=other-image /x /x\n', 'x'), undefined);
  });

  test('the latest COPY that covers the path wins', () => {
    assert.equal(at('FROM n\nCOPY . /a\nCOPY dist /b\n', 'dist')?.path, '/b');
  });

  test('multi-stage: the build output is followed through COPY --from', () => {
    const df = `FROM node-base AS build
WORKDIR /src
COPY . .
RUN npm run build
FROM node-base
WORKDIR /app
COPY --from=build /src/dist ./dist
CMD ["node","dist/main.js"]
`;
    assert.deepEqual(at(df, 'dist'), {
      path: '/app/dist',
      evidence: 'Dockerfile: COPY --from=build /src/dist /app/dist (stage 2); COPY . /src (stage 1 "build")',
      madeByRun: false,
      fromStage: true,
    });
    assert.equal(at(df, 'dist/modules/a.js')?.path, '/app/dist/modules/a.js');
    // The source itself is not in the final image.
    assert.equal(at(df, 'src'), undefined);
  });

  test('multi-stage: output produced in a builder that copied only some of the context', () => {
    const df = `FROM node AS builder
WORKDIR /build
COPY package*.json tsconfig.json ./
COPY src ./src
RUN npm ci && npm run build
FROM node
WORKDIR /app
COPY --from=builder /build/node_modules ./node_modules
COPY --from=builder /build/dist ./dist
`;
    const loc = at(df, 'dist');
    assert.equal(loc?.path, '/app/dist');
    assert.match(loc?.evidence ?? '', /COPY --from=builder \/build\/dist \/app\/dist \(stage 2\); dist is built in stage 1 "builder" at \/build\/dist/);
    // No COPY names dist itself: it is assumed made by the builder's RUN.
    assert.equal(loc?.madeByRun, true);
    // Stage indexes work as --from too.
    assert.equal(at(df.replace('--from=builder /build/dist', '--from=0 /build/dist'), 'dist')?.path, '/app/dist');
  });

  test('output is built where the context was when the build ran, not where files are copied after it', () => {
    const df = [
      'FROM n AS builder',
      'WORKDIR /w',
      'COPY ./apps apps/',
      'RUN npm run build',
      'WORKDIR /w/dist/api',
      'COPY package.json /w/dist/api/',
      'COPY prisma /w/dist/api/prisma/',
      'RUN npm install',
      'FROM n',
      'COPY --from=builder /w/dist /srv/',
      '',
    ].join('\n');
    const loc = at(df, 'dist/api');
    assert.equal(loc?.path, '/srv/api');
    assert.match(loc?.evidence ?? '', /dist\/api is built in stage 1 "builder" at \/w\/dist\/api \(context copied to \/w, RUN npm run build\)/);
  });

  test('a single stage that copies the source and builds it holds the output next to it', () => {
    const df = 'FROM n\nWORKDIR /app\nCOPY src ./src\nRUN npx tsc\n';
    assert.equal(at(df, 'dist')?.path, '/app/dist');
    // Without a RUN nothing can have produced it.
    assert.equal(at('FROM n\nWORKDIR /app\nCOPY src ./src\n', 'dist'), undefined);
  });

  test('a stage built FROM an earlier one keeps its files', () => {
    const df = 'FROM n AS deps\nWORKDIR /app\nCOPY . .\nFROM deps AS prod\nENV X=1\n';
    assert.deepEqual(at(df, 'src'), {
      path: '/app/src',
      evidence: 'Dockerfile: COPY . /app (stage 1 "deps"); stage 2 "prod" is built FROM stage 1 "deps"',
      madeByRun: false,
      fromStage: false,
    });
  });

  test('a build target selects the stage instead of the last one', () => {
    const df = 'FROM n AS dev\nWORKDIR /dev\nCOPY . .\nFROM n AS prod\nWORKDIR /app\nCOPY dist ./dist\n';
    assert.equal(at(df, 'src', 'dev')?.path, '/dev/src');
    assert.equal(at(df, 'src'), undefined);
    assert.equal(at(df, 'src', 'missing'), undefined);
  });

  test('one script copied out of a bundle folder: the folder is where the script lands; other files do not place it', () => {
    const df = 'FROM n AS build\nWORKDIR /repo\nCOPY . .\nRUN npm run build\nFROM n\nWORKDIR /api\nCOPY --from=build /repo/apps/api/dist/index.cjs .\n';
    assert.equal(at(df, 'apps/api/dist')?.path, '/api');
    assert.equal(at(df.replace('index.cjs', 'package.json'), 'apps/api/dist'), undefined);
    assert.equal(at(df.replace('dist/index.cjs', 'dist/lib/index.cjs'), 'apps/api/dist'), undefined);
  });

  test('one script copied out of a bundle folder to a file of its own name: the folder is where the file lands; another name does not place it', () => {
    const df = 'FROM n AS build\nWORKDIR /repo\nCOPY . .\nRUN npm run build\nFROM n\nWORKDIR /srv\nCOPY package.json ./\nRUN npm ci --prod\nCOPY --from=build /repo/dist/apps/api/main.js main.js\n';
    assert.equal(at(df, 'dist/apps/api')?.path, '/srv');
    assert.notEqual(at(df.replace('main.js main.js', 'main.js server.js'), 'dist/apps/api')?.path, '/srv');
  });

  test('turbo prune --docker: the pruned workspace is in out/full where a later stage copies it from, even under a base image WORKDIR', () => {
    const df = [
      'FROM org/base:latest AS base',
      'FROM base AS turbo',
      'COPY . .',
      'RUN turbo prune @x/api --docker',
      'FROM base AS build',
      'WORKDIR /repo',
      'COPY --from=turbo /repo/out/json/ .',
      'RUN pnpm install',
      'COPY --from=turbo /repo/out/full/ .',
      'RUN pnpm run build',
      'FROM base',
      'WORKDIR /srv',
      'COPY --from=build /repo/apps/api/dist ./dist',
    ].join('\n');
    const loc = locateInImage(withTurboPrunes(parseDockerfile(df)), 'apps/api/dist');
    assert.equal(loc?.path, '/srv/dist');
    assert.match(loc?.evidence ?? '', /RUN turbo prune @x\/api --docker \(\. -> \/repo\/out\/full\)/);
    // Without the prune read, the build stage holds nothing of the context.
    assert.equal(at(df, 'apps/api/dist'), undefined);
    // Without --docker and with no later stage naming it, out/ under the stage's WORKDIR.
    const plain = 'FROM n AS prune\nWORKDIR /app\nCOPY . .\nRUN npx turbo prune web --out-dir=pruned\nFROM n\nCOPY --from=prune /app/pruned/apps/web /web\n';
    assert.equal(locateInImage(withTurboPrunes(parseDockerfile(plain)), 'apps/web/src')?.path, '/web/src');
  });
  test("a RUN's cp of the build output works in the WORKDIR set before it, not the stage's later one: the output lands where it copies to", () => {
    const df = 'FROM node\nWORKDIR /usr/src/build\nCOPY . /usr/src/build\nRUN npm run build && mkdir -p /usr/src/app && cp -r ./dist/* /usr/src/app/ && rm -rf /usr/src/build\nWORKDIR /usr/src/app\nCMD ["node", "index.js"]\n';
    assert.equal(locateInImage(withRunMoves(parseDockerfile(df)), 'dist/index.js')?.path, '/usr/src/app/index.js');
  });
  test("a RUN's shell redirections are no arguments of cp: `cp -r assets out/ 2>/dev/null` copies into out/, the build output stays where it was built", () => {
    const df = 'FROM node\nWORKDIR /srv\nCOPY . .\nWORKDIR /srv/svc\nRUN npx tsc && cp -r assets out/ 2>/dev/null || true\nCMD ["node", "out/main.js"]\n';
    const moved = withRunMoves(parseDockerfile(df));
    assert.equal(locateInImage(moved, 'svc/out/main.js')?.path, '/srv/svc/out/main.js');
    assert.equal(locateInImage(moved, 'svc/assets/logo.png')?.path, '/srv/svc/out/assets/logo.png');
    // A redirection written apart from its file, and one to a descriptor, are left out the same way.
    const spaced = withRunMoves(parseDockerfile(df.replace('2>/dev/null', '> /tmp/log 2>&1')));
    assert.equal(locateInImage(spaced, 'svc/out/main.js')?.path, '/srv/svc/out/main.js');
    assert.equal(locateInImage(spaced, 'svc/assets/logo.png')?.path, '/srv/svc/out/assets/logo.png');
  });
  test("a RUN's mv works where the RUN's own `cd` left the shell: `cd /build && npm run build && mv out/ /srv/out/` moves /build/out", () => {
    const df = 'FROM node:22-slim\nCOPY . /build\nRUN mkdir -p /srv/out && cd /build && npm run build && mv out/ /srv/out/\nCMD ["node", "/srv/out/out/server.js"]\n';
    assert.equal(locateInImage(withRunMoves(parseDockerfile(df)), 'out/server.js')?.path, '/srv/out/out/server.js');
    // A `cd` to a path the shell expands is not followed: the mv is read from the WORKDIR, as before.
    const unknown = withRunMoves(parseDockerfile(df.replace('cd /build', 'cd $BUILD_DIR')));
    assert.equal(locateInImage(unknown, 'out/server.js')?.path, '/build/out/server.js');
  });
  test('a folder moved into a folder nothing in the stage made (`mv out/ /svc/`) becomes that folder; into one a mkdir, WORKDIR or base image has, it lands inside by name', () => {
    const df = 'FROM node:22-slim\nCOPY . /build\nRUN cd /build && npm run build && mv out/ /svc/ && rm -rf /build\nCMD ["node", "/svc/server.js"]\n';
    assert.equal(locateInImage(withRunMoves(parseDockerfile(df)), 'out/server.js')?.path, '/svc/server.js');
    const made = withRunMoves(parseDockerfile(df.replace('RUN cd /build', 'RUN mkdir -p /svc\nRUN cd /build')));
    assert.equal(locateInImage(made, 'out/server.js')?.path, '/svc/out/server.js');
    const workdir = withRunMoves(parseDockerfile(df.replace('COPY . /build', 'WORKDIR /svc\nCOPY . /build')));
    assert.equal(locateInImage(workdir, 'out/server.js')?.path, '/svc/out/server.js');
    const base = withRunMoves(parseDockerfile(df.replace('mv out/ /svc/', 'mv out/ /opt/')));
    assert.equal(locateInImage(base, 'out/server.js')?.path, '/opt/out/server.js');
  });
  test('cp --parents keeps each source path below the destination; bash braces expand to every combination', () => {
    const df = 'FROM node AS build\nSHELL ["/bin/bash", "-c"]\nADD . /repo\nWORKDIR /repo\nRUN npm run build\nRUN mkdir -p /slim\nRUN cp -r --parents ./{web,api}/{dist,package.json} /slim\nFROM scratch\nWORKDIR /srv\nCOPY --from=build /slim ./\n';
    const moved = withRunMoves(parseDockerfile(df));
    assert.equal(locateInImage(moved, 'api/dist')?.path, '/srv/api/dist');
    assert.equal(locateInImage(moved, 'web/dist/index.html')?.path, '/srv/web/dist/index.html');
    assert.equal(locateInImage(moved, 'api/package.json')?.path, '/srv/api/package.json');
    // What the copy leaves out is not in the final image; without --parents the folder lands in the destination by name.
    assert.equal(locateInImage(moved, 'api/src'), undefined);
    const plain = withRunMoves(parseDockerfile(df.replace('cp -r --parents ./{web,api}/{dist,package.json}', 'cp -r ./api/dist ./web/dist')));
    assert.equal(locateInImage(plain, 'api/dist')?.path, '/srv/dist');
  });
});

import assert from 'node:assert/strict';
import { parseComposeProject } from '../../../src/core/compose/parse';
import { inferMapping } from '../../../src/core/mapping/infer';
import { selectedPackages } from '../../../src/core/mapping/buildProject';
import { compileDockerignore } from '../../../src/core/dockerfile/dockerignore';
import { mapSourceFile, mapToBuildOutput } from '../../../src/core/mapping/mapFile';
import type { DriftOverrides, ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const spec = (drift: DriftOverrides = {}, build: ServiceSpec['build'] | null = undefined): ServiceSpec => {
  const s: ServiceSpec = {
    name: 'api',
    project: 'ws',
    projectDir: '/ws',
    composeFiles: ['/ws/compose.yaml'],
    ports: [],
    drift,
  };
  if (build !== null) s.build = build ?? { context: '/ws/backend', dockerfile: '/ws/backend/Dockerfile' };
  return s;
};

const MULTI_STAGE = `FROM node-base AS build
WORKDIR /src
COPY . .
RUN npm run build
FROM node-base
WORKDIR /app
COPY --from=build /src/dist ./dist
CMD ["node","dist/main.js"]
`;

const NEST_BACKEND = {
  '/ws/backend/tsconfig.json': `{
    // Nest's defaults, with comments and trailing commas as tsc allows
    "compilerOptions": { "rootDir": "src", "outDir": "dist", /* emitted */ "target": "ES2022", },
  }`,
  '/ws/backend/package.json': '{"dependencies":{"@nestjs/core":"^10"},"devDependencies":{"typescript":"^5"}}',
  '/ws/backend/Dockerfile': MULTI_STAGE,
  '/ws/backend/src/main.ts': '',
  '/ws/backend/src/modules/workflow/workflow.controller.ts': '',
};

suite('mapping infer', () => {
  test('headline: tsconfig rootDir/outDir + multi-stage Dockerfile -> /app/dist with .js names', async () => {
    const m = await inferMapping(memFs(NEST_BACKEND), spec());
    assert.ok(m);
    assert.equal(m.sourceRoot, '/ws/backend/src');
    assert.equal(m.target, '/app/dist');
    assert.equal(m.buildOutDir, '/ws/backend/dist');
    assert.equal(m.bundled, false);
    assert.equal(m.modulesDir, 'modules');
    assert.equal(m.rewrites['.ts'], '.js');
    const file = '/ws/backend/src/modules/workflow/workflow.controller.ts';
    assert.equal(mapSourceFile(m, file), '/app/dist/modules/workflow/workflow.controller.js');
    assert.equal(mapToBuildOutput(m, file), '/ws/backend/dist/modules/workflow/workflow.controller.js');
    assert.ok(m.evidence.includes('source root /ws/backend/src (tsconfig.json compilerOptions.rootDir)'), m.evidence.join('\n'));
    assert.ok(
      m.evidence.includes(
        'target /app/dist from Dockerfile: COPY --from=build /src/dist /app/dist (stage 2); COPY . /src (stage 1 "build")',
      ),
      m.evidence.join('\n'),
    );
  });

  test('the same, starting from a compose file', async () => {
    const project = parseComposeProject(
      [{ path: '/ws/compose.yaml', text: 'services:\n  backend:\n    build: ./backend\n' }],
      { dir: '/ws', env: {} },
    );
    const backend = project.services[0];
    assert.ok(backend);
    const m = await inferMapping(memFs(NEST_BACKEND), backend);
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/main.ts'), '/app/dist/main.js');
  });

  test('a context without Dockerfile but with a lowercase dockerfile: a compose build naming no dockerfile reads it, as Docker does; one naming Dockerfile does not', async () => {
    const files = {
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./dist"},"include":["src/**/*"]}',
      '/ws/backend/dockerfile': 'FROM node\nWORKDIR /usr/app\nCOPY dist ./dist\nCMD node dist/index.js\n',
      '/ws/backend/src/index.ts': '',
    };
    const parsed = (build: string) => parseComposeProject([{ path: '/ws/compose.yaml', text: `services:\n  backend:\n    build: ${build}\n` }], { dir: '/ws', env: {} }).services[0];
    const unnamed = parsed('./backend');
    const m = unnamed && (await inferMapping(memFs(files), unnamed));
    assert.equal(m?.target, '/usr/app/dist', m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/index.ts'), '/usr/app/dist/index.js');
    const named = parsed('{ context: ./backend, dockerfile: Dockerfile }');
    const none = named && (await inferMapping(memFs(files), named));
    // Named, it is read as named: no Dockerfile, nothing says where dist lands.
    assert.equal(none, undefined);
  });

  test('a tsconfig saved with a byte-order mark still gives the build output: COPY . . then RUN npm run build in one stage -> /app/dist', async () => {
    const fs = memFs({
      '/ws/backend/tsconfig.json': '\uFEFF{ "compilerOptions": { "outDir": "dist", "rootDir": "src" }, "include": ["src/**/*"] }',
      '/ws/backend/package.json': '{"main":"dist/server.js","scripts":{"build":"tsc -p tsconfig.json"},"dependencies":{"fastify":"^5"}}',
      '/ws/backend/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install\nRUN npm run build\nCMD ["node", "dist/server.js"]\n',
      '/ws/backend/src/server.ts': '',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src');
    assert.equal(m?.target, '/app/dist');
  });

  test('simple COPY dist ./dist', async () => {
    const fs = memFs({
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./dist"},"include":["src/**/*"]}',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /usr/app\nCOPY package.json ./\nCOPY dist ./dist\nCMD node dist/index.js\n',
      '/ws/backend/src/index.ts': '',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src');
    assert.equal(m?.target, '/usr/app/dist');
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/index.ts'), '/usr/app/dist/index.js');
    assert.ok(m?.evidence.includes('source root /ws/backend/src (tsconfig.json include)'), m?.evidence.join('\n'));
  });

  test('tsc without rootDir, include naming a folder below src (src/server/**/*): that folder is the source root, as tsc\'s common root of the inputs', async () => {
    const fs = memFs({
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./dist/server"},"include":["src/server/**/*"]}',
      '/ws/backend/package.json': '{"type":"module","dependencies":{"express":"^4"}}',
      '/ws/backend/Dockerfile': 'FROM node AS build\nWORKDIR /usr/app\nCOPY . .\nRUN npx tsc\nFROM node\nWORKDIR /usr/app\nCOPY --from=build /usr/app/dist ./dist\nCMD node dist/server/app.js\n',
      '/ws/backend/src/server/app.ts': '',
      '/ws/backend/src/server/routes/index.ts': '',
      '/ws/backend/src/client/main.ts': '',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src/server');
    assert.equal(m?.target, '/usr/app/dist/server');
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/server/routes/index.ts'), '/usr/app/dist/server/routes/index.js');
  });

  test('rootDir and outDir are found through a relative extends', async () => {
    const fs = memFs({
      '/ws/backend/tsconfig.build.json': '{"extends":"./tsconfig.json","exclude":["test"]}',
      '/ws/backend/tsconfig.json': '{"extends":"../tsconfig.base","compilerOptions":{"outDir":"out"}}',
      '/ws/tsconfig.base.json': '{"compilerOptions":{"rootDir":"./backend/lib","outDir":"nope"}}',
      '/ws/backend/Dockerfile': 'FROM n\nWORKDIR /app\nCOPY . .\n',
      '/ws/backend/lib/a.mts': '',
      '/ws/backend/out/a.mjs': '',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/lib');
    assert.equal(m?.buildOutDir, '/ws/backend/out');
    assert.equal(m && mapSourceFile(m, '/ws/backend/lib/a.mts'), '/app/out/a.mjs');
  });

  test('a plain JavaScript project copied as-is keeps its file names', async () => {
    const fs = memFs({
      '/ws/backend/package.json': '{"dependencies":{"express":"^4"}}',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /srv\nCOPY package.json ./\nCOPY src ./src\nCMD node src/server.js\n',
      '/ws/backend/src/server.js': '',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/srv/src');
    assert.deepEqual(m?.rewrites, {});
    assert.equal(m?.buildOutDir, undefined);
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/server.js'), '/srv/src/server.js');
  });

  test('tsc without outDir emits next to the source: the copied source holds the .js files', async () => {
    const fs = memFs({
      '/ws/backend/tsconfig.json': '{"compilerOptions":{}}',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY src ./src\nRUN npx tsc\n',
      '/ws/backend/src/a.ts': '',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/app/src');
    assert.equal(m?.buildOutDir, '/ws/backend/src');
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/a.ts'), '/app/src/a.js');
  });

  test('x-runtime-drift overrides win over tsconfig and the Dockerfile', async () => {
    const m = await inferMapping(
      memFs(NEST_BACKEND),
      spec({ source: '/ws/backend/src/modules', target: '/opt/svc', modulesDir: 'workflow', buildOutput: '/ws/backend/build' }),
    );
    assert.equal(m?.sourceRoot, '/ws/backend/src/modules');
    assert.equal(m?.target, '/opt/svc');
    assert.equal(m?.buildOutDir, '/ws/backend/build');
    assert.equal(m?.modulesDir, 'workflow');
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/modules/workflow/x.ts'), '/opt/svc/workflow/x.js');
    assert.ok(m?.evidence.includes('target /opt/svc (x-runtime-drift.target)'));
    assert.ok(m?.evidence.includes('source root /ws/backend/src/modules (x-runtime-drift.source)'));
  });

  test('an image-only service with source and target in x-runtime-drift is mapped', async () => {
    const fs = memFs({ '/ws/svc/main.js': '' });
    const m = await inferMapping(fs, spec({ source: '/ws/svc', target: '/app' }, null));
    assert.equal(m && mapSourceFile(m, '/ws/svc/main.js'), '/app/main.js');
  });

  test('no build and no overrides: nothing to map', async () => {
    assert.equal(await inferMapping(memFs({}), spec({}, null)), undefined);
  });

  test('a Dockerfile that does not ship the output or the source gives no mapping', async () => {
    const fs = memFs({
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"dist"}}',
      '/ws/backend/Dockerfile': 'FROM node\nCOPY package.json /app/\n',
      '/ws/backend/src/a.ts': '',
    });
    assert.equal(await inferMapping(fs, spec()), undefined);
  });

  test('a Vite front end is bundled: files have no one-to-one counterpart', async () => {
    const fs = memFs({
      '/ws/web/package.json': '{"devDependencies":{"vite":"^5","typescript":"^5"}}',
      '/ws/web/tsconfig.json': '{"compilerOptions":{"noEmit":true,"jsx":"react-jsx"},"include":["src"]}',
      '/ws/web/Dockerfile':
        'FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      '/ws/web/src/App.tsx': '',
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws/web', dockerfile: '/ws/web/Dockerfile' }));
    assert.equal(m?.bundled, true);
    assert.equal(m?.sourceRoot, '/ws/web/src');
    assert.equal(m?.target, '/usr/share/nginx/html');
    assert.equal(m && mapSourceFile(m, '/ws/web/src/App.tsx'), undefined);
    assert.ok(m?.evidence.includes('bundled: package.json depends on vite'));
  });

  test('noEmit without a bundler, source not shipped as-is, counts as bundled', async () => {
    const fs = memFs({
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"noEmit":true,"outDir":"dist"}}',
      '/ws/backend/Dockerfile': 'FROM n\nCOPY dist /app/dist\n',
      '/ws/backend/src/a.ts': '',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: tsconfig.json has noEmit: true'), m?.evidence.join('\n'));
  });

  test('noEmit with the source copied as-is (tsx/ts-node at runtime) maps files unchanged', async () => {
    const fs = memFs({
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"noEmit":true}}',
      '/ws/backend/Dockerfile': 'FROM n\nWORKDIR /app\nCOPY src ./src\nCMD ["npx","tsx","src/main.ts"]\n',
      '/ws/backend/src/main.ts': '',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.bundled, false);
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/main.ts'), '/app/src/main.ts');
  });

  test('a missing Dockerfile is noted, and the build target stage is honoured', async () => {
    const fs = memFs({
      '/ws/backend/Dockerfile': 'FROM n AS dev\nWORKDIR /dev\nCOPY . .\nFROM n\nWORKDIR /app\nCOPY src ./src\n',
      '/ws/backend/src/a.js': '',
    });
    const dev = await inferMapping(fs, spec({}, { context: '/ws/backend', dockerfile: '/ws/backend/Dockerfile', target: 'dev' }));
    assert.equal(dev?.target, '/dev/src');
    const none = await inferMapping(memFs({ '/ws/backend/src/a.js': '' }), spec());
    assert.equal(none, undefined);
  });
});

suite('mapping infer on real-world Dockerfiles (patterns from the corpus)', () => {
  const pkg = (deps: Record<string, string>, scripts: Record<string, string> = {}) => JSON.stringify({ dependencies: deps, scripts });

  test('a server beside a front-end bundler (Next, Vite) is not a bundle; its build script decides', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4', next: '14' }, { build: 'next build && tsc' }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.bundled, false, m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist');
  });

  test('a RUN moving the build output (mv build/* /usr/src/app/) places it where it was moved', async () => {
    const fs = memFs({
      '/ws/package.json': pkg({ express: '4' }, { 'build:dist': 'tsc -p tsconfig.build.json' }),
      '/ws/tsconfig.build.json': '{"compilerOptions":{"outDir":"./build"},"include":["./src/**/*.ts","./*.ts"]}',
      '/ws/src/main.ts': '',
      '/ws/electron-main.ts': '',
      '/ws/Dockerfile': [
        'FROM node AS builder',
        'WORKDIR /usr/src/app/build',
        'COPY . .',
        'RUN npm ci && npm run build:dist && mv build/* start.sh /usr/src/app/ && rm -rf /usr/src/app/build',
        'FROM node',
        'WORKDIR /usr/src/app',
        'COPY --from=builder /usr/src/app ./',
        'CMD ["node", "src/main.js"]',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/usr/src/app/src', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test('a RUN copying the start file and a source folder from where the context was put into the WORKDIR (cp /source/server.js . && cp -R /source/api .) places the plain JavaScript where the image runs it', async () => {
    const fs = memFs({
      '/ws/package.json': pkg({ express: '4' }, { start: 'node server.js' }),
      '/ws/server.js': "require('./api/app');\n",
      '/ws/api/package.json': pkg({ express: '4' }, {}),
      '/ws/api/app.js': '',
      '/ws/Dockerfile': [
        'FROM node:20-alpine AS builder',
        'COPY ./ /source/',
        'WORKDIR /build',
        'RUN cp /source/server.js . && cp /source/package.json . && npm install && cp -R /source/api .',
        'FROM alpine',
        'WORKDIR /app',
        'COPY --from=builder /build/ /app/',
        'CMD ["node", "server.js"]',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test("a RUN in a workspace package's folder running that package's own script (WORKDIR /app/apps/api, pnpm build:bundle = esbuild --bundle --outdir=dist): the server is bundled there", async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', private: true }),
      '/ws/pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'packages/*'\n",
      '/ws/packages/contract/package.json': JSON.stringify({ name: '@acme/contract' }),
      '/ws/apps/api/package.json': JSON.stringify({ name: '@acme/api', type: 'module', scripts: { build: 'tsc', 'build:bundle': 'esbuild src/index.ts --bundle --outdir=dist --platform=node --packages=external', start: 'node dist/index.js' }, dependencies: { hono: '4', '@hono/node-server': '1' }, devDependencies: { esbuild: '0.25', typescript: '5' } }),
      '/ws/apps/api/tsconfig.json': '{"compilerOptions":{"outDir":"./dist"},"include":["src/**/*"]}',
      '/ws/apps/api/src/index.ts': '',
      '/ws/apps/api/Dockerfile': [
        'FROM node AS builder',
        'WORKDIR /app',
        'COPY package.json pnpm-workspace.yaml ./',
        'COPY packages/contract ./packages/contract',
        'COPY apps/api ./apps/api',
        'RUN pnpm install',
        'WORKDIR /app/apps/api',
        'RUN pnpm build:bundle',
        'FROM node',
        'WORKDIR /app',
        'COPY --from=builder /app/apps/api/dist ./apps/api/dist',
        'WORKDIR /app/apps/api',
        'CMD ["node", "dist/index.js"]',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/apps/api/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/apps/api/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
  });

  test('a build script running webpack for the browser and babel src --out-dir lib for the server: the image starting lib/server/index.js runs the per-file output, not a bundle', async () => {
    const fs = memFs({
      '/ws/package.json': pkg({ koa: '1', react: '16', webpack: '4', 'babel-cli': '6' }, { build: 'webpack --config ./webpack/prod.config.js && rm -rf ./lib && babel src --out-dir lib', production: 'NODE_ENV=production node lib/server/index.js' }),
      '/ws/src/server/index.js': '',
      '/ws/src/app/Main.jsx': '',
      '/ws/Dockerfile': ['FROM node:10', 'WORKDIR /var/app', 'COPY . /var/app', 'RUN yarn build', 'CMD [ "yarn", "run", "production" ]', ''].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/var/app/lib', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false, m?.evidence.join('\n'));
  });

  test('a RUN of a root script that copies the build output into a folder (cp -r dist LICENSE package.json build) places it there', async () => {
    const fs = memFs({
      '/ws/package.json': pkg({ express: '4', typescript: '5' }, { 'build:backend': 'tsc', 'local:package': 'rm -rf build && mkdir build && cp -r dist LICENSE package.json build', start: 'node ./dist/server.js' }),
      '/ws/tsconfig.json': '{"compilerOptions":{"rootDir":"./src","outDir":"./dist"}}',
      '/ws/src/server.ts': '',
      '/ws/Dockerfile': [
        'FROM node AS builder',
        'WORKDIR /unleash',
        'COPY . /unleash',
        'RUN pnpm install && pnpm build:backend && pnpm local:package',
        'FROM node',
        'WORKDIR /unleash',
        'COPY --from=builder /unleash/build /unleash/',
        'CMD ["node", "dist/server.js"]',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/unleash/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test('packages side by side, no workspace: the server package the Dockerfile copies, not the context root (FROM build-${TARGETARCH})', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', scripts: { dev: 'cd server && yarn dev' } }),
      '/ws/frontend/package.json': pkg({ react: '18', 'react-dom': '18', vite: '5' }, { build: 'vite build' }),
      '/ws/frontend/src/main.jsx': '',
      '/ws/server/package.json': JSON.stringify({ main: 'index.js', dependencies: { express: '4' }, scripts: { start: 'node index.js' } }),
      '/ws/server/index.js': '',
      '/ws/collector/package.json': pkg({ express: '4' }),
      '/ws/collector/index.js': '',
      '/ws/docker/Dockerfile': [
        'FROM ubuntu AS build-amd64',
        'WORKDIR /app',
        'FROM build-${TARGETARCH} AS build',
        'FROM node AS frontend-build',
        'WORKDIR /app/frontend',
        'COPY ./frontend/ ./',
        'RUN yarn build',
        'FROM build AS backend-build',
        'COPY ./server /app/server/',
        'WORKDIR /app/server',
        'RUN yarn install --production',
        'WORKDIR /app',
        'COPY ./collector/ ./collector/',
        'FROM backend-build',
        'COPY --from=frontend-build /app/frontend/dist /app/server/public',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/docker/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/server', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
    assert.ok(m?.evidence.includes('the Dockerfile copies server package server (package.json depends on express) from the context, line 9'), m?.evidence.join('\n'));
  });

  test('a server built by tsup (or ncc, esbuild --bundle, webpack) is a bundle, and the evidence names the script', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4', tsup: '8' }, { build: 'tsup' }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"dist"}}',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.some((e) => /bundled: tsup \(its "build" script\)/.test(e)), m?.evidence.join('\n'));
  });

  test('a server whose rollup writes the file the image starts is a bundle in rollup\'s output folder; a rollup building something else (an SDK) is not the server\'s build', async () => {
    const dockerfile = (start: string) => `FROM node:22 AS build\nWORKDIR /srv\nCOPY . .\nRUN npm run build\nFROM node:22\nWORKDIR /srv\nCOPY --from=build /srv/out /srv/out\nCOPY --from=build /srv/lib /srv/lib\nCMD ["npm", "run", "${start}"]\n`;
    const files = (start: string, config: string) => ({
      '/ws/backend/package.json': pkg({ hono: '4' }, { build: 'tsc && rollup -c rollup.sdk.mjs', serve: 'node out/server.js', 'serve:lib': 'node lib/main.js' }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"lib"}}',
      '/ws/backend/rollup.sdk.mjs': config,
      '/ws/backend/src/main.ts': '',
      '/ws/backend/Dockerfile': dockerfile(start),
    });
    const bundled = await inferMapping(memFs(files('serve', "export default [{ input: 'src/server.ts', output: { dir: 'out', format: 'es' } }];")), spec());
    assert.equal(bundled?.bundled, true, bundled?.evidence.join('\n'));
    assert.equal(bundled?.target, '/srv/out', bundled?.evidence.join('\n'));
    assert.ok(bundled?.evidence.some((e) => /bundled: rollup writing out \(rollup.sdk.mjs\), which the image starts as \/srv\/out\/server.js/.test(e)), bundled?.evidence.join('\n'));
    // Its output file named, not a folder: the same.
    const file = await inferMapping(memFs(files('serve', "export default { input: 'src/server.ts', output: { file: 'out/server.js' } };")), spec());
    assert.equal(file?.bundled, true, file?.evidence.join('\n'));
    // The image starts tsc's output: rollup's bundle (an SDK for browsers) is not what runs.
    const sdk = await inferMapping(memFs(files('serve:lib', "export default { input: 'src/sdk.ts', output: { dir: 'out' } };")), spec());
    assert.equal(sdk?.bundled, false, sdk?.evidence.join('\n'));
    assert.equal(sdk?.target, '/srv/lib', sdk?.evidence.join('\n'));
  });

  test('COPY sources written absolute (COPY /api/package.json /app, COPY /api /app) are context paths: the image builds that sub-folder\'s server, not the front end at the root', async () => {
    const fs = memFs({
      '/ws/web/package.json': pkg({ vue: '3', vite: '5' }, { build: 'vite build' }),
      '/ws/web/src/main.ts': '',
      '/ws/web/api/package.json': pkg({ express: '4', tsup: '8' }, { build: 'tsup', prod: 'node ./build/index.mjs' }),
      '/ws/web/api/tsconfig.json': '{"compilerOptions":{"outDir":"build","noEmit":true}}',
      '/ws/web/api/src/index.ts': '',
      '/ws/web/Dockerfile': [
        'FROM node AS frontend',
        'WORKDIR /app',
        'COPY ./package.json /app',
        'RUN npm install',
        'COPY . /app',
        'RUN npm run build',
        'FROM node AS backend',
        'WORKDIR /app',
        'COPY /api/package.json /app',
        'RUN npm install',
        'COPY /api /app',
        'RUN npm run build',
        'FROM node',
        'WORKDIR /app',
        'COPY /api/package.json /app',
        'RUN npm install --production',
        'COPY /api /app',
        'COPY --from=frontend /app/dist /app/public',
        'COPY --from=backend /app/build /app/build',
        'CMD ["npm", "run", "prod"]',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws/web', dockerfile: '/ws/web/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/web/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/build', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test('a build script file calling a bundler API (Bun.build) bundles the server: its literal outdir is the output, its entry the source root', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ hono: '4' }, { build: 'bun run scripts/build.ts' }),
      '/ws/backend/scripts/build.ts': "await Bun.build({ entrypoints: ['./server/index.ts'], outdir: 'out', target: 'bun' });\n",
      '/ws/backend/server/index.ts': '',
      '/ws/backend/src/web.tsx': '',
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"noEmit":true}}',
      '/ws/backend/Dockerfile': 'FROM oven/bun AS build\nWORKDIR /app\nCOPY . .\nRUN bun run build\nFROM oven/bun\nWORKDIR /srv\nCOPY --from=build /app/out ./out\nCMD ["bun","out/index.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/out');
    assert.equal(m?.buildOutDir, '/ws/backend/out');
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: Bun.build in scripts/build.ts (its "build" script runs it)'), m?.evidence.join('\n'));
    assert.ok(m?.evidence.includes("bundle output out (Bun.build's output folder in scripts/build.ts)"), m?.evidence.join('\n'));
  });

  test("esbuild's build API in a node build script: the folder of its outfile (joined to the script's own folder) is where the bundle lands", async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4' }, { build: 'node tools/bundle.mjs' }),
      '/ws/backend/tools/bundle.mjs': "import * as esbuild from 'esbuild';\nimport path from 'node:path';\nawait esbuild.build({ entryPoints: ['src/main.ts'], bundle: true, platform: 'node', outfile: path.join(import.meta.dirname, '../bundle/main.js') });\n",
      '/ws/backend/src/main.ts': '',
      '/ws/backend/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node\nWORKDIR /srv\nCOPY --from=build /app/bundle ./app\nCMD ["node","app/main.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/app');
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: esbuild in tools/bundle.mjs (its "build" script runs it)'), m?.evidence.join('\n'));
  });

  test("rolldown's build API in a node build script bundles the server: the folder of its output file is where the bundle lands", async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ fastify: '5' }, { build: 'node scripts/build.mjs', start: 'node dist/index.js' }),
      '/ws/backend/scripts/build.mjs': "import { build as bundle } from 'rolldown';\nawait bundle({ input: ['server/start.ts'], output: { file: 'out/index.js', format: 'esm' }, platform: 'node' });\n",
      '/ws/backend/server/start.ts': '',
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"noEmit":true}}',
      '/ws/backend/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node\nWORKDIR /srv\nCOPY --from=build /app/out ./dist\nCMD ["node","dist/index.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: rolldown in scripts/build.mjs (its "build" script runs it)'), m?.evidence.join('\n'));
  });

  test("a command the node image's entrypoint hands to node (CMD starting with an option) runs the output of src/main.ts with src kept: tsc's common root is above src (an import reaches outside it)", async () => {
    const files = (cmd: string) =>
      memFs({
        '/ws/backend/package.json': pkg({ '@nestjs/core': '10' }, { build: 'nest build' }),
        '/ws/backend/nest-cli.json': '{"sourceRoot":"src"}',
        '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./dist"},"include":["src/**/*.ts"]}',
        '/ws/backend/src/main.ts': "import { person } from '../generated/person';\n",
        '/ws/backend/generated/person.ts': '',
        '/ws/backend/Dockerfile': `FROM node:20-slim AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node:20-slim\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCMD ${cmd}\n`,
      });
    for (const cmd of ['["--max-old-space-size=500", "/app/dist/src/main"]', '["--enable-source-maps", "dist/src/main.js"]']) {
      const m = await inferMapping(files(cmd), spec());
      assert.equal(m?.target, '/app/dist/src', `${cmd}\n${m?.evidence.join('\n')}`);
    }
  });

  test("distroless's entrypoint is node: its CMD names the started output (with or without an option first), so a build copying only src/ compiles it with src as tsc's root even though a config file beside src widens the root locally", async () => {
    const files = (cmd: string) =>
      memFs({
        '/ws/backend/package.json': pkg({ '@nestjs/core': '10' }, { build: 'nest build', 'start:prod': 'node dist/src/main' }),
        '/ws/backend/nest-cli.json': '{"sourceRoot":"src"}',
        '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./dist"}}',
        '/ws/backend/src/main.ts': '',
        '/ws/backend/orm.config.ts': '',
        '/ws/backend/Dockerfile': `FROM node:22-slim AS build\nWORKDIR /app\nCOPY *.json ./\nCOPY ./src /app/src\nRUN npm run build\nFROM gcr.io/distroless/nodejs22-debian12:nonroot\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCMD ${cmd}\n`,
      });
    for (const cmd of ['["--max-old-space-size=120", "/app/dist/main"]', '["dist/main.js"]']) {
      const m = await inferMapping(files(cmd), spec());
      assert.equal(m?.target, '/app/dist', `${cmd}\n${m?.evidence.join('\n')}`);
    }
  });

  test("a bundle entry joined to a folder the script computes (path.resolve(paths.root, 'server/start.ts')) is taken from the folder the script runs in when that file is there", async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ fastify: '5' }, { build: 'node scripts/build.mjs', start: 'node dist/index.js' }),
      '/ws/backend/scripts/build.mjs':
        "import path from 'node:path';\nimport { build } from 'rolldown';\nimport { paths } from './paths.mjs';\nawait build({ input: [path.resolve(paths.root, 'server/start.ts'), path.resolve(paths.root, 'gone/x.ts')], output: { file: path.resolve(paths.root, 'dist/index.js') } });\n",
      '/ws/backend/scripts/paths.mjs': "export const paths = { root: process.cwd() };\n",
      '/ws/backend/server/start.ts': '',
      '/ws/backend/client/main.tsx': '',
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"noEmit":true}}',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm run build\nCMD ["npm", "start"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test('the tsconfig a build script names (tsc --project server/tsconfig.json) sets the source root', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4', next: '14' }, { 'build:server': 'tsc --project server/tsconfig.json' }),
      '/ws/backend/server/tsconfig.json': '{"compilerOptions":{"outDir":"../dist"},"include":["**/*.ts"]}',
      '/ws/backend/src/pages/index.tsx': '',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist');
  });

  test('plain JavaScript without src/: the folder of package.json main (else the start script entry) is the source root', async () => {
    const dockerfile = 'FROM node\nWORKDIR /srv\nCOPY . .\nCMD ["npm","start"]\n';
    const withMain = memFs({
      '/ws/backend/package.json': JSON.stringify({ main: './server/app.js', dependencies: { express: '4' } }),
      '/ws/backend/server/app.js': '',
      '/ws/backend/static/page.js': '',
      '/ws/backend/Dockerfile': dockerfile,
    });
    const m = await inferMapping(withMain, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/server');
    assert.ok(m?.evidence.some((e) => /package.json main \.\/server\/app\.js is below it/.test(e)), m?.evidence.join('\n'));
    const withStart = memFs({
      '/ws/backend/package.json': pkg({ express: '4' }, { start: 'node --enable-source-maps api/index.js --production' }),
      '/ws/backend/api/index.js': '',
      '/ws/backend/Dockerfile': dockerfile,
    });
    assert.equal((await inferMapping(withStart, spec()))?.sourceRoot, '/ws/backend/api');
    // An entry at the top, or one that is not in the source (build output), says nothing.
    const atTop = memFs({ '/ws/backend/package.json': JSON.stringify({ main: 'index.js', dependencies: { express: '4' } }), '/ws/backend/index.js': '', '/ws/backend/Dockerfile': dockerfile });
    assert.equal((await inferMapping(atTop, spec()))?.sourceRoot, '/ws/backend');
    const built = memFs({ '/ws/backend/package.json': JSON.stringify({ main: 'dist/index.js', dependencies: { express: '4' } }), '/ws/backend/lib/index.js': '', '/ws/backend/Dockerfile': dockerfile });
    assert.equal((await inferMapping(built, spec()))?.sourceRoot, '/ws/backend');
    // A local TypeScript build in the tsconfig's outDir is output, not the source.
    const tsBuilt = memFs({
      '/ws/backend/package.json': JSON.stringify({ main: 'lib/index.js', dependencies: { express: '4' } }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./lib"}}',
      '/ws/backend/lib/index.js': '',
      '/ws/backend/src/index.ts': '',
      '/ws/backend/Dockerfile': dockerfile,
    });
    assert.equal((await inferMapping(tsBuilt, spec()))?.sourceRoot, '/ws/backend/src');
  });

  test('a start file at the package root loading code from several folders (./src and ./adapter) makes the whole package the source; one loading only ./src leaves src', async () => {
    const dockerfile = 'FROM node\nWORKDIR /usr/src/app\nCOPY . .\nCMD yarn start\n';
    const files = {
      '/ws/backend/package.json': JSON.stringify({ main: 'core.js', dependencies: { koa: '2' }, scripts: { start: 'node core' } }),
      '/ws/backend/core.js': "const preStart = require('./src/prestart')\nconst { processes } = require('./adapter/processes')\n",
      '/ws/backend/src/prestart.js': '',
      '/ws/backend/adapter/routes.js': '',
      '/ws/backend/Dockerfile': dockerfile,
    };
    const m = await inferMapping(memFs(files), spec());
    assert.equal(m?.sourceRoot, '/ws/backend', m?.evidence.join('\n'));
    assert.equal(m?.target, '/usr/src/app');
    assert.ok(m?.evidence.some((e) => /core\.js at the package root loads code from several of its folders/.test(e)), m?.evidence.join('\n'));
    const launcher = { ...files, '/ws/backend/core.js': "import run from './src/migrations.js';\nrun().then(() => import('./src/app.js'));\n" };
    assert.equal((await inferMapping(memFs(launcher), spec()))?.sourceRoot, '/ws/backend/src');
  });

  test('a start file at the package root loading no module of its folders by name (its handlers found at run time) is the server: the package, not the front end src/ beside it, is the source', async () => {
    const files = {
      '/ws/backend/package.json': JSON.stringify({ type: 'module', dependencies: { express: '4', astro: '4' }, scripts: { start: 'node server', build: 'astro build' } }),
      '/ws/backend/server.js': "import fs from 'fs';\nimport express from 'express';\nconst app = express();\nfor (const f of fs.readdirSync(dir)) app.get('/api/' + f, (await import(path.join(dir, f))).default);\n",
      '/ws/backend/api/dns.js': 'export default () => {};\n',
      '/ws/backend/src/pages/index.astro': '',
      '/ws/backend/src/client.ts': '',
      // the front end's tsconfig, type-checking src only
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"noEmit":true,"jsx":"react-jsx"},"include":["src"]}',
      '/ws/backend/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN yarn build\nFROM node\nWORKDIR /app\nCOPY --from=build /app .\nCMD yarn start\n',
    };
    const m = await inferMapping(memFs(files), spec());
    assert.equal(m?.sourceRoot, '/ws/backend', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app');
    assert.equal(m && mapSourceFile(m, '/ws/backend/api/dns.js'), '/app/api/dns.js');
    assert.ok(m?.evidence.some((e) => /server\.js at the package root loads no module of its folders by name/.test(e)), m?.evidence.join('\n'));
  });

  test("a start file at the package root loading no module by name beside a tsc build with an outDir (a framework's launcher of the build, Midway's bootstrap.js) is not the source: tsc's input root is", async () => {
    const files = {
      '/ws/backend/package.json': JSON.stringify({ main: './launch.js', dependencies: { '@midwayjs/core': '3', '@midwayjs/koa': '3' }, scripts: { build: 'tsc', start: 'node ./launch.js' } }),
      '/ws/backend/launch.js': "const { Bootstrap } = require('@midwayjs/bootstrap');\nBootstrap.run();\n",
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"out"},"exclude":["spec"]}',
      '/ws/backend/src/configuration.ts': '',
      '/ws/backend/src/modules/shop/controller/cart.ts': '',
      '/ws/backend/spec/cart.test.ts': '',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /srv/shop\nCOPY ./src ./src\nCOPY package.json tsconfig.json launch.js ./\nRUN npm install && npm run build\nCMD ["npm", "start"]\n',
    };
    const m = await inferMapping(memFs(files), spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/shop/out');
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/modules/shop/controller/cart.ts'), '/srv/shop/out/modules/shop/controller/cart.js');
    // A tsconfig that only type-checks (noEmit) leaves the launcher the server, as above.
    const checked = { ...files, '/ws/backend/tsconfig.json': '{"compilerOptions":{"noEmit":true,"outDir":"out"}}' };
    assert.equal((await inferMapping(memFs(checked), spec()))?.sourceRoot, '/ws/backend');
  });

  test('a server beside its front end in one package: the start script entry (through npm run) wins over the front end src/', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4', vue: '3', vite: '5' }, { start: 'npm run start-server', 'start-server': 'node server/server.js', build: 'vite build' }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"strict":true},"files":[]}',
      '/ws/backend/server/server.js': '',
      '/ws/backend/src/main.js': '',
      '/ws/backend/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node\nWORKDIR /app\nCOPY --from=build /app /app\nCMD ["node", "server/server.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/server');
  });

  test('`node server` runs the folder server/ from source: it is the source root, and a webpack build beside it (the front end) does not bundle it', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4', vue: '2' }, { start: 'node server', build: 'webpack --profile --config dev/webpack/webpack.prod.js' }),
      '/ws/backend/server/index.js': '',
      '/ws/backend/client/client-app.js': '',
      '/ws/backend/Dockerfile': 'FROM node AS assets\nWORKDIR /srv\nCOPY ./client ./client\nRUN yarn build\nFROM node\nWORKDIR /srv\nCOPY --from=assets /srv/assets ./assets\nCOPY ./server ./server\nCMD ["node", "server"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/server');
    assert.equal(m?.bundled, false, m?.evidence.join('\n'));
    // the same package when the image holds no copy of server/ (only a build's output): the bundler stands
    const bundledOnly = memFs({
      '/ws/backend/package.json': pkg({ express: '4' }, { start: 'node server', build: 'webpack' }),
      '/ws/backend/server/index.js': '',
      '/ws/backend/Dockerfile': 'FROM node AS b\nWORKDIR /srv\nCOPY . .\nRUN npm run build\nFROM node\nWORKDIR /srv\nCOPY --from=b /srv/dist ./dist\nCMD ["node", "dist/main.js"]\n',
    });
    assert.equal((await inferMapping(bundledOnly, spec()))?.bundled, true);
  });

  test('a hapi server started from a root index.js that requires server/, beside a webpack build of browser assets: the image runs the source, not a bundle', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ '@hapi/hapi': '21', webpack: '5' }, { build: 'webpack', start: 'node index.js' }),
      '/ws/backend/webpack.config.js': "module.exports = { entry: { app: './server/src/js/app.js' }, output: { path: require('path').resolve(__dirname, 'server/dist/js') }, target: 'web' };\n",
      '/ws/backend/index.js': "require('./server')().then((s) => s.start());\n",
      '/ws/backend/server/index.js': '',
      '/ws/backend/server/src/js/app.js': '',
      '/ws/backend/Dockerfile': 'FROM node:22 AS base\nWORKDIR /home/node/app\nCOPY ./server ./server\nCOPY ./index.js .\nCOPY package*.json .\nFROM base AS production\nRUN npm ci --omit=dev && npm run build\nCMD ["node", "index.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.bundled, false, m?.evidence.join('\n'));
    assert.equal(m?.sourceRoot, '/ws/backend', m?.evidence.join('\n'));
    assert.equal(m?.target, '/home/node/app');
  });

  test("two webpack builds, the browser's (build) and the server's (build:server, target 'node'): the server's bundle comes from the entry of the config targeting Node", async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4', webpack: '5' }, { build: 'webpack --config webpack.browser.js', 'build:server': 'webpack --config webpack.node.js', start: 'node main.js' }),
      '/ws/backend/webpack.browser.js': "module.exports = { entry: { app: ['./ui/index.js'] }, output: { path: __dirname + '/dist/ui/' } };\n",
      '/ws/backend/webpack.node.js': "const path = require('path');\nmodule.exports = { entry: path.resolve(__dirname, 'api/app.js'), output: { path: __dirname + '/dist/', filename: 'api.bundle.js' }, target: 'node' };\n",
      '/ws/backend/main.js': "if (process.env.NODE_ENV === 'production') require('./dist/api.bundle.js');\nelse require('./api/app');\n",
      '/ws/backend/api/app.js': "require('express')().listen(8000);\n",
      '/ws/backend/ui/index.js': '',
      '/ws/backend/Dockerfile': 'FROM node AS build\nWORKDIR /srv\nCOPY . .\nRUN npm run build && npm run build:server\nFROM node\nWORKDIR /srv\nCOPY main.js ./\nCOPY --from=build /srv/dist ./dist\nCMD ["node", "main.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/api', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/dist');
    assert.equal(m?.bundled, true);
  });

  test('a Next.js app its start script serves (next start) that also builds a widget library with vite into public/js: the bundle is .next, the widget an asset', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ next: '14', react: '18', vite: '5' }, { build: 'next build && npm run build:widget', 'build:widget': 'vite build --config scripts/vite.widget.config.js', start: 'next start -p 3000' }),
      '/ws/backend/scripts/vite.widget.config.js': "import path from 'path';\nexport default { build: { lib: { entry: path.resolve(__dirname, '..', 'widget', 'index.js') }, outDir: path.resolve(__dirname, '..', 'public', 'js') } };\n",
      '/ws/backend/widget/index.js': '',
      '/ws/backend/pages/index.tsx': 'export default function Home() { return null; }\n',
      '/ws/backend/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node\nWORKDIR /app\nCOPY --from=build /app/public ./public\nCOPY --from=build /app/.next ./.next\nCOPY --from=build /app/package.json ./\nCMD ["npm", "start"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/app/.next', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test('a root server that makes and starts its own express app and also loads a framework\'s built handler from dist/ at run time is the server itself: the package is its source, not src/', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4' }, { build: 'site build', start: 'node server' }),
      '/ws/backend/server.js': "import express from 'express';\nconst app = express();\napp.get('/api', (req, res) => res.json({}));\nconst handler = './dist/server/entry.mjs';\napp.use(async (req, res, next) => (await import(handler)).handler(req, res, next));\napp.listen(3000);\n",
      '/ws/backend/src/pages/index.astro': '',
      '/ws/backend/api/ping.js': 'export default () => 1;\n',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm run build\nCMD ["npm", "start"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app');
  });

  test("a package script running a shell script of the context (\"package\": \"./pack.sh\") that builds, clears package/ and renames dist to it: the image's copy of package/ holds the build output", async () => {
    const files = {
      '/ws/backend/package.json': pkg({ express: '4' }, { build: 'tsc -p tsconfig.json', package: './pack.sh' }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"dist"},"include":["src/**/*.ts"]}',
      '/ws/backend/src/index.ts': '',
      '/ws/backend/pack.sh': '#!/bin/sh\nset -e\n# build, then keep the output as package/\nrm -rf dist\nnpm run build\nrm -rf package\nmv dist package\ncp -R node_modules package\n',
      '/ws/backend/Dockerfile': 'FROM node:22 AS builder\nWORKDIR /build\nCOPY . .\nRUN npm ci && npm run package\nFROM node:22\nWORKDIR /backend\nCOPY --from=builder /build/package ./package/\nCMD ["node", "/backend/package/index.js"]\n',
    };
    const m = await inferMapping(memFs(files), spec());
    assert.equal(m?.target, '/backend/package', m?.evidence.join('\n'));
    assert.equal(m?.sourceRoot, '/ws/backend/src');
    // without the rm, package/ may be there already and dist would land inside it: no rename is assumed
    const kept = { ...files, '/ws/backend/pack.sh': 'npm run build\nmv dist package\n' };
    assert.notEqual((await inferMapping(memFs(kept), spec()))?.target, '/backend/package');
  });

  test('a start chaining a one-off setup script before the server (`node tools/prepare.js && npm run serve`): the image runs the server, the last script of the chain', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4', vite: '5' }, { build: 'vite build', boot: 'node tools/prepare.js && npm run serve', serve: 'node api/main.js' }),
      '/ws/backend/tools/prepare.js': '',
      '/ws/backend/api/main.js': '',
      '/ws/backend/Dockerfile': 'FROM node:22 AS build\nWORKDIR /srv\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22\nWORKDIR /srv\nCOPY --from=build /srv/dist ./dist\nCOPY --from=build /srv/tools ./tools\nCOPY --from=build /srv/api ./api\nCMD ["npm", "run", "boot"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/api', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/api');
    assert.equal(m?.bundled, false);
  });

  test('`node app` (a folder Node resolves to app/index.js) copied from a build stage that ran webpack for the browser: the image runs the source folder, not a bundle', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ main: 'app/index.js', dependencies: { '@hapi/hapi': '21' }, devDependencies: { webpack: '5' }, scripts: { build: 'webpack', start: 'node app' } }),
      '/ws/backend/webpack.config.js': "module.exports = { entry: './app/frontend/index.js', output: { path: require('path').resolve(__dirname, 'app/dist') } };\n",
      '/ws/backend/app/index.js': "require('./server')();\n",
      '/ws/backend/app/server.js': '',
      '/ws/backend/app/frontend/index.js': '',
      '/ws/backend/Dockerfile': 'FROM node:22 AS development\nWORKDIR /home/node\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM node:22 AS production\nWORKDIR /home/node\nCOPY --from=development /home/node/app/ ./app/\nCMD [ "node", "app" ]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.bundled, false, m?.evidence.join('\n'));
    assert.equal(m?.sourceRoot, '/ws/backend/app');
    assert.equal(m?.target, '/home/node/app');
  });

  test('COPY . . with no local build output and no build step: the image runs the sources (ts-node)', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ koa: '2' }, { start: 'ts-node src/server.ts' }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"build"}}',
      '/ws/backend/src/server.ts': '',
      // A start the image's command does not show (a shell script running a command from the environment): the missing output says it.
      '/ws/backend/start.sh': 'exec $START_COMMAND',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nCMD ["sh","start.sh"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/usr/src/app/src', m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => /no build in the context and no build step in the Dockerfile/.test(e)), m?.evidence.join('\n'));
  });

  test('only the source copied, and a RUN that builds nothing: the image runs the sources, not a guessed output', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4' }, { start: 'tsx src/server.ts' }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"dist"}}',
      '/ws/backend/src/server.ts': '',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY package.json ./\nCOPY src ./src\nRUN npm install\nCMD ["npm","start"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/app/src', m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/server.ts'), '/app/src/server.ts');
  });

  test('a Nest server whose tsconfig says noEmit (swc builder) is compiled file by file, not bundled', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ '@nestjs/core': '10', vite: '5' }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"noEmit":true,"outDir":"dist"}}',
      '/ws/backend/src/main.ts': '',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.bundled, false);
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/main.ts'), '/app/dist/main.js');
  });

  test("Nest CLI's swc builder compiles its sourceRoot into outDir without the leading folder, whatever the tsconfig includes (no rootDir)", async () => {
    const files = {
      '/ws/backend/package.json': pkg({ '@nestjs/core': '11' }),
      '/ws/backend/nest-cli.json': '{"sourceRoot":"src","compilerOptions":{"builder":{"type":"swc","options":{"outDir":"dist"}}}}',
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./dist"},"include":["src/**/*","test/**/*","scripts/**/*"]}',
      '/ws/backend/src/main.ts': '',
      '/ws/backend/test/app.e2e-spec.ts': '',
      '/ws/backend/scripts/seed.ts': '',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    };
    const m = await inferMapping(memFs(files), spec());
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/main.ts'), '/app/dist/main.js');
    assert.ok(m?.evidence.some((e) => e.includes('swc')), m?.evidence.join('\n'));
    // With a rootDir, nest-cli (10.3+) keeps the leading folder: dist/src/main.js.
    const withRootDir = await inferMapping(memFs({ ...files, '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./dist","rootDir":"."}}' }), spec());
    assert.equal(withRootDir && mapSourceFile(withRootDir, '/ws/backend/src/main.ts'), '/app/dist/src/main.js');
  });

  test('tsc: an include pattern that starts with a wildcard takes the folders that hold sources, not the tsconfig folder; a rootDir outside compilerOptions is ignored', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ koa: '2', typescript: '5' }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"dist"},"rootDir":".","include":["**/*.ts","**/*.tsx"],"exclude":["**/node_modules"]}',
      '/ws/backend/src/app.ts': '',
      '/ws/backend/src/routes/api/items.ts': '',
      '/ws/backend/public/css/main.css': '',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/app.ts'), '/app/dist/app.js');
  });
});

suite('.dockerignore: what never reaches the image is not expected there', () => {
  const files = async (ws: Record<string, string>) => {
    const fs = memFs(ws);
    const m = await inferMapping(fs, spec());
    return { m, fs };
  };

  test('sources the image builds from: ignored sources (tests, docs) are left out; a negation takes one back', async () => {
    const { m } = await files({
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/backend/Dockerfile': MULTI_STAGE,
      '/ws/backend/.dockerignore': '# local only\nnode_modules\ndist\n**/*.spec.ts\nsrc/scratch\n!src/scratch/keep.ts\n',
    });
    assert.deepEqual(m?.dockerignore?.applies, 'source');
    const ignored = compileDockerignore(m?.dockerignore?.patterns ?? []);
    assert.deepEqual(
      ['src/a.ts', 'src/a.spec.ts', 'src/x/b.spec.ts', 'src/scratch/tmp.ts', 'src/scratch/keep.ts', 'dist/a.js'].map((p) => [p, ignored(p)]),
      [
        ['src/a.ts', false],
        ['src/a.spec.ts', true],
        ['src/x/b.spec.ts', true],
        ['src/scratch/tmp.ts', true],
        ['src/scratch/keep.ts', false],
        ['dist/a.js', true],
      ],
    );
  });

  test('a COPY of the local build output: the output path decides; COPY . . then a build: the source does', async () => {
    const copied = await files({
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/backend/Dockerfile': 'FROM n\nWORKDIR /app\nCOPY dist ./dist\n',
      '/ws/backend/.dockerignore': 'dist/**/*.map\n',
    });
    assert.equal(copied.m?.dockerignore?.applies, 'output');
    const built = await files({
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/backend/Dockerfile': 'FROM n\nWORKDIR /app\nCOPY . .\nRUN npm run build\n',
      '/ws/backend/.dockerignore': 'dist\nnode_modules\n',
    });
    assert.equal(built.m?.dockerignore?.applies, 'source');
  });

  test("a Dockerfile's own ignore file (<Dockerfile>.dockerignore beside it) is read instead of the context's .dockerignore", async () => {
    const build = { context: '/ws', dockerfile: '/ws/apps/api/Dockerfile' };
    const fs = memFs({
      '/ws/apps/api/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/apps/api/package.json': '{"name":"api","dependencies":{"express":"4"},"scripts":{"build":"tsc"}}',
      '/ws/apps/api/Dockerfile': 'FROM n\nWORKDIR /app\nCOPY apps/api .\nRUN npm run build\nCMD ["node","dist/main.js"]\n',
      '/ws/apps/api/Dockerfile.dockerignore': '**/*.test.ts\n',
      '/ws/.dockerignore': 'node_modules\n',
    });
    const m = await inferMapping(fs, spec({}, build));
    assert.deepEqual(m?.dockerignore?.patterns, ['**/*.test.ts'], m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => e.includes('Dockerfile.dockerignore')), m?.evidence.join('\n'));
  });
});

suite('mapping infer in monorepos (Nx, workspaces, tsc without rootDir)', () => {
  const at = (dir: string, dockerfile = 'Dockerfile') => ({ context: dir, dockerfile: `${dir}/${dockerfile}` });

  const NX_ESBUILD = (options: Record<string, unknown>) => ({
    '/ws/nx.json': '{}',
    '/ws/package.json': JSON.stringify({ scripts: { build: 'nx build' }, dependencies: { express: '4' }, devDependencies: { '@nx/esbuild': '17' } }),
    '/ws/project.json': JSON.stringify({
      name: 'api',
      sourceRoot: 'src',
      targets: { build: { executor: '@nx/esbuild:esbuild', options: { outputPath: 'dist/api', main: 'src/main.ts', tsConfig: 'tsconfig.app.json', ...options } } },
    }),
    '/ws/tsconfig.json': '{"compilerOptions":{"rootDir":"."}}',
    '/ws/tsconfig.app.json': '{"extends":"./tsconfig.json","compilerOptions":{"outDir":"./dist/out-tsc"},"include":["src/**/*.ts"]}',
    '/ws/src/main.ts': '',
    '/ws/src/app/routes.ts': '',
    '/ws/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY dist/api api\nRUN npm --prefix api install\nCMD ["node","api"]\n',
  });

  test('Nx esbuild, bundle false, Node CommonJS: each file keeps its workspace path below outputPath', async () => {
    const m = await inferMapping(memFs(NX_ESBUILD({ bundle: false, platform: 'node', format: ['cjs'], esbuildOptions: { outExtension: { '.js': '.js' } } })), spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/api/src');
    assert.equal(m?.buildOutDir, '/ws/dist/api/src');
    assert.equal(m?.bundled, false);
    assert.equal(m && mapSourceFile(m, '/ws/src/app/routes.ts'), '/app/api/src/app/routes.js');
    assert.ok(m?.evidence.some((e) => /project\.json build target \(@nx\/esbuild:esbuild, outputPath dist\/api\); bundle: false/.test(e)), m?.evidence.join('\n'));
  });

  test('Nx esbuild CommonJS without an outExtension writes .cjs; ESM keeps paths below the source root', async () => {
    const cjs = await inferMapping(memFs(NX_ESBUILD({ bundle: false, format: ['cjs'] })), spec({}, at('/ws')));
    assert.equal(cjs && mapSourceFile(cjs, '/ws/src/main.ts'), '/app/api/src/main.cjs');
    const esm = await inferMapping(memFs(NX_ESBUILD({ bundle: false })), spec({}, at('/ws')));
    assert.equal(esm && mapSourceFile(esm, '/ws/src/app/routes.ts'), '/app/api/app/routes.js', esm?.evidence.join('\n'));
  });

  test('Nx esbuild bundles by default: the mapping is a bundle landing where outputPath is copied', async () => {
    const m = await inferMapping(memFs(NX_ESBUILD({})), spec({}, at('/ws')));
    assert.equal(m?.bundled, true);
    assert.equal(m?.target, '/app/api');
    assert.ok(m?.evidence.some((e) => /^bundled: project\.json build target/.test(e)), m?.evidence.join('\n'));
  });

  test("Nx projects beside a pnpm workspace listing other packages: the project whose build output the image starts through a root script, not another project the build names", async () => {
    const esbuild = (name: string) => JSON.stringify({ sourceRoot: `apps/${name}/src`, targets: { build: { executor: '@nx/esbuild:esbuild', options: { outputPath: `dist/apps/${name}`, main: `apps/${name}/src/main.ts`, bundle: true } } } });
    const fs = memFs({
      '/ws/nx.json': '{}',
      '/ws/pnpm-workspace.yaml': 'packages:\n  - tools/docs\n',
      '/ws/tools/docs/package.json': JSON.stringify({ name: 'docs', dependencies: { vitepress: '1' } }),
      '/ws/package.json': JSON.stringify({
        scripts: { 'build:all': 'nx run-many --target=build --projects=api,web && nx run site:build', 'start:prod': 'cross-env NODE_ENV=production node --enable-source-maps dist/apps/api/main.js' },
        dependencies: { express: '5' },
      }),
      '/ws/apps/api/project.json': esbuild('api'),
      '/ws/apps/api/src/main.ts': '',
      '/ws/apps/site/project.json': esbuild('site'),
      '/ws/apps/site/src/main.ts': '',
      '/ws/Dockerfile': 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN pnpm build:all\nFROM node:22\nCOPY --from=build /app /app\nWORKDIR /app\nCMD ["pnpm","start:prod"]\n',
    });
    const m = await inferMapping(fs, spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist/apps/api');
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.some((e) => e.startsWith('the image starts the Nx build output of workspace package apps/api')), m?.evidence.join('\n'));
  });

  test("an Nx project whose image runs a source file of a folder it copies on its own (an Astro site's Express wrapper server/index.mjs copied beside the site's build output): that folder, not the project's sourceRoot", async () => {
    const fs = memFs({
      '/ws/nx.json': '{}',
      '/ws/package.json': JSON.stringify({ dependencies: { express: '5', astro: '5' } }),
      '/ws/apps/docs/project.json': JSON.stringify({ name: 'docs', sourceRoot: 'apps/docs', targets: { build: { executor: 'nx:run-commands', options: { command: 'astro build', cwd: 'apps/docs' } } } }),
      '/ws/apps/docs/astro.config.mjs': "export default { output: 'server', outDir: '../../dist/apps/docs' };\n",
      '/ws/apps/docs/src/pages/index.astro': '',
      '/ws/apps/docs/server/index.mjs': "import express from 'express';\nimport { handler } from '../server/entry.mjs';\nconst app = express();\napp.use(handler);\napp.listen(3000);\n",
      '/ws/apps/docs/Dockerfile': [
        'FROM node:22-alpine AS build',
        'WORKDIR /repo',
        'COPY package.json nx.json ./',
        'COPY apps/docs/ apps/docs/',
        'RUN yarn nx build docs',
        'FROM node:22-alpine AS docs',
        'WORKDIR /repo',
        'COPY --from=build /repo/dist/apps/docs dist/apps/docs',
        'COPY --from=build /repo/apps/docs/server dist/apps/docs/server',
        'WORKDIR /repo/dist/apps/docs',
        'ENTRYPOINT ["sh", "-c", "node server/index.mjs"]',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/apps/docs/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/docs/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/repo/dist/apps/docs/server', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test('Nx @nx/js:tsc in apps/api: paths kept relative to the project root, Dockerfile beside project.json', async () => {
    const fs = memFs({
      '/ws/nx.json': '{}',
      '/ws/apps/api/project.json': JSON.stringify({
        sourceRoot: 'apps/api/src',
        targets: { build: { executor: '@nx/js:tsc', options: { outputPath: 'dist/apps/api', tsConfig: 'apps/api/tsconfig.app.json' } } },
      }),
      '/ws/apps/api/src/main.ts': '',
      '/ws/apps/api/Dockerfile': 'FROM node\nWORKDIR /srv\nCOPY dist/apps/api .\nCMD ["node","src/main.js"]\n',
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/apps/api/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/apps/api/src/main.ts'), '/srv/src/main.js');
    assert.ok(m?.evidence.includes('Nx project apps/api/project.json (beside the Dockerfile) builds the image\'s output'), m?.evidence.join('\n'));
  });

  // Nx "inferred targets": no executor in project.json; nx.json's plugin builds the project
  // from its webpack.config.js. A root Dockerfile builds it, then copies the output elsewhere.
  const NX_INFERRED_WEBPACK = (nxJson: unknown, outputs: string[] | undefined) => ({
    '/ws/nx.json': JSON.stringify(nxJson),
    '/ws/package.json': JSON.stringify({ scripts: { 'build:prod': 'nx run api:build:production' }, dependencies: { '@nestjs/core': '10' } }),
    '/ws/apps/api/project.json': JSON.stringify({ name: 'api', sourceRoot: 'apps/api/src', targets: { build: { configurations: { production: {} }, ...(outputs ? { outputs } : {}) } } }),
    '/ws/apps/api/webpack.config.js': "module.exports = { plugins: [new NxAppWebpackPlugin({ outputPath: 'dist/apps/api-from-config', main: './src/main.ts' })] };\n",
    '/ws/apps/api/tsconfig.json': '{"compilerOptions":{}}',
    '/ws/apps/api/src/main.ts': '',
    '/ws/Dockerfile': [
      'FROM node AS builder',
      'WORKDIR /srv',
      'COPY ./package.json package.json',
      'RUN npm install',
      'COPY ./apps apps/',
      'RUN npm run build:prod',
      'WORKDIR /srv/dist/apps/api',
      'COPY ./package.json /srv/dist/apps/api/',
      'RUN npm install',
      'FROM node',
      'COPY --from=builder /srv/dist/apps /opt/apps/',
      'WORKDIR /opt/apps/api',
      'CMD ["node","main.js"]',
      '',
    ].join('\n'),
  });

  test('Nx build target inferred by @nx/webpack/plugin: bundled, output from project.json outputs, built where the context was', async () => {
    const m = await inferMapping(memFs(NX_INFERRED_WEBPACK({ plugins: [{ plugin: '@nx/webpack/plugin', options: { buildTargetName: 'build' } }] }, ['{workspaceRoot}/dist/apps/api'])), spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
    // The manifest copied into the output folder after the build does not move the output there.
    assert.equal(m?.target, '/opt/apps/api', m?.evidence.join('\n'));
    assert.ok(m?.evidence.includes('bundled: build target inferred by @nx/webpack/plugin (nx.json plugins) from apps/api/webpack.config.js'), m?.evidence.join('\n'));
  });

  test("Nx inferred webpack build without outputs: the config's literal outputPath; no plugin in nx.json, no inferred build", async () => {
    const m = await inferMapping(memFs(NX_INFERRED_WEBPACK({ plugins: ['@nx/webpack/plugin'] }, undefined)), spec({}, at('/ws')));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
    assert.equal(m?.target, '/opt/apps/api-from-config', m?.evidence.join('\n'));
    const none = await inferMapping(memFs(NX_INFERRED_WEBPACK({ plugins: [] }, ['{workspaceRoot}/dist/apps/api'])), spec({}, at('/ws')));
    assert.notEqual(none?.bundled, true, none?.evidence.join('\n'));
  });

  test('Nx workspace built whole at the root (nx run-many), projects without a name in project.json: the one whose outputPath holds the file the image starts', async () => {
    const project = (root: string, executor: string) =>
      JSON.stringify({ sourceRoot: `${root}/src`, projectType: 'application', targets: { build: { executor, options: { outputPath: `dist/${root}`, main: `${root}/src/main.ts` } } } });
    const fs = memFs({
      '/ws/nx.json': '{}',
      '/ws/package.json': JSON.stringify({ dependencies: { express: '4', react: '18' } }),
      '/ws/apps/dashboard/project.json': project('apps/dashboard', '@nrwl/web:webpack'),
      '/ws/apps/dashboard/src/main.tsx': '',
      '/ws/apps/server/project.json': project('apps/server', '@nrwl/node:webpack'),
      '/ws/apps/server/src/main.ts': '',
      '/ws/Dockerfile': 'FROM node:16\nWORKDIR /code\nCOPY package.json .\nRUN npm i\nCOPY . .\nRUN npx nx run-many --target=build\nCMD node ./dist/apps/server/main.js\n',
    });
    const m = await inferMapping(fs, spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/apps/server/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/code/dist/apps/server', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
  });

  test('Nx workspace built whole, one output copied out: a start running a migration CLI with a data-source file, then `node dist/main` without its extension, starts that output', async () => {
    const fs = memFs({
      '/ws/nx.json': JSON.stringify({ plugins: [{ plugin: '@nx/webpack/plugin', options: { buildTargetName: 'build' } }] }),
      '/ws/package.json': JSON.stringify({ name: '@acme/source', dependencies: { '@nestjs/core': '11', react: '18', 'react-dom': '18' } }),
      '/ws/apps/server/project.json': JSON.stringify({ name: 'server', sourceRoot: 'apps/server/src', projectType: 'application', targets: { serve: { executor: '@nx/js:node' } } }),
      '/ws/apps/server/webpack.config.js': "const { join } = require('path');\nmodule.exports = { output: { path: join(__dirname, '../../dist/apps/server') }, plugins: [new NxAppWebpackPlugin({ target: 'node', main: './src/main.ts' })] };\n",
      '/ws/apps/server/tsconfig.json': '{"compilerOptions":{}}',
      '/ws/apps/server/src/main.ts': '',
      '/ws/apps/site/project.json': JSON.stringify({ name: 'site', sourceRoot: 'apps/site/src', projectType: 'application' }),
      '/ws/apps/site/src/main.tsx': '',
      '/ws/libs/store/project.json': JSON.stringify({ name: 'store', sourceRoot: 'libs/store/src', projectType: 'library' }),
      '/ws/libs/store/src/index.ts': '',
      '/ws/Dockerfile': [
        'FROM node AS build',
        'COPY . /ws',
        'WORKDIR /ws',
        'RUN yarn install && yarn nx run-many --target=build --all',
        'FROM node',
        'COPY --from=build /ws/dist/apps/server/ /ws/out',
        'COPY --from=build /ws/dist/libs/store/ /ws/store',
        'COPY --from=build /ws/node_modules /ws/node_modules',
        'WORKDIR /ws',
        'CMD ["/bin/sh", "-c", "./node_modules/typeorm/cli.js migration:run -d store/src/index.js && node out/main"]',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/apps/server/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/ws/out', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
  });

  test("Nx inferred webpack build whose config sets no outputPath for the plugin: webpack's own output.path, from the config's folder, copied to the image's root folder", async () => {
    const fs = memFs({
      '/ws/nx.json': JSON.stringify({ plugins: [{ plugin: '@nx/webpack/plugin', options: { buildTargetName: 'build' } }] }),
      '/ws/package.json': JSON.stringify({ scripts: { build: 'nx build' }, dependencies: { '@nestjs/core': '11' } }),
      '/ws/project.json': JSON.stringify({ name: 'comments', sourceRoot: 'src', projectType: 'application', targets: { serve: { executor: '@nx/js:node' } } }),
      '/ws/webpack.config.js': "const { NxWebpackPlugin } = require('@nx/webpack');\nconst { join } = require('path');\nmodule.exports = {\n  output: { path: join(__dirname, './dist') },\n  plugins: [new NxWebpackPlugin({ target: 'node', main: './src/main.ts' })],\n};\n",
      '/ws/tsconfig.json': '{"compilerOptions":{}}',
      '/ws/src/main.ts': '',
      '/ws/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY . ./\nRUN npm install\nRUN npx nx build\nFROM node\nWORKDIR /app\nCOPY --from=build /app/dist/ /app\nCMD ["node", "/app/main.js"]\n',
    });
    const m = await inferMapping(fs, spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
  });

  test("Nx build target inferred by @nx/vite/plugin, its outDir a constant the config declares (`build: { outDir }`): the front end bundled into the folder nginx serves", async () => {
    const fs = memFs({
      '/ws/nx.json': JSON.stringify({ plugins: [{ plugin: '@nx/vite/plugin', options: { buildTargetName: 'build' } }] }),
      '/ws/package.json': JSON.stringify({ name: 'console', private: true, devDependencies: { nx: '21', vite: '6' } }),
      '/ws/apps/panel/project.json': JSON.stringify({ name: 'panel', sourceRoot: 'apps/panel/src', projectType: 'application', targets: { build: { dependsOn: ['^build'] } } }),
      '/ws/apps/panel/vite.config.mts': "import { defineConfig } from 'vite';\nconst outDir = '../../dist/apps/panel';\nexport default defineConfig({\n  root: __dirname,\n  build: {\n    outDir,\n    emptyOutDir: true,\n  },\n});\n",
      '/ws/apps/panel/src/main.tsx': 'export {};\n',
      '/ws/apps/panel/Dockerfile': 'FROM node:22 AS builder\nWORKDIR /repo\nCOPY . .\nRUN yarn install && yarn nx build panel\nFROM nginx:alpine\nCOPY --from=builder /repo/dist/apps/panel /usr/share/nginx/html/panel\n',
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/apps/panel/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/panel/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/usr/share/nginx/html/panel', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
  });

  test('the workspace package the image starts in is its code even when it renders pages and a library it copies beside it depends on the framework too', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ private: true, workspaces: ['services/*', 'libraries/*'] }),
      '/ws/libraries/fetch-utils/package.json': JSON.stringify({ name: '@acme/fetch-utils', main: 'index.js', dependencies: { express: '4' } }),
      '/ws/libraries/fetch-utils/index.js': '',
      '/ws/services/web/package.json': JSON.stringify({ name: '@acme/web', dependencies: { express: '4', react: '18', 'react-dom': '18' } }),
      '/ws/services/web/app.mjs': '',
      '/ws/services/web/app/src/router.mjs': '',
      '/ws/services/web/Dockerfile': [
        'FROM node AS base',
        'WORKDIR /acme/services/web',
        'FROM base AS deps',
        'COPY package.json /acme/',
        'COPY services/web/package.json /acme/services/web/package.json',
        'RUN cd /acme && yarn install',
        'FROM deps AS dev',
        'COPY libraries/fetch-utils/ /acme/libraries/fetch-utils/',
        'COPY services/web/ /acme/services/web/',
        'FROM dev AS app',
        'CMD ["node", "app.mjs"]',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/services/web/Dockerfile', target: 'dev' }));
    assert.equal(m?.sourceRoot, '/ws/services/web', m?.evidence.join('\n'));
    assert.equal(m?.target, '/acme/services/web', m?.evidence.join('\n'));
  });

  test("a workspace package whose manifest alone the Dockerfile copies (for the install) is not in the image: the package it copies whole and starts is, though it uses no server framework", async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ private: true, workspaces: ['web', 'bot', 'shared'] }),
      '/ws/web/package.json': JSON.stringify({ name: '@acme/web', dependencies: { hono: '4' }, scripts: { start: 'node dist/index.js' } }),
      '/ws/web/src/index.ts': '',
      '/ws/bot/package.json': JSON.stringify({ name: '@acme/bot', dependencies: { '@slack/bolt': '4' }, scripts: { start: 'node app.js' } }),
      '/ws/bot/app.js': '',
      '/ws/bot/listeners/message.js': '',
      '/ws/shared/package.json': JSON.stringify({ name: '@acme/shared' }),
      '/ws/shared/index.js': '',
      '/ws/bot/Dockerfile': [
        'FROM node:22-alpine',
        'WORKDIR /app',
        'COPY package.json package-lock.json ./',
        'COPY web/package.json web/',
        'COPY bot/package.json bot/',
        'COPY shared/package.json shared/',
        'RUN npm ci --workspace @acme/bot --omit=dev',
        'COPY bot bot',
        'COPY shared shared',
        'CMD ["npm", "start", "--workspace", "@acme/bot"]',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/bot/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/bot', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/bot', m?.evidence.join('\n'));
  });

  test('the folder holding the workspace packages copied whole (COPY packages ./packages, after their manifests for the install) copies each package: the server among them is the code', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ private: true, scripts: { build: 'pnpm -r build' } }),
      '/ws/pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
      '/ws/packages/front/package.json': JSON.stringify({ name: '@acme/front', dependencies: { next: '14', react: '18', 'react-dom': '18' } }),
      '/ws/packages/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { express: '4' }, devDependencies: { typescript: '5' }, scripts: { build: 'tsc', start: 'node dist/server.js' } }),
      '/ws/packages/api/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
      '/ws/packages/api/src/server.ts': '',
      '/ws/Dockerfile': [
        'FROM node:20 AS build',
        'WORKDIR /app',
        'COPY package.json pnpm-workspace.yaml ./',
        'COPY packages/front/package.json ./packages/front/package.json',
        'COPY packages/api/package.json ./packages/api/package.json',
        'RUN pnpm install',
        'COPY packages ./packages',
        'RUN pnpm build',
        'FROM node:20',
        'WORKDIR /app',
        'COPY --from=build /app/packages ./packages',
        'CMD ["node", "packages/api/dist/server.js"]',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/packages/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/packages/api/dist', m?.evidence.join('\n'));
  });

  // An Nx build target that runs a bundler through nx:run-commands; the output is built outside
  // Docker (CI) and a root Dockerfile copies the prebuilt folder.
  const NX_RUN_COMMANDS = (command: string, outputs: string[]) => ({
    '/ws/nx.json': '{}',
    '/ws/package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*'] }),
    '/ws/apps/api/package.json': JSON.stringify({ name: '@ws/api', dependencies: { '@nestjs/core': '11' } }),
    '/ws/apps/api/project.json': JSON.stringify({ name: 'api', sourceRoot: 'apps/api/src', targets: { build: { executor: 'nx:run-commands', outputs, options: { cwd: 'apps/api', command } } } }),
    '/ws/apps/api/tsconfig.json': '{"compilerOptions":{}}',
    '/ws/apps/api/src/main.ts': '',
    '/ws/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY ./dist/apps/api ./dist/apps/api\nCOPY package.json package.json\nWORKDIR /app/dist/apps/api\nRUN npm install\nWORKDIR /app\nCMD ["node", "dist/apps/api/main.js"]\n',
  });

  test('Nx nx:run-commands build running a bundler: bundled, its output the target\'s outputs; a command that does not bundle says nothing of it', async () => {
    const m = await inferMapping(memFs(NX_RUN_COMMANDS('webpack-cli build', ['{workspaceRoot}/dist/apps/{projectName}'])), spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist/apps/api', m?.evidence.join('\n'));
    const tsc = await inferMapping(memFs(NX_RUN_COMMANDS('tsc -p tsconfig.json', ['{workspaceRoot}/dist/apps/api'])), spec({}, at('/ws')));
    assert.notEqual(tsc?.bundled, true, tsc?.evidence.join('\n'));
  });

  const PNPM_MONOREPO = {
    '/ws/package.json': JSON.stringify({
      dependencies: { '@nestjs/core': '10', next: '14' },
      scripts: { build: 'pnpm -r --filter ./apps/web --filter ./apps/api --filter ./apps/worker run build' },
    }),
    '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - libs/*\n',
    '/ws/tsconfig.base.json': '{"compilerOptions":{"rootDir":".","paths":{"@libs/*":["libs/*"]}}}',
    '/ws/apps/web/package.json': '{"name":"web","scripts":{"build":"next build"}}',
    '/ws/apps/web/src/page.tsx': '',
    '/ws/apps/api/package.json': '{"name":"api","scripts":{"build":"nest build"}}',
    '/ws/apps/api/nest-cli.json': '{"sourceRoot":"src","compilerOptions":{"tsConfigPath":"./tsconfig.build.json","webpack":false}}',
    '/ws/apps/api/tsconfig.json': '{"extends":"../../tsconfig.base.json"}',
    '/ws/apps/api/tsconfig.build.json': '{"extends":"./tsconfig.json","compilerOptions":{"outDir":"./dist"}}',
    '/ws/apps/api/src/main.ts': '',
    '/ws/apps/worker/nest-cli.json': '{"sourceRoot":"src"}',
    '/ws/apps/worker/src/main.ts': '',
    '/ws/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY . /app\nRUN pnpm install\nRUN pnpm run build\nCMD ["pnpm","run","start"]\n',
  };

  test('pnpm --filter without the scope picks the one scoped package of that name; tsdown bundles; include ["."] is no source root', async () => {
    const files = (more: Record<string, string>) => ({
      '/ws/package.json': '{"name":"@x/root"}',
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - packages/**\n',
      '/ws/apps/api/package.json': JSON.stringify({ name: '@x/api', scripts: { build: 'rm -rf dist && tsdown' }, dependencies: { fastify: '5' } }),
      '/ws/apps/api/tsconfig.json': '{"include":["."],"exclude":["dist"]}',
      '/ws/apps/api/src/index.ts': '',
      '/ws/apps/api/scripts/seed.ts': '',
      '/ws/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY apps/api ./apps/api\nRUN pnpm --filter api run build\nFROM node\nWORKDIR /app\nCOPY --from=build /app/apps/api ./apps/api\nWORKDIR /app/apps/api\nCMD ["node","dist/index.js"]\n',
      ...more,
    });
    const m = await inferMapping(memFs(files({})), spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/apps/api/dist');
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: tsdown (its "build" script)'), m?.evidence.join('\n'));
    // Two scopes with a package named api: pnpm picks neither, and so does the mapping.
    const wholeContext = { '/ws/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY . .\nRUN pnpm --filter api run build\nCMD ["node","apps/api/dist/index.js"]\n' };
    const one = await inferMapping(memFs(files(wholeContext)), spec({}, at('/ws')));
    assert.equal(one?.sourceRoot, '/ws/apps/api/src', one?.evidence.join('\n'));
    const two = await inferMapping(memFs(files({ ...wholeContext, '/ws/apps/api2/package.json': '{"name":"@y/api","dependencies":{"fastify":"5"}}' })), spec({}, at('/ws')));
    assert.equal(two?.sourceRoot, '/ws', two?.evidence.join('\n'));
  });

  test('a root build of every package: the API server the COPY lines name, before a page-rendering app; Nest builder webpack writes to outDir', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', scripts: { 'g:build': 'pnpm -r run build' } }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - packages/*\n',
      '/ws/packages/db/package.json': '{"name":"@x/db","scripts":{"generate":"prisma generate"}}',
      '/ws/packages/core/package.json': '{"name":"@x/core"}',
      '/ws/packages/core/src/index.ts': '',
      '/ws/apps/web/package.json': JSON.stringify({ name: '@x/web', dependencies: { next: '14', react: '18', 'react-dom': '18', express: '4' } }),
      '/ws/apps/web/src/pages/index.tsx': '',
      '/ws/apps/api/package.json': JSON.stringify({ name: '@x/api', scripts: { build: 'nest build' }, dependencies: { '@nestjs/core': '10', next: '14' } }),
      '/ws/apps/api/nest-cli.json': '{"sourceRoot":"src","compilerOptions":{"builder":"webpack"}}',
      // No rootDir and an input outside src: tsc would write dist/apps/api/src/...; webpack writes dist.
      '/ws/apps/api/tsconfig.json': '{"compilerOptions":{"outDir":"./dist","paths":{"@x/core":["../../packages/core/src"]}}}',
      '/ws/apps/api/src/index.ts': "import '@x/core';\n",
      '/ws/Dockerfile': [
        'FROM node AS build',
        'WORKDIR /w',
        'COPY . .',
        'RUN pnpm -F @x/db generate',
        'RUN pnpm g:build',
        'FROM node',
        'WORKDIR /app',
        'COPY --from=build /w/apps/web/.next ./apps/web/.next',
        'COPY --from=build /w/apps/api/dist ./apps/api/dist',
        'CMD ["node","apps/api/dist/index.js"]',
        '',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/apps/api/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: webpack (nest-cli.json compilerOptions.builder)'), m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => e.startsWith('the Dockerfile copies workspace package apps/api, the one the image starts in (package.json depends on @nestjs/core); it also builds apps/web')), m?.evidence.join('\n'));
  });

  test('a Nest CLI monorepo: the app the Dockerfile builds (`pnpm run build auth` running nest build), not the default app', async () => {
    const app = (name: string) => ({ type: 'application', root: `apps/${name}`, sourceRoot: `apps/${name}/src`, compilerOptions: { tsConfigPath: `apps/${name}/tsconfig.app.json` } });
    const files: Record<string, string> = {
      '/ws/package.json': JSON.stringify({ scripts: { build: 'nest build' }, dependencies: { '@nestjs/core': '10' } }),
      '/ws/nest-cli.json': JSON.stringify({
        sourceRoot: 'apps/orders/src',
        monorepo: true,
        compilerOptions: { webpack: true, tsConfigPath: 'apps/orders/tsconfig.app.json' },
        projects: { common: { type: 'library', root: 'libs/common', sourceRoot: 'libs/common/src' }, orders: app('orders'), auth: app('auth') },
      }),
      '/ws/apps/orders/tsconfig.app.json': '{"compilerOptions":{"outDir":"../../dist/apps/orders"}}',
      '/ws/apps/orders/src/main.ts': '',
      '/ws/apps/auth/tsconfig.app.json': '{"compilerOptions":{"outDir":"../../dist/apps/auth"}}',
      '/ws/apps/auth/src/main.ts': '',
      '/ws/apps/auth/Dockerfile': [
        'FROM node AS development',
        'WORKDIR /usr/src/app',
        'COPY package.json ./',
        'RUN pnpm install',
        'COPY apps/auth apps/auth',
        'COPY libs libs',
        'RUN cd apps/auth && pnpm install',
        'RUN pnpm run build auth',
        'FROM node',
        'WORKDIR /usr/src/app',
        'COPY --from=development /usr/src/app/dist ./dist',
        'CMD ["node", "dist/apps/auth/main"]',
        '',
      ].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/apps/auth/Dockerfile', target: 'development' }));
    assert.equal(m?.sourceRoot, '/ws/apps/auth/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/usr/src/app/dist/apps/auth', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes("Nest CLI app auth of nest-cli.json's projects, built at Dockerfile line 8"), m?.evidence.join('\n'));
  });

  test('a Nest CLI monorepo in a pnpm workspace whose final stage copies a library package from the context: the app `pnpm run build <app>` builds, not the library', async () => {
    const app = (name: string) => ({ type: 'application', root: `apps/${name}`, sourceRoot: `apps/${name}/src`, compilerOptions: { tsConfigPath: `apps/${name}/tsconfig.app.json` } });
    const files: Record<string, string> = {
      '/ws/package.json': JSON.stringify({ name: 'platform', scripts: { build: 'nest build' }, dependencies: { '@nestjs/core': '11' } }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - libs/*\n',
      '/ws/nest-cli.json': JSON.stringify({
        sourceRoot: 'apps/gateway/src',
        monorepo: true,
        compilerOptions: { webpack: true, tsConfigPath: 'apps/gateway/tsconfig.app.json' },
        projects: { common: { type: 'library', root: 'libs/common', sourceRoot: 'libs/common/src' }, gateway: app('gateway'), provisioning: app('provisioning') },
      }),
      '/ws/libs/common/package.json': JSON.stringify({ name: '@acme/common', dependencies: { '@nestjs/core': '11' } }),
      '/ws/libs/common/tsconfig.build.json': '{"compilerOptions":{"outDir":"./dist"},"include":["src/**/*"]}',
      '/ws/libs/common/src/index.ts': '',
      '/ws/apps/gateway/tsconfig.app.json': '{"compilerOptions":{"outDir":"../../dist/apps/gateway"}}',
      '/ws/apps/gateway/src/main.ts': '',
      '/ws/apps/provisioning/tsconfig.app.json': '{"compilerOptions":{"outDir":"../../dist/apps/provisioning"}}',
      '/ws/apps/provisioning/src/main.ts': '',
      '/ws/Dockerfile': [
        'FROM node:24-alpine AS build',
        'WORKDIR /app',
        'COPY package.json pnpm-workspace.yaml ./',
        'RUN pnpm i',
        'COPY . .',
        'RUN pnpm run build provisioning',
        'FROM node:24-alpine',
        'WORKDIR /app',
        'COPY --from=build /app/dist/apps/provisioning/ ./dist/apps/provisioning/',
        'COPY --from=build /app/node_modules ./node_modules',
        'COPY libs/ ./libs/',
        'CMD ["sh", "-c", "cd libs/common && cd ../.. && node dist/apps/provisioning/main.js"]',
        '',
      ].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/provisioning/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist/apps/provisioning', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
  });

  test("a Nest CLI monorepo: the app a package script builds with its own words (`npm run deploy:api` whose script runs node_modules/@nestjs/cli/bin/nest.js build api)", async () => {
    const app = (name: string) => ({ type: 'application', root: `apps/${name}`, sourceRoot: `apps/${name}/src`, compilerOptions: { tsConfigPath: `apps/${name}/tsconfig.app.json` } });
    const files: Record<string, string> = {
      '/ws/package.json': JSON.stringify({ scripts: { prebuild: 'rimraf dist', 'deploy:api': 'npm run prebuild && node ./node_modules/@nestjs/cli/bin/nest.js build api', build: 'nest build web' }, dependencies: { '@nestjs/core': '11' } }),
      '/ws/nest-cli.json': JSON.stringify({ sourceRoot: 'apps/web/src', monorepo: true, compilerOptions: { tsConfigPath: 'apps/web/tsconfig.app.json' }, projects: { web: app('web'), api: app('api') } }),
      '/ws/apps/web/tsconfig.app.json': '{"compilerOptions":{"outDir":"../../dist/apps/web"}}',
      '/ws/apps/web/src/main.ts': '',
      '/ws/apps/api/tsconfig.app.json': '{"compilerOptions":{"outDir":"../../dist/apps/api"}}',
      '/ws/apps/api/src/main.ts': '',
      '/ws/Dockerfile': 'FROM node AS build\nWORKDIR /build\nCOPY . .\nRUN npm run deploy:api\nFROM node\nWORKDIR /app\nCOPY --from=build /build/dist/ ./dist/\nCMD ["node", "dist/apps/api/main"]\n',
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist/apps/api', m?.evidence.join('\n'));
  });

  test('`mv apps/api/dist dist` after the build renames the output folder (moved up to a path of its own name, not into it)', async () => {
    const files: Record<string, string> = {
      '/ws/package.json': JSON.stringify({ dependencies: { '@nestjs/core': '11' } }),
      '/ws/nest-cli.json': JSON.stringify({ sourceRoot: 'apps/api/src', monorepo: true, compilerOptions: { tsConfigPath: 'apps/api/tsconfig.app.json' }, projects: { api: { type: 'application', root: 'apps/api', sourceRoot: 'apps/api/src' } } }),
      '/ws/apps/api/tsconfig.app.json': '{"compilerOptions":{"outDir":"./dist"}}',
      '/ws/apps/api/src/main.ts': '',
      '/ws/Dockerfile': 'FROM node AS build\nWORKDIR /build\nCOPY . .\nRUN npx nest build api && mv apps/api/dist dist\nFROM node\nWORKDIR /app\nCOPY --from=build /build/dist/ ./dist/\nCMD ["node", "dist/main"]\n',
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence?.join('\n'));
    assert.equal(m?.target, '/app/dist', m?.evidence?.join('\n'));
  });

  test('Nx run-many builds every project: the server is the project whose build output the image holds; a vite-built project sharing the root dependencies is no server', async () => {
    const project = (name: string, executor: string, outputPath: string) =>
      JSON.stringify({ name, sourceRoot: `apps/${name}/src`, targets: { build: { executor, options: { outputPath, main: `apps/${name}/src/main.ts` } } } });
    const fs = memFs({
      '/ws/nx.json': '{}',
      '/ws/pnpm-workspace.yaml': 'onlyBuiltDependencies:\n  - "@nestjs/core"\n',
      '/ws/package.json': JSON.stringify({ scripts: { build: 'nx run-many -t build', start: 'node dist/apps/server/main' }, dependencies: { '@nestjs/core': '10', react: '18', 'react-dom': '18' } }),
      '/ws/apps/client/project.json': project('client', '@nx/vite:build', 'dist/apps/client'),
      '/ws/apps/client/src/main.tsx': '',
      '/ws/apps/server/project.json': project('server', '@nx/webpack:webpack', 'dist/apps/server'),
      '/ws/apps/server/src/main.ts': '',
      '/ws/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN pnpm run build\nFROM node\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCMD ["pnpm","run","start"]\n',
    });
    const m = await inferMapping(fs, spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/apps/server/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist/apps/server');
    assert.equal(m?.bundled, true);
  });

  test("an Nx build target whose executor runs other targets of the project in turn (runSequence) bundles when one of them is an Nx bundler: its outputPath is the output", async () => {
    const web = (executor: string) =>
      JSON.stringify({
        name: 'web',
        sourceRoot: 'apps/web/src',
        projectType: 'application',
        targets: { build: { executor: 'community-nx:build', options: { runSequence: ['web:build.client', 'web:build.ssr'], outputPath: 'dist/apps/web' } }, 'build.client': { executor, options: { outputPath: 'dist/apps/web' } }, 'build.ssr': { executor: 'nx:run-commands' } },
      });
    const files = (executor: string) => ({
      '/ws/nx.json': '{}',
      '/ws/package.json': JSON.stringify({ dependencies: { express: '4', vite: '5' } }),
      '/ws/apps/web/project.json': web(executor),
      '/ws/apps/web/src/entry.express.tsx': '',
      '/ws/apps/web/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN npx nx build web --prod\nFROM node\nWORKDIR /app\nCOPY --from=build /app/dist/apps/web ./web\nCMD ["node", "web/server/entry.express.js"]\n',
    });
    const m = await inferMapping(memFs(files('@nx/vite:build')), spec({}, { context: '/ws', dockerfile: '/ws/apps/web/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/web/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/web', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    // Steps that bundle nothing Nx knows of: not judged a bundle by the sequence.
    const plain = await inferMapping(memFs(files('nx:run-commands')), spec({}, { context: '/ws', dockerfile: '/ws/apps/web/Dockerfile' }));
    assert.notEqual(plain?.target === '/app/web' && plain.bundled, true, plain?.evidence.join('\n'));
  });

  test('pnpm workspace built from the root: the first server package the build selects; rootDir above it keeps repository paths', async () => {
    const m = await inferMapping(memFs(PNPM_MONOREPO), spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.buildOutDir, '/ws/apps/api/dist/apps/api/src');
    assert.equal(m?.target, '/app/apps/api/dist/apps/api/src');
    assert.equal(m?.bundled, false);
    assert.ok(m?.evidence.some((e) => /selects workspace package apps\/api \(nest-cli\.json\); it also builds apps\/worker/.test(e)), m?.evidence.join('\n'));
    assert.ok(m?.evidence.includes('rootDir . (tsconfig.base.json): files keep their paths relative to it'), m?.evidence.join('\n'));
  });

  test('one root Dockerfile with a stage per service: the build target selects the package its own stages build, or (no server framework) the one whose file it starts', async () => {
    const pkg = (name: string) => JSON.stringify({ name, scripts: { build: 'tsdown' }, dependencies: { hono: '^4' }, devDependencies: { tsdown: '^0.15' } });
    const files: Record<string, string> = {
      '/ws/package.json': '{"name":"root","private":true}',
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
      '/ws/apps/api/package.json': pkg('@app/api'),
      '/ws/apps/api/src/server.ts': '',
      '/ws/apps/ingest/package.json': pkg('@app/ingest'),
      '/ws/apps/ingest/src/server.ts': '',
      // A worker without a server framework (a node:http health server): the file the image starts.
      '/ws/apps/workflows/package.json': JSON.stringify({ name: '@app/workflows', scripts: { build: 'tsdown' }, devDependencies: { tsdown: '^0.15' } }),
      '/ws/apps/workflows/src/server.ts': '',
      '/ws/Dockerfile': [
        'FROM node:22 AS base',
        'WORKDIR /app',
        'COPY package.json ./',
        'FROM base AS source',
        'COPY . .',
        'RUN pnpm install --frozen-lockfile',
        'FROM source AS build-api',
        'RUN pnpm turbo run build --filter @app/api',
        'FROM source AS build-ingest',
        'RUN pnpm turbo run build --filter @app/ingest',
        'FROM base AS api',
        'COPY --from=build-api /app/apps/api/dist ./apps/api/dist',
        'CMD ["node", "apps/api/dist/server.cjs"]',
        'FROM base AS ingest',
        'COPY --from=build-ingest /app/apps/ingest/dist ./apps/ingest/dist',
        'CMD ["node", "apps/ingest/dist/server.cjs"]',
        'FROM source AS build-workflows',
        'RUN pnpm turbo run build --filter @app/workflows',
        'FROM base AS workflows',
        'COPY --from=build-workflows /app/apps/workflows/dist ./apps/workflows/dist',
        'CMD ["node", "--enable-source-maps", "apps/workflows/dist/server.cjs"]',
        'FROM base AS migrations',
        'CMD ["sh", "-c", "pnpm --filter @app/db migrate"]',
        '',
      ].join('\n'),
    };
    for (const service of ['api', 'ingest', 'workflows']) {
      const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile', target: service }));
      assert.equal(m?.sourceRoot, `/ws/apps/${service}/src`, m?.evidence.join('\n'));
      assert.equal(m?.target, `/app/apps/${service}/dist`, m?.evidence.join('\n'));
      assert.ok(!m?.evidence.some((e) => e.includes('it also builds')), m?.evidence.join('\n'));
    }
  });

  test('tsc without rootDir: a source importing through an alias into another package moves the common root of the inputs up', async () => {
    const base = { ...PNPM_MONOREPO, '/ws/tsconfig.base.json': '{"compilerOptions":{"baseUrl":".","paths":{"@libs/*":["libs/*"],"@web/*":["apps/web/src/*"]}}}', '/ws/libs/common/index.ts': '' };
    const files: Record<string, string> = { ...base, '/ws/apps/api/src/main.ts': "import { x } from '@libs/common';\nexport default x;\n" };
    const m = await inferMapping(memFs(files), spec({}, at('/ws')));
    assert.equal(m?.buildOutDir, '/ws/apps/api/dist/apps/api/src', m?.evidence.join('\n'));
    assert.ok(m?.evidence.includes("no rootDir, and the sources import libs/common/index.ts from outside apps/api/src: tsc compiles what they import, so the common root of its inputs is ."), m?.evidence.join('\n'));
    // Aliases no source imports through (another app's folder) bring in nothing: dist holds src's files directly.
    const unused = await inferMapping(memFs(base), spec({}, at('/ws')));
    assert.equal(unused?.buildOutDir, '/ws/apps/api/dist', unused?.evidence.join('\n'));
    const own = await inferMapping(memFs({ ...files, '/ws/tsconfig.base.json': '{"compilerOptions":{}}' }), spec({}, at('/ws')));
    assert.equal(own?.buildOutDir, '/ws/apps/api/dist');
  });

  test('the package a build names: pnpm --filter, npm -w, yarn workspace, turbo --filter, nx build / nx run', () => {
    assert.deepEqual(selectedPackages('pnpm -r --filter ./apps/web --filter ./apps/api run build'), ['./apps/web', './apps/api']);
    assert.deepEqual(selectedPackages('npm ci && npm run build -w api && npm run build --workspace=@x/web'), ['api', '@x/web']);
    assert.deepEqual(selectedPackages('yarn workspace @acme/api build'), ['@acme/api']);
    assert.deepEqual(selectedPackages('npx turbo run build --filter=api...'), ['api']);
    assert.deepEqual(selectedPackages('npx nx build api --prod; nx run worker:build:production'), ['api', 'worker']);
    assert.deepEqual(selectedPackages('npx nx run-many -t build && npm install'), []);
  });

  test("the Angular CLI names the project it builds, as Nx did through it before v11: ng build <project>, ng run <project>:build; a bare ng build names none", () => {
    assert.deepEqual(selectedPackages('npm ci && ng build api --prod'), ['api']);
    assert.deepEqual(selectedPackages('node_modules/.bin/ng run worker:build:production'), ['worker']);
    assert.deepEqual(selectedPackages('ng build --prod'), []);
    assert.deepEqual(selectedPackages('npm i ng-packagr && ng-packagr -p lib'), []);
  });

  test("Yarn 2+ `workspaces foreach --include <path>` selects that workspace; a Nuxt app's `nuxt build` bundles its server into Nitro's .output/server, wherever the image puts .output", async () => {
    assert.deepEqual(selectedPackages('yarn workspaces foreach --include "packages/web" -Wt run build'), ['packages/web']);
    assert.deepEqual(selectedPackages('yarn workspaces foreach --exclude "@x/web" -Wt run build'), []);
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      '/ws/packages/shared/package.json': JSON.stringify({ name: '@x/shared', scripts: { build: 'tsc' } }),
      '/ws/packages/web/package.json': JSON.stringify({ name: '@x/web', dependencies: { nuxt: '4', vue: '3' }, scripts: { build: 'NODE_OPTIONS=--max-old-space-size=8192 nuxt build' } }),
      '/ws/packages/web/nuxt.config.ts': "export default defineNuxtConfig({ vite: { build: { rollupOptions: { output: { entryFileNames: '[hash].js' } } } } });",
      '/ws/packages/web/pages/index.vue': '',
      '/ws/packages/web/server/api/health.ts': '',
      '/ws/Dockerfile': [
        'FROM node:22 AS build-stage',
        'WORKDIR /repo',
        'COPY package.json yarn.lock ./',
        'COPY packages/shared ./packages/shared/',
        'RUN yarn workspaces foreach --exclude "@x/web" -Wt run build',
        'COPY packages/web ./packages/web/',
        'RUN yarn workspaces foreach --include "packages/web" -Wt run build',
        'FROM gcr.io/distroless/nodejs22-debian12 AS production-stage',
        'WORKDIR /repo',
        'COPY --from=build-stage /repo/packages/web/.output .',
        'ENTRYPOINT ["/nodejs/bin/node", "./server/index.mjs"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/packages/web', m?.evidence.join('\n'));
    assert.equal(m?.target, '/repo/server', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test("Yarn's `yarn workspace <name> start` as the image's command starts that package's script: the package is the source root, not the workspace (whose root depends on a bundler for another package)", async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ private: true, workspaces: { packages: ['packages/*'] }, devDependencies: { vite: '6' }, scripts: { build: 'yarn workspaces run build' } }),
      '/ws/packages/forms/package.json': JSON.stringify({ name: 'forms', devDependencies: { vite: '6' }, scripts: { build: 'vite build' } }),
      '/ws/packages/forms/src/index.ts': '',
      '/ws/packages/site/package.json': JSON.stringify({ name: 'site', main: './app.js', dependencies: { express: '4' }, scripts: { start: 'node .' } }),
      '/ws/packages/site/app.js': "require('express')().listen(3000);",
      '/ws/Dockerfile': 'FROM node:22\nENV SRC=/srv/site\nWORKDIR ${SRC}\nCOPY . ${SRC}\nRUN yarn install --frozen-lockfile\nCMD ["yarn", "workspace", "site", "start"]\n',
    });
    const m = await inferMapping(fs, spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/packages/site', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/site/packages/site', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false, m?.evidence.join('\n'));
  });

  test('a package named (not a path) is found by its package.json name', async () => {
    const files: Record<string, string> = { ...PNPM_MONOREPO, '/ws/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY . .\nRUN pnpm --filter api build\n' };
    const m = await inferMapping(memFs(files), spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
  });
  test('tsc without rootDir or include: a file beside src (knexfile.ts) makes the project folder the common root', async () => {
    const files = {
      '/ws/backend/package.json': '{"dependencies":{"@nestjs/core":"10"}}',
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./dist"}}',
      '/ws/backend/tsconfig.build.json': '{"extends":"./tsconfig.json","exclude":["node_modules","test","dist","**/*spec.ts"]}',
      '/ws/backend/src/main.ts': '',
      '/ws/backend/test/app.e2e-spec.ts': '',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    };
    const plain = await inferMapping(memFs(files), spec());
    assert.equal(plain?.buildOutDir, '/ws/backend/dist', plain?.evidence.join('\n'));
    const knex = await inferMapping(memFs({ ...files, '/ws/backend/knexfile.ts': '' }), spec());
    assert.equal(knex?.buildOutDir, '/ws/backend/dist/src', knex?.evidence.join('\n'));
    assert.equal(knex && mapSourceFile(knex, '/ws/backend/src/main.ts'), '/app/dist/src/main.js');
  });

  test('include of several folders, less the excluded ones; composite makes the tsconfig folder the rootDir', async () => {
    const files = {
      '/ws/backend/package.json': '{"dependencies":{"fastify":"4"},"scripts":{"build":"tsc --build tsconfig.build.json"}}',
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"dist"},"include":["src/**/*","test/**/*"]}',
      '/ws/backend/tsconfig.build.json': '{"extends":"./tsconfig.json","exclude":["test"]}',
      '/ws/backend/src/main.ts': '',
      '/ws/backend/test/a.ts': '',
      '/ws/backend/scripts/start.ts': '',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    };
    assert.equal((await inferMapping(memFs(files), spec()))?.buildOutDir, '/ws/backend/dist');
    const both = { ...files, '/ws/backend/tsconfig.build.json': '{"extends":"./tsconfig.json","include":["./src/**/*.ts","./scripts/**/*.ts"]}' };
    assert.equal((await inferMapping(memFs(both), spec()))?.buildOutDir, '/ws/backend/dist/src');
    const composite = { ...files, '/ws/backend/tsconfig.build.json': '{"extends":"./tsconfig.json","compilerOptions":{"composite":true},"include":["src"]}' };
    const m = await inferMapping(memFs(composite), spec());
    assert.equal(m?.buildOutDir, '/ws/backend/dist/src', m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => /composite: rootDir defaults to the folder of tsconfig\.build\.json/.test(e)), m?.evidence.join('\n'));
  });

  test('yarn build --filter=@x/api (a root script running turbo) selects the package', async () => {
    assert.deepEqual(selectedPackages('yarn build --filter=@hedgedoc/backend --no-daemon'), ['@hedgedoc/backend']);
  });
  test('turbo prune <pkg> and turbo prune --scope=<pkg> select the package the pruned workspace is for', () => {
    assert.deepEqual(selectedPackages('turbo prune @hoalu/api --docker'), ['@hoalu/api']);
    assert.deepEqual(selectedPackages('npx turbo prune --scope=web --docker'), ['web']);
    assert.deepEqual(selectedPackages('turbo prune --docker'), []);
  });
  test("the folder a package manager runs in names the package: pnpm -C / --dir, npm --prefix, yarn --cwd", () => {
    assert.deepEqual(selectedPackages('pnpm -C "apps/core" run bundle'), ['./apps/core']);
    assert.deepEqual(selectedPackages('pnpm --dir=./server build && npm --prefix web run build && yarn --cwd api build'), ['./server', './web', './api']);
    assert.deepEqual(selectedPackages('pnpm -r build && pnpm --filter-prod x build'), []);
  });
  test("Bun's workspace options select the package: --filter / -F by name or path, --cwd by folder", () => {
    assert.deepEqual(selectedPackages('bun run --filter shop-web build'), ['shop-web']);
    assert.deepEqual(selectedPackages("bun run -F './apps/hub' build && bun --filter=@acme/tools run lint"), ['./apps/hub', '@acme/tools']);
    assert.deepEqual(selectedPackages('bun run --cwd apps/relay build'), ['./apps/relay']);
    assert.deepEqual(selectedPackages('bun install --frozen-lockfile && bun run build'), []);
  });
  test('a Bun workspace build selecting one package (bun run --filter) maps that package, not the root', async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*'] }),
      '/ws/apps/shop/package.json': JSON.stringify({ name: 'shop', dependencies: { hono: '4' }, devDependencies: { tsup: '8' }, scripts: { build: 'tsup src/main.ts --format esm' } }),
      '/ws/apps/shop/src/main.ts': "import { Hono } from 'hono';\n",
      '/ws/apps/other/package.json': JSON.stringify({ name: 'other', dependencies: { express: '5' } }),
      '/ws/apps/other/src/index.ts': '',
      '/ws/apps/shop/Dockerfile': ['FROM oven/bun AS build', 'WORKDIR /app', 'COPY . .', 'RUN bun install', 'RUN bun run --filter shop build', 'FROM oven/bun', 'WORKDIR /app', 'COPY --from=build /app/apps/shop/dist ./dist', 'CMD ["bun", "dist/main.js"]'].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/apps/shop/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/shop/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes("the Dockerfile's build selects workspace package apps/shop (package.json depends on hono)"), m?.evidence.join('\n'));
  });

  test("a root script running a package's script in its folder (pnpm -C), which only runs another (npm run bundle): Vite's SSR build bundles the server", async () => {
    const files = {
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
      '/ws/package.json': JSON.stringify({ name: 'root', scripts: { bundle: 'pnpm -C "apps/core" run bundle' } }),
      '/ws/apps/core/package.json': JSON.stringify({ name: '@x/core', dependencies: { '@nestjs/core': '11' }, devDependencies: { vite: '7' }, scripts: { build: 'npm run bundle', bundle: 'vite build' } }),
      '/ws/apps/core/nest-cli.json': '{"sourceRoot":"src","compilerOptions":{"builder":"swc"}}',
      '/ws/apps/core/vite.config.ts': "export default defineConfig({ ssr: { noExternal: true }, build: { outDir: 'out', ssr: true, rollupOptions: { input: { main: 'src/main.ts' } } } });\n",
      '/ws/apps/core/src/main.ts': '',
      '/ws/apps/admin/package.json': JSON.stringify({ name: '@x/admin', dependencies: { vue: '3', vite: '7' }, scripts: { build: 'vite build' } }),
      '/ws/Dockerfile': [
        'FROM node AS builder',
        'WORKDIR /app',
        'COPY . .',
        'RUN pnpm install',
        'RUN pnpm bundle',
        'RUN mv apps/core/out ./out',
        'RUN pnpm --filter @x/admin run build && cp -R apps/admin/dist/. ./out/admin/',
        'FROM node',
        'WORKDIR /app',
        'COPY --from=builder /app/out .',
        'ENTRYPOINT ["./docker-entrypoint.sh"]',
      ].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/apps/core/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: vite build, ssr in vite.config.ts (its "build" script)'), m?.evidence.join('\n'));
    // Without build.ssr, the Vite build of a server package's script is not a server bundle.
    const client = { ...files, '/ws/apps/core/vite.config.ts': "export default defineConfig({ build: { outDir: 'out' } });\n" };
    assert.notEqual((await inferMapping(memFs(client), spec({}, at('/ws'))))?.bundled, true);
    // `vite build --ssr <entry>` on the command line says the same.
    const flag = { ...client, '/ws/apps/core/package.json': files['/ws/apps/core/package.json'].replace('"vite build"', '"vite build --ssr src/main.ts"') };
    assert.equal((await inferMapping(memFs(flag), spec({}, at('/ws'))))?.bundled, true);
  });

  test("vite-plugin-node in the Vite config sets build.ssr to the plugin's appPath: `vite build` bundles the server into Vite's outDir", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'api', type: 'module', dependencies: { fastify: '4' }, devDependencies: { vite: '4', 'vite-plugin-node': '3', typescript: '5' }, scripts: { build: 'tsc && vite build', start: 'node ./dist/server.js' } }),
      '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { noEmit: true, module: 'ESNext' }, include: ['src'] }),
      '/ws/vite.config.ts': "import { defineConfig } from 'vite';\nimport { VitePluginNode } from 'vite-plugin-node';\nexport default defineConfig({ plugins: [...VitePluginNode({ appPath: './src/server.ts', adapter: 'fastify' })] });\n",
      '/ws/src/server.ts': "import Fastify from 'fastify';\n",
      '/ws/Dockerfile': ['FROM node:alpine AS build', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm install', 'COPY . .', 'RUN npm run build', 'FROM node:alpine', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm install --omit=dev', 'COPY --from=build /app/dist ./dist', 'CMD ["npm", "start"]'].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, at('/ws')));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
    // A Vite config without the plugin (nor build.ssr) builds a front end: not the server's bundle.
    const plain = { ...files, '/ws/vite.config.ts': "import { defineConfig } from 'vite';\nexport default defineConfig({});\n" };
    assert.notEqual((await inferMapping(memFs(plain), spec({}, at('/ws'))))?.bundled, true);
  });

  test('pnpm deploy copies the selected package (with its bundle) out of the workspace; the image takes it from there', async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
      '/ws/package.json': '{"name":"root"}',
      '/ws/apps/server/package.json': JSON.stringify({ name: '@x/server', dependencies: { hono: '4' }, scripts: { build: 'esbuild --bundle src/index.ts --platform=node --outfile=dist/index.js' } }),
      '/ws/apps/server/src/index.ts': '',
      '/ws/apps/web/package.json': '{"name":"@x/web","dependencies":{"vite":"5"}}',
      '/ws/docker/Dockerfile': [
        'FROM node AS build',
        'WORKDIR /app',
        'COPY . .',
        'RUN pnpm --filter "@x/web..." run build && pnpm --filter "@x/server..." run build',
        'RUN pnpm deploy --filter=@x/server --legacy --prod /prod/server',
        'FROM node',
        'WORKDIR /app',
        'COPY --from=build /prod/server ./',
        'RUN mkdir -p data',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/docker/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/server/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist');
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.some((e) => /RUN pnpm deploy --filter=@x\/server --legacy --prod \/prod\/server \(apps\/server -> \/prod\/server\)/.test(e)), m?.evidence.join('\n'));
  });

  test('two selected packages use the framework (a library nested in the server\'s folder): the one pnpm deploy copies out is the project', async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - edge\n  - edge/core\n',
      '/ws/package.json': '{"name":"root"}',
      '/ws/edge/package.json': JSON.stringify({ name: 'edge', files: ['dist'], dependencies: { hono: '4', '@x/edge-core': 'workspace:*' }, scripts: { build: 'tsc' } }),
      '/ws/edge/tsconfig.json': '{"compilerOptions":{"outDir":"./dist"},"include":["src"]}',
      '/ws/edge/src/index.ts': '',
      '/ws/edge/core/package.json': JSON.stringify({ name: '@x/edge-core', dependencies: { hono: '4' }, scripts: { build: 'tsc' } }),
      '/ws/edge/core/tsconfig.json': '{"compilerOptions":{"outDir":"./dist"},"include":["src"]}',
      '/ws/edge/core/src/index.ts': '',
      '/ws/edge/Dockerfile': [
        'FROM node AS builder',
        'WORKDIR /app',
        'COPY . /app/',
        'RUN pnpm install --filter=./edge/core --filter=./edge',
        'RUN pnpm run --filter=./edge/core --filter=./edge build',
        'RUN pnpm --filter=./edge --prod deploy pruned',
        'FROM node',
        'WORKDIR /app',
        'COPY --from=builder /app/pruned .',
        'CMD ["node", "dist"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/edge/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/edge/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist');
    assert.equal(m?.bundled, false);
    assert.ok(m?.evidence.some((e) => e.startsWith('the Dockerfile deploys workspace package edge, one of those the build selects')), m?.evidence.join('\n'));
  });

  test("pnpm's packages are pnpm-workspace.yaml's, also beside a package.json `workspaces` that lists fewer", async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'] }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - services/*\n  - packages/*\n',
      '/ws/packages/http/package.json': JSON.stringify({ name: '@x/http', dependencies: { express: '4' }, scripts: { build: 'tsc' } }),
      '/ws/packages/http/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/packages/http/src/index.ts': '',
      '/ws/services/api/package.json': JSON.stringify({ name: 'api-service', dependencies: { express: '4', '@x/http': 'workspace:^' }, scripts: { build: 'tsc' } }),
      '/ws/services/api/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/services/api/src/main.ts': '',
      '/ws/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN pnpm install && pnpm --filter api-service build\nFROM node\nCOPY --from=build /app /app\nCMD ["node", "/app/services/api/dist/main.js"]\n',
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/services/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/services/api/dist');
  });

  test('the image starts in a package run as copied that only launches a workspace server package: that package is the code', async () => {
    const files = {
      '/ws/pnpm-workspace.yaml': 'packages:\n  - services/*\n  - packages/*\n',
      '/ws/package.json': '{"name":"root"}',
      '/ws/packages/pds/package.json': JSON.stringify({ name: '@x/pds', dependencies: { express: '4' }, scripts: { build: 'tsc --build tsconfig.build.json' } }),
      '/ws/packages/pds/tsconfig.build.json': '{"compilerOptions":{"rootDir":"./src","outDir":"./dist"},"include":["./src"]}',
      '/ws/packages/pds/src/index.ts': '',
      '/ws/packages/common/package.json': JSON.stringify({ name: '@x/common', dependencies: { express: '4' }, scripts: { build: 'tsc' } }),
      '/ws/services/pds/package.json': JSON.stringify({ name: 'pds-service', dependencies: { '@x/pds': 'workspace:^' } }),
      '/ws/services/pds/index.ts': "import { PDS } from '@x/pds'\n",
      '/ws/services/pds/Dockerfile': [
        'FROM node AS build',
        'WORKDIR /app',
        'COPY ./package.json ./pnpm-workspace.yaml ./',
        'COPY ./packages/common ./packages/common',
        'COPY ./packages/pds ./packages/pds',
        'COPY ./services/pds ./services/pds',
        "RUN pnpm install && pnpm run --recursive --filter 'pds-service...' build",
        'FROM node',
        'COPY --from=build /app /app',
        'WORKDIR /app/services/pds',
        'CMD ["node", "--enable-source-maps", "index.ts"]',
      ].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/services/pds/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/packages/pds/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/packages/pds/dist');
    // A launcher depending on one workspace package that uses no framework known here launches that one.
    const one = { ...files, '/ws/packages/pds/package.json': JSON.stringify({ name: '@x/pds', dependencies: { '@connectrpc/connect-node': '2' }, scripts: { build: 'tsc --build tsconfig.build.json' } }) };
    assert.equal((await inferMapping(memFs(one), spec({}, { context: '/ws', dockerfile: '/ws/services/pds/Dockerfile' })))?.sourceRoot, '/ws/packages/pds/src');
    // A package with source folders of its own (a bot's agent/ beside its index.ts) is an app, not a launcher.
    const app = { ...one, '/ws/services/pds/agent/runner.ts': 'export const run = 1\n' };
    assert.notEqual((await inferMapping(memFs(app), spec({}, { context: '/ws', dockerfile: '/ws/services/pds/Dockerfile' })))?.sourceRoot, '/ws/packages/pds/src');
  });

  test('the image starts a compiled file of a package built on workspace server packages: that package is the app, not the library', async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - packages/*\n  - service\n',
      '/ws/package.json': JSON.stringify({ name: 'root', scripts: { 'build:production': 'pnpm run -r build' } }),
      '/ws/service/package.json': JSON.stringify({ name: '@x/service-image', dependencies: { '@x/core': 'workspace:*' }, scripts: { build: 'tsc -b' } }),
      '/ws/service/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"lib"},"include":["src"]}',
      '/ws/service/src/entry.ts': '',
      '/ws/packages/core/package.json': JSON.stringify({ name: '@x/core', dependencies: { fastify: '5' }, scripts: { build: 'tsc -b' } }),
      '/ws/packages/core/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"},"include":["src"]}',
      '/ws/packages/core/src/index.ts': '',
      '/ws/service/Dockerfile': [
        'FROM node AS builder',
        'WORKDIR /app',
        'COPY package.json pnpm-workspace.yaml ./',
        'COPY service/package.json service/tsconfig.json service/',
        'COPY packages/core/package.json packages/core/tsconfig.json packages/core/',
        'RUN pnpm install',
        'COPY service/src service/src/',
        'COPY packages/core/src packages/core/src/',
        'RUN pnpm build:production',
        'FROM node',
        'WORKDIR /app',
        'COPY --from=builder /app/ ./',
        'ENTRYPOINT ["node", "service/lib/entry.js"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/service/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/service/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/service/lib');
  });

  test('a build script for the tests (build:tests = tsc -b test/tsconfig.json) does not name the server\'s tsconfig', async () => {
    const fs = memFs({
      '/ws/core/package.json': JSON.stringify({ name: 'core', dependencies: { fastify: '5' }, scripts: { build: 'tsc -b', 'build:tests': 'tsc -b test/tsconfig.json' } }),
      '/ws/core/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/core/src/index.ts': '',
      '/ws/core/test/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/core/test/src/app.test.ts': '',
      '/ws/core/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY . .\nRUN ./build.sh\nCMD ["node", "dist/index.js"]\n',
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws/core', dockerfile: '/ws/core/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/core/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist');
  });

  test("a tsc run in a package nested in the project's folder compiles that package, not the project", async () => {
    const fs = memFs({
      '/ws/server/package.json': JSON.stringify({ name: 'server', dependencies: { express: '4' } }),
      '/ws/server/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"./build"}}',
      '/ws/server/src/main.ts': '',
      '/ws/server/shared/package.json': JSON.stringify({ name: 'shared' }),
      '/ws/server/shared/tsconfig.json': '{"compilerOptions":{"rootDir":"lib","outDir":"./out"}}',
      '/ws/server/shared/lib/index.ts': '',
      '/ws/server/Dockerfile': 'FROM node\nWORKDIR /srv\nCOPY . .\nRUN cd shared && npx tsc && cd .. && npx tsc\nCMD ["node", "build/main.js"]\n',
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws/server', dockerfile: '/ws/server/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/server/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/build');
  });

  test('no selected package depends on a server framework (Next.js with its own http server): the package pnpm deploy copies out is the project', async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/web\n  - packages/core\n',
      '/ws/package.json': '{"name":"root"}',
      '/ws/apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { next: '16' }, scripts: { build: 'tsx esbuild.config.ts && next build', start: 'node dist/server.mjs' } }),
      '/ws/apps/web/server/server.ts': '',
      '/ws/packages/core/package.json': '{"name":"@x/core","dependencies":{"zod":"4"}}',
      '/ws/Dockerfile': [
        'FROM node AS build',
        'COPY . /usr/src/app',
        'WORKDIR /usr/src/app',
        'RUN pnpm --filter=@x/core build',
        'RUN pnpm --filter=./apps/web run build',
        'RUN pnpm --filter=./apps/web --prod deploy --legacy /prod/web',
        'FROM node',
        'WORKDIR /app',
        'COPY --from=build /prod/web/dist ./dist',
        'CMD ["node", "dist/server.mjs"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/web', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist');
    assert.equal(m?.bundled, true);
    // The image starts a file of where it copies the deploy folder (/app/dist from /prod/web/dist): that deploy decides.
    assert.ok(m?.evidence.includes('the image copies the `pnpm deploy` folder of workspace package apps/web'), m?.evidence.join('\n'));
  });

  test('rootDir "." names where output paths are kept from, not the source folder: src compiles to dist/src', async () => {
    const fs = memFs({
      '/ws/backend/package.json': '{"dependencies":{"koa":"2"}}',
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":".","outDir":"./dist"}}',
      '/ws/backend/src/app.ts': '',
      '/ws/backend/knexfile.ts': '',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /node/app\nCOPY . .\nRUN tsc || exit 0\nCMD ["yarn","start"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/node/app/dist/src');
  });

  test("a monorepo built at its root: the server package the COPY lines name; paths to another package's .d.ts do not move tsc's root", async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - packages/*\n',
      '/ws/package.json': JSON.stringify({ name: 'root', scripts: { build: 'nx run-many -t build' } }),
      '/ws/apps/server/package.json': JSON.stringify({ name: 'server', dependencies: { '@nestjs/core': '10' }, scripts: { build: 'nest build' } }),
      '/ws/apps/server/nest-cli.json': '{"sourceRoot":"src"}',
      '/ws/apps/server/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist', baseUrl: './', paths: { '@x/db/*': ['./src/database/*'], '@x/formula': ['../../packages/formula/dist/index.d.ts'] } } }),
      '/ws/apps/server/src/main.ts': '',
      '/ws/apps/client/package.json': '{"name":"client","dependencies":{"react":"18"}}',
      '/ws/packages/formula/package.json': '{"name":"formula"}',
      '/ws/Dockerfile': [
        'FROM node AS builder',
        'WORKDIR /app',
        'COPY . .',
        'RUN pnpm install && pnpm build',
        'FROM node',
        'WORKDIR /app',
        'COPY --from=builder /app/apps/client/dist /app/apps/client/dist',
        'COPY --from=builder /app/apps/server/dist /app/apps/server/dist',
        'COPY --from=builder /app/packages/formula/dist /app/packages/formula/dist',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/server/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/apps/server/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test('a workspace copied whole and built at the root: the package the image starts in (run-script-os start -> cd packages/api/bin), its tsc output', async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
      '/ws/package.json': JSON.stringify({ name: 'root', scripts: { build: 'turbo run build', start: 'run-script-os', 'start:default': 'cd packages/api/bin && ./run start' } }),
      '/ws/packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '5' }, scripts: { build: 'tsc' } }),
      '/ws/packages/api/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist' }, include: ['src/**/*.ts'] }),
      '/ws/packages/api/src/index.ts': '',
      '/ws/packages/docs/package.json': JSON.stringify({ name: 'docs', dependencies: { express: '5' } }),
      '/ws/Dockerfile': ['FROM node', 'WORKDIR /usr/src/app', 'COPY . .', 'RUN pnpm install && pnpm build', 'CMD [ "pnpm", "start" ]'].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/packages/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/usr/src/app/packages/api/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test('a workspace built whole in one stage and copied whole into the next: the package the start script cds into (ENTRYPOINT npm run + CMD start)', async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
      '/ws/package.json': JSON.stringify({ name: 'root', scripts: { start: 'cd packages/core && npm start' }, devDependencies: { vite: '5' } }),
      '/ws/packages/core/package.json': JSON.stringify({ name: '@x/core', main: 'build/index.js', dependencies: { koa: '2' }, devDependencies: { tsup: '8' }, scripts: { build: 'tsup', start: 'node .' } }),
      '/ws/packages/core/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'build' }, include: ['src'] }),
      '/ws/packages/core/src/index.ts': '',
      '/ws/packages/console/package.json': JSON.stringify({ name: '@x/console', dependencies: { 'react-dom': '18' } }),
      '/ws/Dockerfile': ['FROM node AS builder', 'WORKDIR /etc/x', 'COPY . .', 'RUN pnpm i && pnpm -r build', 'FROM node AS app', 'WORKDIR /etc/x', 'COPY --from=builder /etc/x .', 'ENTRYPOINT ["npm", "run"]', 'CMD ["start"]'].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/packages/core/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/etc/x/packages/core/build', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test("tsc without rootDir whose inputs reach the repository root (a JSON import): the image's start command names the layout (dist/src/server/main.js)", async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - src/*\n',
      '/ws/package.json': JSON.stringify({ name: 'root', version: '1.0.0', scripts: { 'build:server': 'cd src/server && pnpm build' } }),
      '/ws/src/server/package.json': JSON.stringify({ name: '@x/server', dependencies: { express: '4' }, scripts: { build: 'tsc' } }),
      '/ws/src/server/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist', resolveJsonModule: true }, include: ['./**/*.ts'] }),
      '/ws/src/server/main.ts': "const pkg = await import('../../package.json');\n",
      '/ws/Dockerfile': ['FROM node', 'WORKDIR /app/x', 'COPY . .', 'RUN pnpm install --filter @x/server...', 'RUN pnpm build:server', 'CMD ["sh", "-c", "(cd /app/x/src/server && node ./dist/src/server/main.js) & wait"]'].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/src/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/x/src/server/dist/src/server', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test("tsc without rootDir or include over a project with tests beside src, a build copying only src: the image's start command (npm run start:prod -> node dist/main) names the lower root the build saw", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'x', dependencies: { '@nestjs/core': '10' }, scripts: { build: 'nest build', 'start:prod': 'node dist/main' } }),
      '/ws/nest-cli.json': JSON.stringify({ sourceRoot: 'src' }),
      '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist' } }),
      '/ws/src/main.ts': '',
      '/ws/test/app.e2e-spec.ts': '',
      '/ws/prisma/seed.ts': '',
      '/ws/Dockerfile': ['FROM node AS builder', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY tsconfig*.json ./', 'COPY src ./src', 'RUN npm run build', 'FROM node', 'COPY --from=builder /app/dist ./dist', 'CMD [ "npm", "run", "start:prod" ]'].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/dist', m?.evidence.join('\n'));
    // The whole context copied: the tests are inputs, the root is the project folder.
    const whole = await inferMapping(memFs({ ...files, '/ws/Dockerfile': files['/ws/Dockerfile'].replace('COPY src ./src', 'COPY . .') }), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(whole?.target, '/dist/src', whole?.evidence.join('\n'));
  });

  test("tsc without rootDir or include, a build copying src and a folder of inputs beside it (db/seed.ts): the root the build sees is the project folder, so a start command naming the lower root's file (node dist/main.js) does not move it", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'x', dependencies: { '@nestjs/core': '10' }, scripts: { build: 'nest build' } }),
      '/ws/nest-cli.json': JSON.stringify({ sourceRoot: 'src' }),
      '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist' }, exclude: ['test'] }),
      '/ws/src/main.ts': '',
      '/ws/db/seed.ts': '',
      '/ws/tools/gen.ts': '',
      '/ws/Dockerfile': ['FROM node AS builder', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY src ./src', 'COPY db ./db', 'COPY tsconfig.json ./', 'RUN npm run build', 'FROM node', 'WORKDIR /app', 'COPY --from=builder /app/dist ./dist', 'CMD ["node", "dist/main.js"]'].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.target, '/app/dist/src', m?.evidence.join('\n'));
    // Only the folder the build does not copy (tools/) raising the root: the start command's lower root wins, as before.
    const uncopied = await inferMapping(memFs({ ...files, '/ws/Dockerfile': files['/ws/Dockerfile'].replace('COPY db ./db\n', '') }), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(uncopied?.target, '/app/dist', uncopied?.evidence.join('\n'));
  });

  test("tsc with an include naming folders beside src (benchmarks), a build copying only src: the start command's lower root wins too, the include's other folders not being in the build", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'x', dependencies: { '@nestjs/core': '10' }, scripts: { build: 'nest build', 'start:prod': 'node dist/main' } }),
      '/ws/nest-cli.json': JSON.stringify({ sourceRoot: 'src' }),
      '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist' }, include: ['src/**/*', 'benchmarks/*'] }),
      '/ws/src/main.ts': '',
      '/ws/benchmarks/keys.ts': '',
      '/ws/Dockerfile': ['FROM node AS builder', 'WORKDIR /app', 'COPY package*.json ./', 'COPY ./tsconfig*.json ./', 'COPY ./src ./src', 'RUN npm ci && npm run build', 'FROM node', 'WORKDIR /app', 'COPY --from=builder /app/dist ./dist', 'CMD [ "npm", "run", "start:prod" ]'].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    const whole = await inferMapping(memFs({ ...files, '/ws/Dockerfile': files['/ws/Dockerfile'].replace('COPY ./src ./src', 'COPY . .') }), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(whole?.target, '/app/dist/src', whole?.evidence.join('\n'));
  });

  test("a RUN at the workspace root running the server package's bundling script through a filter (pnpm --filter @x/api run build:node): bundled, the one file it writes copied on", async () => {
    const files = {
      '/ws/pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
      '/ws/package.json': JSON.stringify({ name: 'root', private: true }),
      '/ws/packages/api/package.json': JSON.stringify({
        name: '@x/api',
        dependencies: { hono: '4' },
        scripts: { build: 'pnpm run build:worker', 'build:worker': 'esbuild --bundle src/index.worker.ts --outfile=dist-worker/_worker.js', 'build:node': 'esbuild --bundle src/index.node.ts --platform=node --outfile=dist-node/index.cjs' },
      }),
      '/ws/packages/api/src/index.node.ts': '',
      '/ws/packages/api/src/index.worker.ts': '',
      '/ws/packages/web/package.json': JSON.stringify({ name: '@x/web', dependencies: { vite: '5' } }),
      '/ws/Dockerfile': ['FROM node AS builder', 'WORKDIR /app', 'COPY . .', 'RUN pnpm --filter @x/web run build && pnpm --filter @x/api run build:node', 'FROM node', 'WORKDIR /app', 'COPY --from=builder /app/packages/api/dist-node/index.cjs ./index.cjs', 'CMD ["node", "index.cjs"]'].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/packages/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
  });

  test('a front-end root package (no workspaces) whose image starts a file of a server package below it (node app/api/dist/main): that package is the build\'s project', async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'desktop', dependencies: { react: '18', 'electron-store': '8' }, devDependencies: { vite: '5' }, scripts: { 'build:api': 'yarn --cwd app/api build' } }),
      '/ws/app/api/package.json': JSON.stringify({ name: 'api', dependencies: { '@nestjs/core': '10' }, scripts: { build: 'nest build' } }),
      '/ws/app/api/nest-cli.json': JSON.stringify({ sourceRoot: 'src' }),
      '/ws/app/api/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist', rootDir: './src' } }),
      '/ws/app/api/src/main.ts': '',
      '/ws/Dockerfile': ['FROM node AS build', 'WORKDIR /usr/src/app', 'COPY . .', 'RUN yarn build:api', 'FROM node', 'WORKDIR /usr/src/app', 'COPY --from=build /usr/src/app/app/api/dist ./app/api/dist', 'ENTRYPOINT ["node", "app/api/dist/main"]'].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/app/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/usr/src/app/app/api/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false, m?.evidence.join('\n'));
  });

  test('one build of several packages, a stage per service: the package the stage starts (its CMD, or the compose command) through a root script, a front end too, not the server built beside it', async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - api\n  - app\n',
      '/ws/package.json': JSON.stringify({ name: 'root', scripts: { 'start-app': 'pnpm --filter=app start', 'app-dev': 'pnpm --filter=app run dev', 'start-api': 'pnpm --filter=api start' } }),
      '/ws/api/package.json': JSON.stringify({ name: '@x/api', dependencies: { express: '4' }, scripts: { build: 'tsc' } }),
      '/ws/api/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
      '/ws/api/src/index.ts': '',
      '/ws/app/package.json': JSON.stringify({ name: '@x/app', dependencies: { react: '18' }, devDependencies: { vite: '5' }, scripts: { build: 'vite build', start: 'vite preview' } }),
      '/ws/app/src/main.tsx': '',
      '/ws/Dockerfile': [
        'FROM node:22 AS builder',
        'WORKDIR /usr/src',
        'COPY . .',
        'RUN pnpm install && pnpm turbo build --filter=@x/api --filter=@x/app',
        'FROM node:22-slim AS api',
        'WORKDIR /usr/src',
        'COPY --from=builder /usr/src .',
        'CMD ["pnpm", "run", "start-api"]',
        'FROM node:22-slim AS app',
        'WORKDIR /usr/src',
        'COPY --from=builder /usr/src .',
        'CMD ["pnpm", "run", "start-app"]',
        'FROM node:22-slim AS dev',
        'WORKDIR /usr/src',
        'COPY --from=builder /usr/src .',
      ].join('\n'),
    });
    const build = (target: string): ServiceSpec['build'] => ({ context: '/ws', dockerfile: '/ws/Dockerfile', target });
    const app = await inferMapping(fs, spec({}, build('app')));
    assert.equal(app?.sourceRoot, '/ws/app/src', app?.evidence.join('\n'));
    assert.ok(app?.evidence.includes('the image starts workspace package app, one of those the build selects'), app?.evidence.join('\n'));
    assert.equal((await inferMapping(fs, spec({}, build('api'))))?.sourceRoot, '/ws/api/src');
    const dev: ServiceSpec = { ...spec({}, build('dev')), config: { command: ['pnpm', 'run', 'app-dev'], environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: {}, labels: {} } };
    assert.equal((await inferMapping(fs, dev))?.sourceRoot, '/ws/app/src');
  });

  test('the whole workspace copied (a server package among it), one front end built and the file the image runs in its folder (node ./web/build/index.js): that front end is the service, not the server beside it', async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['cms', 'web'] }),
      '/ws/cms/package.json': JSON.stringify({ name: '@x/cms', dependencies: { koa: '2' }, scripts: { build: 'tsc', start: 'node dist/server.js' } }),
      '/ws/cms/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
      '/ws/cms/src/server.ts': '',
      '/ws/web/package.json': JSON.stringify({ name: '@x/web', devDependencies: { '@sveltejs/kit': '2', '@sveltejs/adapter-node': '5', vite: '6' }, scripts: { build: 'vite build' } }),
      '/ws/web/src/routes/api/ping/+server.ts': '',
      '/ws/Dockerfile': ['FROM node:22', 'WORKDIR /opt', 'COPY package.json yarn.lock ./', 'COPY cms cms', 'COPY web web', 'RUN yarn install', 'RUN yarn workspace @x/web build', 'CMD node ./web/build/index.js'].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.ok(m?.sourceRoot.startsWith('/ws/web'), m?.evidence.join('\n'));
    assert.ok(m?.evidence.includes('the image starts workspace package web, one of those the build selects'), m?.evidence.join('\n'));
  });

  test("the development stage runs one front end's dev server by its workspace name (yarn workspace @x/web dev), the production stage builds it: the front end is the service, not the server copied beside it", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['cms', 'web'] }),
      '/ws/cms/package.json': JSON.stringify({ name: '@x/cms', dependencies: { koa: '2' }, scripts: { build: 'tsc', start: 'node dist/server.js' } }),
      '/ws/cms/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
      '/ws/cms/src/server.ts': '',
      '/ws/web/package.json': JSON.stringify({ name: '@x/web', devDependencies: { '@sveltejs/kit': '2', '@sveltejs/adapter-node': '5', vite: '6' }, scripts: { dev: 'vite dev', build: 'vite build' } }),
      '/ws/web/src/routes/api/ping/+server.ts': '',
      '/ws/Dockerfile': [
        'FROM node:22 AS base',
        'WORKDIR /opt',
        'COPY package.json yarn.lock ./',
        'COPY cms cms',
        'COPY web web',
        'RUN yarn install',
        'FROM base AS development',
        'CMD yarn workspace @x/web dev --host',
        'FROM base AS production',
        'RUN yarn workspace @x/web build',
        'CMD node ./web/build/index.js',
      ].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile', target: 'development' }));
    assert.ok(m?.sourceRoot.startsWith('/ws/web'), m?.evidence.join('\n'));
  });

  test('a pruned workspace named by a build arg whose output a build script gathers: ${PKG} in RUN reads the arg, and the started file places the output', async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - svc\n  - lib\n',
      '/ws/package.json': JSON.stringify({ name: 'root', private: true }),
      '/ws/svc/package.json': JSON.stringify({ name: '@x/svc', main: 'out/src/main.js', dependencies: { koa: '2' }, scripts: { build: 'tsc' } }),
      '/ws/svc/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: '.', outDir: 'out' }, include: ['src'] }),
      '/ws/svc/src/main.ts': '',
      '/ws/lib/package.json': JSON.stringify({ name: '@x/lib', dependencies: { koa: '2' } }),
      '/ws/Dockerfile': [
        'FROM node:22 AS base',
        'ARG PKG',
        'ENV PKG=${PKG}',
        'FROM base AS prune',
        'WORKDIR /w',
        'COPY . .',
        'RUN npx turbo prune ${PKG} --docker',
        'FROM base AS build',
        'WORKDIR /w',
        'COPY --from=prune /w/out/full/ .',
        "RUN pnpm install && pnpm turbo run build --filter=$PKG && echo '${PKG}'",
        'RUN sh gather.sh . dist-all',
        'FROM node:22-slim',
        'ARG RUN_DIR',
        'WORKDIR /srv',
        'COPY --from=build /w/dist-all .',
        'WORKDIR /srv/${RUN_DIR}',
        'CMD ["node", "main.js"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile', args: { PKG: '@x/svc', RUN_DIR: 'svc/out/src' } }));
    assert.equal(m?.sourceRoot, '/ws/svc/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/svc/out/src', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
    assert.ok(m?.evidence.includes('target /srv/svc/out/src: the image starts /srv/svc/out/src/main.js, the output of svc/src/main.ts'), m?.evidence.join('\n'));
  });

  test("a worker package built in a pruned workspace (turbo prune --docker, then COPY --from of out/full): the package whose output the image starts is found through the prune's copy", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*', 'packages/*'] }),
      '/ws/apps/poller/package.json': JSON.stringify({ name: 'poller', dependencies: { '@x/db': 'workspace:*' }, devDependencies: { tsup: '8' }, scripts: { build: 'tsup' } }),
      '/ws/apps/poller/tsup.config.ts': "export default { entryPoints: ['src/run.ts'], format: ['cjs'] };\n",
      '/ws/apps/poller/src/run.ts': '',
      '/ws/packages/db/package.json': JSON.stringify({ name: '@x/db' }),
      '/ws/packages/db/src/index.ts': '',
      '/ws/apps/poller/Dockerfile': [
        'FROM node:22-alpine AS base',
        'FROM base AS pruner', 'WORKDIR /w', 'COPY . .', 'RUN npx turbo prune poller --docker',
        'FROM base AS builder', 'WORKDIR /w', 'COPY --from=pruner /w/out/json/ .', 'RUN npm ci', 'COPY --from=pruner /w/out/full/ .', 'RUN npx turbo run build',
        'FROM base', 'WORKDIR /w', 'COPY --from=builder /w/apps/poller/dist/ /w/apps/poller/dist/', 'COPY --from=builder /w/apps/poller/package.json ./apps/poller/package.json',
        'WORKDIR /w/apps/poller', 'CMD ["node", "dist/run.js"]',
      ].join('\n'),
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/apps/poller/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/poller/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/w/apps/poller/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.some((e) => e.includes('RUN turbo prune poller --docker (. -> /w/out/full)') || e.includes('RUN npx turbo prune poller --docker (. -> /w/out/full)')), m?.evidence.join('\n'));
  });

  test('packages copied one by one, the build run in one of them: of the server packages copied, the one the image starts in (not a library using hono too)', async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - packages/*\n',
      '/ws/package.json': JSON.stringify({ name: 'root' }),
      '/ws/packages/libs/package.json': JSON.stringify({ name: '@x/libs', dependencies: { hono: '4' }, scripts: { build: 'tsc' } }),
      '/ws/packages/libs/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
      '/ws/packages/libs/src/index.ts': '',
      '/ws/apps/api/package.json': JSON.stringify({ name: '@x/api', dependencies: { hono: '4' }, scripts: { build: 'esbuild src/index.ts --bundle --platform=node --outdir=dist' } }),
      '/ws/apps/api/src/index.ts': '',
      '/ws/Dockerfile': [
        'FROM node AS builder', 'WORKDIR /app', 'COPY package.json pnpm-workspace.yaml ./', 'COPY packages/libs/package.json ./packages/libs/', 'COPY apps/api/package.json ./apps/api/',
        'RUN pnpm install', 'COPY packages/libs ./packages/libs', 'COPY apps/api ./apps/api', 'WORKDIR /app/apps/api', 'RUN pnpm run build',
        'FROM node AS deps', 'WORKDIR /app', 'COPY package.json pnpm-workspace.yaml ./', 'COPY packages/libs/package.json ./packages/libs/', 'COPY apps/api/package.json ./apps/api/', 'RUN pnpm install --prod',
        'FROM node AS runtime', 'WORKDIR /app', 'COPY --from=deps /app ./', 'COPY --from=builder /app/apps/api/dist ./apps/api/dist', 'WORKDIR /app/apps/api', 'CMD ["node", "dist/index.js"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/apps/api/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test("a workspace copied whole, no build selected: the final WORKDIR's package is the service's", async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
      '/ws/package.json': JSON.stringify({ name: 'root' }),
      '/ws/apps/shots/package.json': JSON.stringify({ name: 'shots', dependencies: { hono: '4' }, scripts: { start: 'bun run src/index.ts' } }),
      '/ws/apps/shots/src/index.ts': '',
      '/ws/apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { hono: '4' } }),
      '/ws/Dockerfile': ['FROM oven/bun', 'WORKDIR /app', 'COPY . .', 'RUN pnpm install', 'WORKDIR /app/apps/shots', 'CMD ["bun", "start"]'].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/shots/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/apps/shots/src', m?.evidence.join('\n'));
  });

  test('a server compiled into one executable by a RUN (deno compile --output app), only that file copied on: bundled, where the file lands', async () => {
    const fs = memFs({
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
      '/ws/package.json': JSON.stringify({ name: 'root' }),
      '/ws/apps/api/package.json': JSON.stringify({ name: '@x/api', dependencies: { hono: '4' }, scripts: { start: 'deno run -A src/serve.ts' } }),
      '/ws/apps/api/src/serve.ts': '',
      '/ws/Dockerfile': [
        'FROM node AS install',
        'WORKDIR /app/',
        'RUN pnpm install --prod --filter=@x/api...',
        'FROM denoland/deno AS build',
        'WORKDIR /app/apps/api',
        'COPY --link "." "/app/"',
        'RUN <<EOF',
        'deno bundle --output src/_serve.bundle.mjs src/serve.ts',
        'deno compile -A --output app src/_serve.bundle.mjs',
        'EOF',
        'FROM busybox AS runtime',
        'COPY --from=build --link "/app/apps/api/app" "/bin/"',
        'ENTRYPOINT ["/bin/app"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/bin', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    assert.match(m?.evidence.join('\n') ?? '', /deno compile into apps\/api\/app/);
  });
});

suite('mapping infer: deno tasks', () => {
  test("a RUN of `deno task compile` runs the deno.jsonc task (comments allowed): its deno compile makes the one executable copied on, bundled", async () => {
    const fs = memFs({
      '/ws/deno.jsonc': '{\n  // tasks\n  "tasks": {\n    "dev": "deno run --watch src/main.ts",\n    "compile": "deno compile --include ./src/lib/x.ts --output companion --allow-net src/main.ts",\n  },\n  "imports": { "hono": "jsr:@hono/hono@4" }\n}',
      '/ws/src/main.ts': "import { Hono } from 'hono';",
      '/ws/Dockerfile': [
        'FROM denoland/deno AS builder',
        'WORKDIR /app',
        'COPY deno.jsonc ./',
        'COPY ./src/ ./src/',
        'RUN --mount=type=cache,target=/deno-dir deno task compile',
        'FROM gcr.io/distroless/cc',
        'WORKDIR /app',
        'COPY --from=builder /app/companion ./',
        'ENTRYPOINT ["/app/companion"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });
});

suite('mapping infer: output named by the start script, images built from another Dockerfile', () => {
  const repo = {
    '/ws/package.json': JSON.stringify({ dependencies: { koa: '2' }, scripts: { build: 'node ./build.js', start: 'node ./build/server/index.js' } }),
    '/ws/tsconfig.json': '{"compilerOptions":{"noEmit":true,"paths":{"@server/*":["./server/*"]}}}',
    '/ws/server/index.ts': '',
    '/ws/server/routes/api.ts': '',
    '/ws/app/index.tsx': '',
  };

  test('no outDir anywhere (swc run by a script): the start script runs build/server/index.js, the output of server/index.ts', async () => {
    const fs = memFs({ ...repo, '/ws/Dockerfile.base': 'FROM node\nWORKDIR /opt/app\nCOPY . .\nRUN yarn build\n' });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile.base' }));
    assert.equal(m?.sourceRoot, '/ws/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/opt/app/build/server');
    assert.equal(m?.bundled, false);
    assert.equal(m && mapSourceFile(m, '/ws/server/routes/api.ts'), '/opt/app/build/server/routes/api.js');
  });

  test("a package built by babel <dir> --out-dir <out> (tsc only checks: the root tsconfig says noEmit) has that dir's output in <out>, whatever the tsconfig's outDir and paths", async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      '/ws/tsconfig.json': '{"compilerOptions":{"noEmit":true,"baseUrl":"./packages","paths":{"@acme/common/*":["common/src/*"],"@acme/api/*":["api/src/*"]}}}',
      '/ws/packages/api/package.json': JSON.stringify({ name: '@acme/api', main: 'dist/index.js', dependencies: { express: '4' }, scripts: { build: 'tsc && babel src --out-dir dist --extensions ".ts" --source-maps inline', start: 'node ./dist/' } }),
      '/ws/packages/api/tsconfig.json': '{"extends":"../../tsconfig.json","include":["./src/**/*"],"compilerOptions":{"outDir":"dist"}}',
      '/ws/packages/api/src/index.ts': "import { x } from '@acme/common/x';\n",
      '/ws/packages/api/src/routes/users.ts': '',
      '/ws/packages/common/src/x.ts': '',
      '/ws/packages/api/Dockerfile': 'FROM node:20 AS build\nWORKDIR /app\nCOPY packages/api/ ./packages/api\nCOPY packages/common/ ./packages/common\nCOPY package.json tsconfig.json ./\nRUN yarn workspace @acme/api build\nFROM node:20\nWORKDIR /app\nCOPY --from=build /app/packages/ packages/\nCMD ["node", "packages/api/dist"]\n',
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/packages/api/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/packages/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/packages/api/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
    assert.equal(m && mapSourceFile(m, '/ws/packages/api/src/routes/users.ts'), '/app/packages/api/dist/routes/users.js');
  });

  test("a package's folder copied into an image that builds nothing, with no local build output, holds the sources (a dev image run by ts-node), not the tsconfig's outDir", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ private: true }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
      '/ws/packages/server/package.json': JSON.stringify({ name: '@acme/server', dependencies: { express: '4' }, scripts: { dev: 'nodemon', start: 'node index.js' } }),
      '/ws/packages/server/tsconfig.json': '{"compilerOptions":{"rootDir":"./src","outDir":"./dist"},"include":["src/**/*.ts"]}',
      '/ws/packages/server/src/index.ts': '',
      '/ws/docker/dev.Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY ./packages/server/ ./packages/server/\nCOPY ./package.json ./pnpm-workspace.yaml ./\nRUN npm i -g pnpm && pnpm install\nWORKDIR /app/packages/server\n',
      '/ws/docker/prod.Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY ./packages/server/dist ./packages/server/dist\nCOPY ./package.json ./\nRUN npm i -g pnpm && pnpm install\n',
    };
    const dev = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/docker/dev.Dockerfile' }));
    assert.equal(dev?.sourceRoot, '/ws/packages/server/src', dev?.evidence.join('\n'));
    assert.equal(dev?.target, '/app/packages/server/src', dev?.evidence.join('\n'));
    // A COPY naming the output itself stands: the output is built before docker build.
    const prod = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/docker/prod.Dockerfile' }));
    assert.equal(prod?.target, '/app/packages/server/dist', prod?.evidence.join('\n'));
  });

  test("a workspace whose Dockerfile builds one front-end package (pnpm --filter web exec vite build) and serves its dist from a static server: that package's bundle, not the workspace root as is", async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ private: true, scripts: { 'build:web': 'pnpm --filter @acme/web build' } }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
      '/ws/packages/server/package.json': JSON.stringify({ name: '@acme/server', dependencies: { express: '4' } }),
      '/ws/packages/server/src/index.ts': "import express from 'express';\nconst app = express();\napp.get('/api', h);\n",
      '/ws/packages/types/package.json': JSON.stringify({ name: '@acme/types', scripts: { build: 'tsc' } }),
      '/ws/packages/web/package.json': JSON.stringify({ name: '@acme/web', type: 'module', scripts: { build: 'vite build' }, dependencies: { vue: '3' }, devDependencies: { vite: '6' } }),
      '/ws/packages/web/vite.config.ts': '',
      '/ws/packages/web/src/main.ts': '',
      '/ws/packages/web/Dockerfile':
        'FROM node:22-alpine AS build-stage\nWORKDIR /app\nCOPY . .\nRUN npm i -g pnpm && pnpm install && pnpm --filter="@acme/types" exec pnpm build && pnpm --filter="@acme/web" exec pnpm vite build\nFROM caddy:latest\nWORKDIR /app\nCOPY ./packages/web/Caddyfile ./Caddyfile\nCOPY --from=build-stage /app/packages/web/dist ./dist\nCOPY --from=build-stage /app/packages/web/inject-env.sh .\nRUN chmod +x /app/inject-env.sh\n',
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/packages/web/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/packages/web/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test('FROM ${BASE_IMAGE} with only a WORKDIR, copied from later: the base image is taken as this context built at that WORKDIR', async () => {
    const dockerfile = [
      'ARG APP_PATH=/opt/app',
      'ARG BASE_IMAGE=org/app-base',
      'FROM ${BASE_IMAGE} AS base',
      'ARG APP_PATH',
      'WORKDIR $APP_PATH',
      'FROM node:22-slim AS runner',
      'ARG APP_PATH',
      'WORKDIR $APP_PATH',
      'COPY --from=base $APP_PATH/build ./build',
      'COPY --from=base $APP_PATH/server ./server',
      'CMD ["node", "build/server/index.js"]',
    ].join('\n');
    const m = await inferMapping(memFs({ ...repo, '/ws/Dockerfile': dockerfile }), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/opt/app/build/server', m?.evidence.join('\n'));
    assert.match(m?.evidence.join('\n') ?? '', /FROM the image org\/app-base, assumed built from this context at its WORKDIR \/opt\/app/);
    // An external image the final stage copies nothing of ours from places nothing.
    const tools = 'FROM golang AS tools\nWORKDIR /go\nFROM node\nCOPY --from=tools /go/bin/x /usr/bin/x\n';
    assert.equal((await inferMapping(memFs({ ...repo, '/ws/Dockerfile': tools }), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' })))?.target, undefined);
  });

  test('a server bundled by a build script from an entry below one folder (esbuild api/index.ts --outfile=dist-api/index.js, a vite front end in src/): that folder is the source, the outfile\'s folder the target', async () => {
    const files = {
      '/ws/package.json': JSON.stringify({
        scripts: { build: 'pnpm build:web && pnpm build:server', 'build:web': 'vite build', 'build:server': 'esbuild api/index.ts --bundle --platform=node --outfile=dist-api/index.js', start: 'node dist-api/index.js' },
        dependencies: { hono: '4', react: '19' },
        devDependencies: { vite: '8', esbuild: '0.27' },
      }),
      '/ws/tsconfig.json': '{"compilerOptions":{"noEmit":true},"include":["src/**/*","api/**/*"]}',
      '/ws/src/main.tsx': '',
      '/ws/api/index.ts': '',
      '/ws/Dockerfile': 'FROM node:20 AS builder\nWORKDIR /app\nCOPY . .\nRUN pnpm run build\nFROM node:20\nWORKDIR /app\nCOPY --from=builder /app/dist-api ./dist-api\nCOPY --from=builder /app/dist ./dist\nCMD ["node", "dist-api/index.js"]\n',
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/api', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist-api', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });
});

suite('mapping infer: a tsconfig that emits declarations only', () => {
  const API = {
    '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
    '/ws/package.json': '{"name":"root"}',
    '/ws/apps/api/package.json': JSON.stringify({
      name: '@x/api',
      dependencies: { hono: '4' },
      scripts: { 'build:api': 'esbuild src/index.ts --bundle --platform=node --format=cjs --outfile=dist/index.cjs', 'build:types': 'tsc -p tsconfig.build.json', 'db:migrate': 'drizzle-kit migrate' },
    }),
    '/ws/apps/api/tsconfig.json': '{"compilerOptions":{"rootDir":"./src"},"include":["src"]}',
    '/ws/apps/api/tsconfig.build.json': '{"extends":"./tsconfig.json","compilerOptions":{"outDir":"./dist/types","emitDeclarationOnly":true,"declaration":true},"include":["src/index.ts"]}',
    '/ws/apps/api/src/index.ts': '',
    '/ws/deploy/api.Dockerfile': [
      'FROM node AS build',
      'WORKDIR /repo',
      'COPY . .',
      'WORKDIR /repo/apps/api',
      'RUN pnpm run build:api',
      'FROM node AS migration',
      'WORKDIR /repo',
      'COPY --from=build /repo .',
      'WORKDIR /repo/apps/api',
      'CMD ["pnpm", "db:migrate"]',
      'FROM node AS runner',
      'WORKDIR /api',
      'COPY --from=build /repo/apps/api/dist/index.cjs .',
      'CMD ["node", "index.cjs"]',
    ].join('\n'),
  };
  const build = (target?: string): ServiceSpec['build'] => ({ context: '/ws', dockerfile: '/ws/deploy/api.Dockerfile', ...(target !== undefined ? { target } : {}) });

  test('a stage holding the whole built tree holds the bundle where the bundler writes it, not the types folder', async () => {
    const m = await inferMapping(memFs(API), spec({}, build('migration')));
    assert.equal(m?.sourceRoot, '/ws/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/repo/apps/api/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });
  test('the stage that copies the bundle alone keeps its mapping', async () => {
    const m = await inferMapping(memFs(API), spec({}, build()));
    assert.equal(m?.target, '/api', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });
  test('tsc compiling the code with one config and the types with another: the code config places the files', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ dependencies: { express: '4' }, scripts: { build: 'tsc', 'build:types': 'tsc -p tsconfig.types.json' } }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/backend/tsconfig.types.json': '{"extends":"./tsconfig.json","compilerOptions":{"outDir":"dist/types","emitDeclarationOnly":true}}',
      '/ws/backend/src/main.ts': '',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    assert.equal(m?.buildOutDir, '/ws/backend/dist');
    assert.ok(m);
    assert.equal(mapSourceFile(m, '/ws/backend/src/main.ts'), '/app/dist/main.js');
  });
  test('a build script running tsc --emitDeclarationOnly names no config of the code: the next build script does', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ dependencies: { express: '4' }, scripts: { 'build:types': 'tsc --emitDeclarationOnly -p tsconfig.types.json', build: 'tsc -p tsconfig.app.json' } }),
      '/ws/backend/tsconfig.app.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/backend/tsconfig.types.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist/types"}}',
      '/ws/backend/src/main.ts': '',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    assert.ok(m?.evidence.includes('tsconfig tsconfig.app.json (named by package.json\'s build script)'), m?.evidence.join('\n'));
  });

  test('a type-check run (tsc --noEmit) in the build names no config of the code: the tsc -p after it does', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ dependencies: { express: '4' }, scripts: { build: 'npm run check && tsc -p tsconfig.build.json', check: 'tsc --noEmit && tsx scripts/spec.ts' } }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./dist","noEmit":true},"include":["src","scripts"]}',
      '/ws/backend/tsconfig.build.json': '{"extends":"./tsconfig.json","compilerOptions":{"rootDir":"./src","noEmit":false},"include":["src"]}',
      '/ws/backend/src/main.ts': '',
      '/ws/backend/scripts/spec.ts': '',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/main.ts'), '/app/dist/main.js');
  });

  test("the image's build running plain tsc compiles with tsconfig.json, though another build script names a package's config (tsc -p packages/sdk/tsconfig.json) the image never runs", async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({
        dependencies: { '@nestjs/core': '11' },
        scripts: { build: 'npm run build:sdk && npm run build:main', 'build:sdk': 'tsc -p packages/sdk/tsconfig.json && rollup -c', 'build:main': 'rimraf lib && tsc', start: 'node lib/server' },
      }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./lib"},"include":["src"]}',
      '/ws/backend/packages/sdk/tsconfig.json': '{"compilerOptions":{"outDir":"lib"},"include":["../../src/api"]}',
      '/ws/backend/src/server.ts': '',
      '/ws/backend/src/api/index.ts': '',
      '/ws/backend/Dockerfile': 'FROM node:24-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\nRUN npm run build:main\nCMD ["npm","start"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/app/lib', m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/server.ts'), '/app/lib/server.js');
  });

  test('an include that names a folder holding no source (test/ of JSON only) adds no input: the common root is the other folder', async () => {
    const files = {
      '/ws/backend/package.json': '{"dependencies":{"fastify":"4"},"scripts":{"build":"tsc -p tsconfig.json"}}',
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"./dist"},"include":["src","test"]}',
      '/ws/backend/src/main.ts': '',
      '/ws/backend/src/routes/users.ts': '',
      '/ws/backend/test/jest.json': '{}',
      '/ws/backend/Dockerfile': MULTI_STAGE,
    };
    const m = await inferMapping(memFs(files), spec());
    assert.equal(m?.buildOutDir, '/ws/backend/dist', m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/main.ts'), '/app/dist/main.js');
    // A test folder that holds a source is an input: the common root is the project folder.
    const withTest = await inferMapping(memFs({ ...files, '/ws/backend/test/app.test.ts': '' }), spec());
    assert.equal(withTest?.buildOutDir, '/ws/backend/dist/src', withTest?.evidence.join('\n'));
  });

  test("a sub-folder's package copied file by file into the WORKDIR is what the image builds, not the root package beside it", async () => {
    const fs = memFs({
      '/ws/package.json': '{"dependencies":{"express":"4"},"scripts":{"build":"tsc -p server/tsconfig.json"}}',
      '/ws/server/tsconfig.json': '{"compilerOptions":{"outDir":"./dist","rootDir":"../"}}',
      '/ws/server/src/server.ts': '',
      '/ws/worker/package.json': '{"dependencies":{"playwright":"1"},"scripts":{"build":"tsc"}}',
      '/ws/worker/tsconfig.json': '{"compilerOptions":{"outDir":"./dist","rootDir":"./"},"include":["main.ts"]}',
      '/ws/worker/main.ts': '',
      '/ws/worker/Dockerfile': [
        'FROM node:22 AS builder',
        'WORKDIR /app',
        'COPY worker/package*.json ./',
        'RUN npm install',
        'COPY worker/main.ts ./',
        'COPY worker/tsconfig.json ./',
        'RUN npm run build',
        'FROM node:22-slim',
        'WORKDIR /app',
        'COPY worker/package*.json ./',
        'RUN npm install --omit=dev',
        'COPY --from=builder /app/dist ./dist',
        'CMD ["node", "dist/main.js"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/worker/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/worker', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/worker/main.ts'), '/app/dist/main.js');
  });

  test("a tsconfig including its own src and shared folders above it (rootDir ../): its own src is the source root, not the config's folder (whose config/ is copied, not compiled)", async () => {
    const fs = memFs({
      '/ws/package.json': '{"dependencies":{"express":"4"},"scripts":{"build":"tsc -p server/tsconfig.json","start":"node server/dist/server/src/index.js"}}',
      '/ws/server/tsconfig.json': '{"compilerOptions":{"outDir":"./dist","rootDir":"../"},"include":["src/**/*","../shared/**/*"]}',
      '/ws/server/src/index.ts': '',
      '/ws/server/config/config.json': '{}',
      '/ws/shared/constants.ts': '',
      '/ws/Dockerfile': [
        'FROM node:22 AS builder',
        'WORKDIR /app',
        'COPY package.json ./',
        'COPY server ./server',
        'COPY shared ./shared',
        'RUN npm install && npm run build',
        'FROM node:22-slim',
        'WORKDIR /app',
        'COPY --from=builder /app/server ./server',
        'CMD ["npm", "start"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/server/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/server/dist/server/src', m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/server/src/index.ts'), '/app/server/dist/server/src/index.js');
    assert.equal(m && mapSourceFile(m, '/ws/server/config/config.json'), undefined);
  });

  test('a package folder copied whole into the WORKDIR (COPY ./service ./) is what the image runs: that folder maps to the WORKDIR, not the context around it', async () => {
    const fs = memFs({
      '/ws/README.md': '',
      '/ws/installer.sh': '',
      '/ws/service/package.json': '{"name":"svc","main":"index.js","dependencies":{"some-server-lib":"1"}}',
      '/ws/service/index.js': "const { Server } = require('some-server-lib');\nnew Server().start();\n",
      '/ws/Dockerfile': 'FROM node:20 AS build\nWORKDIR /app\nCOPY ./service ./\nRUN npm install --production\nFROM node:20-slim\nWORKDIR /app\nCOPY --from=build /app /app\nCMD ["node", "index.js"]\n',
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/service', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/service/index.js'), '/app/index.js');
    assert.equal(m && mapSourceFile(m, '/ws/README.md'), undefined);
  });
});

suite('mapping infer: what the container runs decides', () => {
  test('a start command running a source file as copied (node server/bin/prod.js) maps that folder as-is, though the build bundles a front end with webpack', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ dependencies: { express: '4' }, devDependencies: { webpack: '5' }, scripts: { build: 'webpack', start: 'webpack-dev-server' } }),
      '/ws/backend/webpack.config.js': "module.exports = { entry: './app/main.js', output: { path: require('path').resolve(__dirname, 'dist') } };",
      '/ws/backend/app/main.js': '',
      '/ws/backend/server/bin/prod.js': "require('../routes');",
      '/ws/backend/server/routes.js': '',
      '/ws/backend/Dockerfile': [
        'FROM node AS builder',
        'WORKDIR /app',
        'COPY . /app',
        'RUN npm ci && npm run build',
        'FROM node',
        'WORKDIR /app',
        'COPY package*.json ./',
        'COPY server server',
        'COPY --from=builder /app/dist dist',
        'CMD ["node", "server/bin/prod.js"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/server', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
    assert.equal(m && mapSourceFile(m, '/ws/backend/server/routes.js'), '/app/server/routes.js');
  });

  test("a package whose start script runs a root JavaScript file (node app.js, its code in ./lib) is that source run as copied, though the image's own start is not read: the front end its webpack build bundles into public/ does not bundle the server", async () => {
    const files = (appText: string) =>
      memFs({
        '/ws/backend/package.json': JSON.stringify({ main: 'app.js', dependencies: { express: '4' }, devDependencies: { webpack: '4' }, scripts: { build: 'webpack --config webpack.prod.js', start: 'node app.js' } }),
        '/ws/backend/webpack.common.js': "module.exports = { entry: { index: ['./public/js/index.js'] } };",
        '/ws/backend/webpack.prod.js': "const common = require('./webpack.common.js');\nmodule.exports = merge(common, { output: { path: path.join(__dirname, 'public/build') } });",
        '/ws/backend/app.js': appText,
        '/ws/backend/lib/routes.js': '',
        '/ws/backend/public/js/index.js': '',
        '/ws/backend/deploy/entrypoint.sh': '#!/bin/sh\nnode app.js\n',
        // The start script is made by a RUN (not followed): package.json's start script says what runs.
        '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /srv/app\nCOPY . .\nRUN npm ci && npm run build && cp ./deploy/entrypoint.sh ./\nENTRYPOINT ["/srv/app/entrypoint.sh"]\n',
      });
    const m = await inferMapping(files("const routes = require('./lib/routes');"), spec());
    assert.equal(m?.sourceRoot, '/ws/backend', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/app', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false, m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/backend/lib/routes.js'), '/srv/app/lib/routes.js');
    // A root file that loads the bundle (require('./public/build/server')) starts the bundle: bundled.
    const launcher = await inferMapping(files("require('./public/build/server');"), spec());
    assert.equal(launcher?.bundled, true, launcher?.evidence.join('\n'));
  });

  test('a source folder the image holds twice (COPY src . and a later COPY --from of a stage that copied it too) maps where the image starts it (node main.js in the WORKDIR), not the last copy', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ main: 'index.js', dependencies: { express: '4' } }),
      '/ws/backend/src/main.js': "require('./knex');",
      '/ws/backend/src/knex.js': '',
      '/ws/backend/Dockerfile': [
        'FROM node AS build',
        'WORKDIR /repo',
        'COPY src ./svc/',
        'RUN npm ci',
        'FROM node',
        'WORKDIR /repo/svc/',
        'COPY src .',
        'COPY --from=build /repo/svc ./svc',
        'ENTRYPOINT ["tini", "--", "/nodejs/bin/node", "main.js"]',
      ].join('\n'),
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/repo/svc', m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/knex.js'), '/repo/svc/knex.js');
  });

  test('a context of packages side by side, no workspace, copied whole: the package its entrypoint script cds into and starts (cd packages/backend && yarn start) is the server, its started source where the copy puts it', async () => {
    const fs = memFs({
      '/ws/packages/backend/package.json': JSON.stringify({ type: 'module', dependencies: { express: '4' }, scripts: { start: 'node --loader ./alias-loader.mjs src/server.js' } }),
      '/ws/packages/backend/alias-loader.mjs': '',
      '/ws/packages/backend/src/server.js': "import app from './app.js';",
      '/ws/packages/backend/src/app.js': '',
      '/ws/packages/web/package.json': JSON.stringify({ dependencies: { react: '18' }, devDependencies: { vite: '5' }, scripts: { build: 'vite build' } }),
      '/ws/packages/web/src/main.jsx': '',
      '/ws/docker/entrypoint.sh': '#!/bin/sh\nset -e\ncd packages/backend\nif [ -n "$WORKER" ]; then\n  yarn start:worker\nelse\n  yarn db:migrate\n  yarn start\nfi\n',
      '/ws/docker/Dockerfile': 'FROM node:22-alpine\nWORKDIR /srv\nCOPY . /srv\nRUN cd packages/web && yarn && yarn build\nRUN cd packages/backend && yarn --production\nCOPY ./docker/entrypoint.sh /entrypoint.sh\nENTRYPOINT ["sh", "/entrypoint.sh"]\n',
    });
    const m = await inferMapping(fs, spec({}, { context: '/ws', dockerfile: '/ws/docker/Dockerfile' }));
    assert.equal(m?.sourceRoot, '/ws/packages/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/packages/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test('a start command running TypeScript with a runner (bun --hot src/index.ts) maps the source as-is, not the build script\'s bundle', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ dependencies: { hono: '4' }, scripts: { build: 'bun build src/index.ts --outdir=./dist' } }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"strict":true}}',
      '/ws/backend/src/index.ts': '',
      '/ws/backend/src/routes/users.ts': '',
      '/ws/backend/Dockerfile': 'FROM oven/bun\nWORKDIR /app\nCOPY package.json ./\nRUN bun install\nCOPY . .\nCMD ["bun", "--hot", "src/index.ts"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/src', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/routes/users.ts'), '/app/src/routes/users.ts');
  });

  test('every file runner of the one list starts the source as-is (esr, node-dev, sucrase-node: mapping/runners.ts), whatever the build script bundles', async () => {
    for (const runner of ['esr', 'node-dev', 'sucrase-node']) {
      const fs = memFs({
        '/ws/backend/package.json': JSON.stringify({ dependencies: { express: '4' }, scripts: { build: 'esbuild src/index.ts --bundle --platform=node --outdir=dist' } }),
        '/ws/backend/tsconfig.json': '{"compilerOptions":{"strict":true}}',
        '/ws/backend/src/index.ts': '',
        '/ws/backend/src/routes/users.ts': '',
        '/ws/backend/Dockerfile': `FROM node\nWORKDIR /app\nCOPY . .\nRUN npm run build\nCMD ["/usr/local/bin/${runner}", "src/index.ts"]\n`,
      });
      const m = await inferMapping(fs, spec());
      assert.equal(m?.bundled, false, `${runner}: ${m?.evidence.join('\n')}`);
      assert.equal(m && mapSourceFile(m, '/ws/backend/src/routes/users.ts'), '/app/src/routes/users.ts', runner);
    }
  });

  test('a started JavaScript file in the build output (node dist/index.js after COPY . . and a build) is not the source, even when a local build left it in the workspace', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ dependencies: { express: '4' }, scripts: { build: 'tsc' } }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"dist"},"include":["src"]}',
      '/ws/backend/src/index.ts': '',
      '/ws/backend/dist/index.js': '',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm run build\nCMD ["node", "dist/index.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
    assert.equal(m && mapSourceFile(m, '/ws/backend/src/index.ts'), '/app/dist/index.js');
  });
  test("a front end's tsconfig (include frontend/) beside a plain JavaScript backend the image starts as copied says nothing of the server: that backend folder, where its COPY puts it", async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ dependencies: { express: '4', react: '18' }, scripts: { build: 'webpack' } }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"jsx":"react-jsx"},"include":["frontend/**/*"],"exclude":["backend"]}',
      '/ws/backend/frontend/index.tsx': '',
      '/ws/backend/backend/app.js': "const tasks = require('./modules/tasks');\n",
      '/ws/backend/backend/modules/tasks/routes.js': '',
      '/ws/backend/Dockerfile': 'FROM node AS builder\nWORKDIR /app\nCOPY . ./\nRUN npm run build\nFROM node\nWORKDIR /app\nCOPY ./backend/ /app/backend/\nCOPY --from=builder /app/dist ./backend/dist\nWORKDIR /app/backend\nCMD ["node", "app.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/backend', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/backend', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test('a start script copied from a build stage to / (COPY --from=build /src/docker-entrypoint /) is followed to the context file: the server folder it execs, copied from that stage, not the client tsconfig the build runs', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ private: true }),
      '/ws/backend/client/package.json': JSON.stringify({ dependencies: { react: '18' }, scripts: { build: 'tsc && vite build' } }),
      '/ws/backend/client/tsconfig.json': '{"compilerOptions":{"noEmit":true},"include":["src"]}',
      '/ws/backend/client/src/main.tsx': '',
      '/ws/backend/server/package.json': JSON.stringify({ type: 'module', dependencies: { express: '4' } }),
      '/ws/backend/server/server.js': "import makeApp from './app.js';\n",
      '/ws/backend/server/app.js': '',
      '/ws/backend/docker-entrypoint': '#!/bin/bash\nset -e\nexec node /usr/app/server.js $@\n',
      '/ws/backend/Dockerfile': 'FROM node AS build\nWORKDIR /src\nCOPY . .\nRUN npm run build --prefix client && cp -r client/build/* server/public\nFROM node AS bundle\nWORKDIR /usr/app\nCOPY --from=build /src/docker-entrypoint /\nCOPY --from=build /src/server .\nENTRYPOINT ["/docker-entrypoint"]\nWORKDIR /var/lib/data\n',
    });
    const m = await inferMapping(fs, spec());
    assert.ok(m?.evidence.some((e) => e.includes('its start script docker-entrypoint runs')), m?.evidence.join('\n'));
    assert.equal(m?.sourceRoot, '/ws/backend/server', m?.evidence.join('\n'));
    assert.equal(m?.target, '/usr/app', m?.evidence.join('\n'));
  });

  test('a server.js at the top of the project, copied file by file with its folders beside a front end in src/: the project folder, at the folder the image has server.js in; a top-level file loading src/ keeps src', async () => {
    const dockerfile = (start: string) => `FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCOPY --from=build /app/services ./services\nCOPY --from=build /app/src ./src\nCOPY --from=build /app/${start} ./${start}\nCMD ["node", "${start}"]\n`;
    const files = {
      '/ws/backend/package.json': JSON.stringify({ dependencies: { express: '4', vue: '3' }, devDependencies: { vite: '5' }, scripts: { build: 'vite build', start: 'node server' } }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"noEmit":true,"allowJs":true},"include":["src/**/*.js","src/**/*.vue"]}',
      '/ws/backend/src/main.js': '',
      '/ws/backend/services/app.js': '',
      '/ws/backend/server.js': "const app = require('./services/app');\n",
      '/ws/backend/app.js': "import('./src/main.js').then((app) => app.default());\n",
    };
    const served = await inferMapping(memFs({ ...files, '/ws/backend/Dockerfile': dockerfile('server.js') }), spec());
    assert.equal(served?.sourceRoot, '/ws/backend', served?.evidence.join('\n'));
    assert.equal(served?.target, '/app', served?.evidence.join('\n'));
    assert.equal(served?.bundled, false);
    const loadsSrc = await inferMapping(memFs({ ...files, '/ws/backend/Dockerfile': dockerfile('app.js') }), spec());
    assert.equal(loadsSrc?.sourceRoot, '/ws/backend/src', loadsSrc?.evidence.join('\n'));
    assert.equal(loadsSrc?.target, '/app/src', loadsSrc?.evidence.join('\n'));
  });
});

suite('mapping infer: a server compiled into one executable', () => {
  test('bun build --compile --outfile server, run through a package script (bun run build:bin), the file copied on by name: bundled, the folder it lands in', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ dependencies: { hono: '4' }, scripts: { build: 'bun build src/index.ts --outdir=./dist', 'build:bin': 'bun build --compile --minify src/index.ts --outfile server' } }),
      '/ws/backend/src/index.ts': '',
      '/ws/backend/Dockerfile': 'FROM oven/bun AS builder\nWORKDIR /app\nCOPY . .\nRUN bun run build:bin\nFROM alpine\nWORKDIR /app\nCOPY --from=builder /app/server ./server\nCMD ["./server"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });

  test('of two one-file bundles RUNs write, the one the start command runs is the server (the later one bundles an agent beside it)', async () => {
    const dockerfile = (cmd: string) =>
      `FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN npx esbuild src/index.ts --bundle --platform=node --outfile=out/server/index.mjs\nRUN npx esbuild agent/main.ts --bundle --platform=node --outfile=out/agent/index.mjs\nFROM node\nWORKDIR /app\nCOPY --from=build /app/out ./out\nCMD ${cmd}\n`;
    const files = { '/ws/backend/package.json': JSON.stringify({ dependencies: { express: '4' } }), '/ws/backend/src/index.ts': '', '/ws/backend/agent/main.ts': '' };
    const server = await inferMapping(memFs({ ...files, '/ws/backend/Dockerfile': dockerfile('["node", "out/server/index.mjs"]') }), spec());
    assert.equal(server?.target, '/app/out/server', server?.evidence.join('\n'));
    assert.equal(server?.bundled, true);
    const agent = await inferMapping(memFs({ ...files, '/ws/backend/Dockerfile': dockerfile('["node", "out/agent/index.mjs"]') }), spec());
    assert.equal(agent?.target, '/app/out/agent', agent?.evidence.join('\n'));
  });

  test("a bundle a RUN writes in a stage the service's build target does not build is not that target's (a dev stage running the source)", async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ dependencies: { express: '4' }, scripts: { dev: 'nodemon' } }),
      '/ws/backend/src/index.ts': '',
      '/ws/backend/Dockerfile': 'FROM node AS dev\nWORKDIR /app\nCOPY . .\nCMD ["npm", "run", "dev"]\nFROM node AS build\nWORKDIR /app\nCOPY . .\nRUN npx esbuild src/index.ts --bundle --platform=node --outfile=out/index.mjs\nFROM node AS production\nWORKDIR /app\nCOPY --from=build /app/out ./out\nCMD ["node", "out/index.mjs"]\n',
    });
    const dev = await inferMapping(fs, spec({}, { context: '/ws/backend', dockerfile: '/ws/backend/Dockerfile', target: 'dev' }));
    assert.equal(dev?.bundled, false, dev?.evidence.join('\n'));
    assert.notEqual(dev?.target, '/app/out', dev?.evidence.join('\n'));
    const production = await inferMapping(fs, spec({}, { context: '/ws/backend', dockerfile: '/ws/backend/Dockerfile', target: 'production' }));
    assert.equal(production?.target, '/app/out', production?.evidence.join('\n'));
    assert.equal(production?.bundled, true);
  });

  test('pkg -o bin/api, the executable copied into a folder (COPY --from=build /srv/bin/api /usr/local/bin/): it lands inside that folder', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ dependencies: { express: '4' } }),
      '/ws/backend/src/server.js': '',
      '/ws/backend/Dockerfile': 'FROM node AS build\nWORKDIR /srv\nCOPY . .\nRUN npm ci && npx pkg src/server.js --targets node18-linux-x64 -o bin/api\nFROM debian\nCOPY --from=build /srv/bin/api /usr/local/bin/\nCMD ["api"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/usr/local/bin', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    assert.match(m?.evidence.join('\n') ?? '', /bundled: pkg into bin/);
  });
});

suite("mapping infer: the tsconfig the image's build runs, where it runs", () => {
  const workspace = (dockerfile: string) =>
    memFs({
      '/ws/package.json': JSON.stringify({ name: 'root', private: true }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
      '/ws/apps/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '4' }, scripts: { build: 'tsc -p tsconfig.lib.json', 'build:docker': 'tsc -p tsconfig.docker.json' } }),
      '/ws/apps/api/tsconfig.lib.json': '{"compilerOptions":{"outDir":"lib"},"include":["src"]}',
      '/ws/apps/api/tsconfig.docker.json': '{"compilerOptions":{"outDir":"out"},"include":["src"]}',
      '/ws/apps/api/src/main.ts': '',
      '/ws/Dockerfile': dockerfile,
    });
  const ws = { context: '/ws', dockerfile: '/ws/Dockerfile' };

  test('a package script run through a filter (pnpm --filter api build:docker) compiles with the config that script names, not the first build script\'s', async () => {
    const m = await inferMapping(workspace('FROM node\nWORKDIR /app\nCOPY . .\nRUN pnpm install && pnpm --filter api build:docker\nCMD ["node", "apps/api/out/main.js"]\n'), spec({}, ws));
    assert.equal(m?.target, '/app/apps/api/out', m?.evidence.join('\n'));
  });

  test('tsc run in the package\'s folder (WORKDIR, then cd) names the config from there', async () => {
    const m = await inferMapping(workspace('FROM node\nWORKDIR /app\nCOPY . .\nWORKDIR /app/apps\nRUN pnpm install && cd api && npx tsc -p tsconfig.docker.json\nCMD ["node", "api/out/main.js"]\n'), spec({}, ws));
    assert.equal(m?.target, '/app/apps/api/out', m?.evidence.join('\n'));
  });

  test('npm --prefix apps/api run build:docker runs that package\'s script in its folder', async () => {
    const m = await inferMapping(workspace('FROM node\nWORKDIR /app\nCOPY . .\nRUN npm --prefix apps/api run build:docker\nCMD ["node", "apps/api/out/main.js"]\n'), spec({}, ws));
    assert.equal(m?.target, '/app/apps/api/out', m?.evidence.join('\n'));
  });
});

suite('mapping infer: a front end served by a script of its own', () => {
  test('a package that bundles for the browser (esbuild --bundle) and is served by its own server.js is its bundle, not that script', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ name: 'dashboard', scripts: { build: 'esbuild src/main.ts --bundle --outdir=dist' }, devDependencies: { esbuild: '*' } }),
      '/ws/backend/src/main.ts': '',
      '/ws/backend/server.js': '',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /srv\nCOPY server.js ./\nCOPY dist ./dist\nCMD ["node", "server.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.target, '/srv/dist', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });
});

suite('mapping infer: start commands, RUN copies and build scripts the Dockerfile runs', () => {
  const pkg = (deps: Record<string, string>, scripts: Record<string, string> = {}) => JSON.stringify({ dependencies: deps, scripts });

  test('a start script that cds into a folder and runs a file there (cd api && node server.js) runs that folder as copied, not the front end in src', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4', vite: '5' }, { build: 'vite build', start: 'cd api && node server.js' }),
      '/ws/backend/api/server.js': "require('./routes');\n",
      '/ws/backend/src/main.jsx': '',
      '/ws/backend/Dockerfile': 'FROM node AS builder\nWORKDIR /app\nCOPY ./ ./\nRUN npm run build\nFROM node\nWORKDIR /app\nCOPY --from=builder /app .\nCOPY entry.sh /entry.sh\nCMD ["/entry.sh"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/api', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/api');
    assert.equal(m?.bundled, false);
  });

  test('the build output gathered by cp --parents into a folder a FROM scratch stage copies is followed', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ '@nestjs/core': '10' }, { build: 'tsc -p tsconfig.json' }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/backend/src/main.ts': '',
      '/ws/backend/Dockerfile': 'FROM node AS build\nSHELL ["/bin/bash", "-c"]\nADD . /repo\nWORKDIR /repo\nRUN npm run build\nRUN cp -r --parents ./{dist,package.json} /slim/app\nFROM scratch\nWORKDIR /srv\nCOPY --from=build /slim ./\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/app/dist');
    assert.equal(m?.buildOutDir, '/ws/backend/dist');
  });

  test("a build CLI run with a configuration file of the project naming one outfile bundles the server there (the project's own bundler)", async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ '@nestjs/core': '11' }, { build: 'rm -rf dist && NODE_ENV=production acme build -c acme.config.ts', start: 'node dist/app.js' }),
      '/ws/backend/acme.config.ts': "import path from 'node:path';\nexport default defineConfig({ build: { outfile: path.resolve(import.meta.dirname, 'dist/app.js') }, entry: () => import('./src/main.js') });\n",
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"allowJs":true},"include":["src/**/*","acme.config.ts"]}',
      '/ws/backend/src/main.ts': '',
      '/ws/backend/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node\nWORKDIR /app\nCOPY --from=build /app/dist/ /app/dist/\nCMD ["node", "./dist/app.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist');
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: acme in acme.config.ts (its "build" script runs it)'), m?.evidence.join('\n'));
  });

  test('a script file a RUN of the Dockerfile runs (RUN node bundle.mjs, in its WORKDIR) that calls a bundler API bundles the server', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4' }),
      '/ws/backend/tools/bundle.mjs': "import * as esbuild from 'esbuild';\nawait esbuild.build({ entryPoints: ['../src/main.ts'], bundle: true, platform: 'node', outdir: '../out' });\n",
      '/ws/backend/src/main.ts': '',
      '/ws/backend/Dockerfile': 'FROM node AS build\nWORKDIR /app\nCOPY . .\nWORKDIR /app/tools\nRUN npm ci && node bundle.mjs\nFROM node\nWORKDIR /srv\nCOPY --from=build /app/out ./out\nCMD ["node", "out/main.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/out');
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: esbuild in tools/bundle.mjs (a RUN at Dockerfile line 5 runs it)'), m?.evidence.join('\n'));
  });

  test('a script a RUN or a package script runs from outside the build context is never read', async () => {
    const files = {
      '/ws/backend/package.json': pkg({ express: '4' }, { build: 'node ../../outside/build.mjs' }),
      '/ws/backend/src/main.ts': '',
      '/outside/bundle.mjs': "import * as esbuild from 'esbuild';\nawait esbuild.build({ entryPoints: ['/ws/backend/src/main.ts'], bundle: true, outdir: '/ws/backend/out' });\n",
      '/outside/build.mjs': "import * as esbuild from 'esbuild';\nawait esbuild.build({ entryPoints: ['/ws/backend/src/main.ts'], bundle: true, outdir: '/ws/backend/out' });\n",
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /app\nCOPY . .\nRUN node ../../outside/bundle.mjs && npm run build\nCMD ["node", "out/main.js"]\n',
    };
    const inner = memFs(files);
    const read: string[] = [];
    const fs = { ...inner, readFile: (p: string) => (read.push(p), inner.readFile(p)) };
    const m = await inferMapping(fs, spec());
    assert.deepEqual(read.filter((p) => p.startsWith('/outside')), []);
    assert.notEqual(m?.bundled, true, m?.evidence.join('\n'));
  });

  test('ncc build run by a RUN without -o writes its default dist: the bundle copied from there is where the server lands', async () => {
    const fs = memFs({
      '/ws/backend/package.json': pkg({ express: '4' }, { start: 'ts-node-dev src/index.ts' }),
      '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src"}}',
      '/ws/backend/src/index.ts': '',
      '/ws/backend/Dockerfile': 'FROM node AS builder\nWORKDIR /app/\nCOPY . .\nRUN npm i && npm i @vercel/ncc -g && ncc build -m src/index.ts\nFROM node\nWORKDIR /app/\nCOPY --from=builder /app/dist /app/\nCMD ["node", "/app/index.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app');
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes('bundled: ncc build into dist (a RUN at Dockerfile line 4)'), m?.evidence.join('\n'));
  });

  test('a RUN that cds into a workspace package and builds there (cd apps/api && yarn tsc) selects that package', async () => {
    const fs = memFs({
      '/ws/backend/package.json': JSON.stringify({ private: true, workspaces: ['packages/*', 'apps/*'], scripts: { 'build:lib': 'babel packages -d lib' } }),
      '/ws/backend/packages/util/package.json': JSON.stringify({ name: '@acme/util', dependencies: { koa: '2' } }),
      '/ws/backend/packages/util/src/index.ts': '',
      '/ws/backend/apps/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { koa: '2' } }),
      '/ws/backend/apps/api/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"lib"},"include":["src"]}',
      '/ws/backend/apps/api/src/index.ts': '',
      '/ws/backend/Dockerfile': 'FROM node\nWORKDIR /repo\nADD ./ .\nRUN yarn install\nRUN yarn build:lib\nRUN cd apps/api && yarn tsc\nCMD ["node", "/repo/apps/api/lib/index.js"]\n',
    });
    const m = await inferMapping(fs, spec());
    assert.equal(m?.sourceRoot, '/ws/backend/apps/api/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/repo/apps/api/lib');
    assert.ok(m?.evidence.includes("the Dockerfile's build selects workspace package apps/api (package.json depends on koa)"), m?.evidence.join('\n'));
  });
});

suite('mapping infer: servers a Vite plugin builds (TanStack Start, Nitro)', () => {
  const dockerfile = [
    'FROM node AS development',
    'WORKDIR /app',
    'COPY . .',
    'CMD ["npm", "run", "dev"]',
    'FROM node AS builder',
    'WORKDIR /app',
    'COPY . .',
    'RUN npm run build',
    'FROM node AS production',
    'WORKDIR /srv',
    'COPY --from=builder /app/.output ./.output',
    'CMD ["node", ".output/server/index.mjs"]',
  ].join('\n');
  const files = {
    '/ws/package.json': JSON.stringify({ dependencies: { hono: '4', '@tanstack/react-start': '1', react: '19' }, devDependencies: { vite: '7', nitro: '3' }, scripts: { dev: 'vite --port 3000', build: 'vite build' } }),
    '/ws/tsconfig.json': '{"include":["web/**/*","e2e/**/*"],"compilerOptions":{"noEmit":true}}',
    '/ws/vite.config.ts': "import { tanstackStart } from '@tanstack/react-start/plugin/vite';\nimport { nitro } from 'nitro/vite';\nexport default defineConfig({ plugins: [tanstackStart({ srcDirectory: 'web' }), nitro({ preset: 'node' })], build: { outDir: 'dist' } });\n",
    '/ws/web/server.ts': '',
    '/ws/web/api/app.ts': "import { Hono } from 'hono';\n",
    '/ws/src/unrelated.ts': '',
    '/ws/Dockerfile': dockerfile,
  };
  const build = (target: string) => ({ context: '/ws', dockerfile: '/ws/Dockerfile', target });

  test("the source root is TanStack Start's srcDirectory; Nitro's plugin bundles the server into .output/server, whatever Vite's build.outDir says", async () => {
    const m = await inferMapping(memFs(files), spec({}, build('production')));
    assert.equal(m?.sourceRoot, '/ws/web', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/.output/server', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes("bundle output .output/server (Nitro's default output.serverDir)"), m?.evidence.join('\n'));
    // A nitro.config output names the folder instead; without srcDirectory the plugin's default src.
    const configured = {
      ...files,
      '/ws/nitro.config.ts': "export default defineConfig({ output: { dir: '{{ rootDir }}/.out', serverDir: '{{ output.dir }}/srv' } });\n",
      '/ws/vite.config.ts': files['/ws/vite.config.ts'].replace("{ srcDirectory: 'web' }", ''),
      '/ws/Dockerfile': dockerfile.replace('/app/.output ./.output', '/app/.out ./.out').replace('.output/server/index.mjs', '.out/srv/index.mjs'),
    };
    const c = await inferMapping(memFs(configured), spec({}, build('production')));
    assert.equal(c?.sourceRoot, '/ws/src', c?.evidence.join('\n'));
    assert.equal(c?.target, '/srv/.out/srv', c?.evidence.join('\n'));
  });

  test('an image whose start runs a dev server (npm run dev -> vite) holds the source as copied: not a bundle, names unchanged', async () => {
    const m = await inferMapping(memFs(files), spec({}, build('development')));
    assert.equal(m?.sourceRoot, '/ws/web', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/web', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
    assert.deepEqual(m?.rewrites, {});
    // `vite build` then `vite preview` is no dev server.
    const preview = { ...files, '/ws/package.json': files['/ws/package.json'].replace('vite --port 3000', 'vite preview') };
    assert.equal((await inferMapping(memFs(preview), spec({}, build('development'))))?.bundled, true);
  });
});

suite('inferMapping: a source folder copied file by file', () => {
  test('only the files the Dockerfile copies are expected in the image (COPY server.js ./): the Dockerfile and the rest of the folder are not; the .dockerignore still applies', async () => {
    const files = {
      '/ws/api/server.js': "require('./lib/db');\nrequire('http').createServer((q, s) => s.end()).listen(3000);\n",
      '/ws/api/lib/db.js': 'module.exports = {};\n',
      '/ws/api/lib/db.test.js': 'test();\n',
      '/ws/api/README.md': '# api\n',
      '/ws/api/.dockerignore': '**/*.test.js\n',
      '/ws/api/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY server.js ./\nCOPY lib/ ./lib/\nCMD ["node", "server.js"]\n',
    };
    const m = await inferMapping(memFs(files), spec({}, { context: '/ws/api', dockerfile: '/ws/api/Dockerfile' }));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
    const ignored = compileDockerignore(m?.dockerignore?.patterns ?? []);
    const expected = Object.keys(files).map((f) => f.slice('/ws/api/'.length)).filter((f) => !ignored(f));
    assert.deepEqual(expected, ['server.js', 'lib/db.js']);
    assert.ok(m?.evidence.includes('only what the Dockerfile copies is expected in the image: server.js, lib'), m?.evidence.join('\n'));
    // The whole folder copied: every file is expected but what .dockerignore leaves out.
    const whole = await inferMapping(memFs({ ...files, '/ws/api/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n' }), spec({}, { context: '/ws/api', dockerfile: '/ws/api/Dockerfile' }));
    assert.deepEqual(whole?.dockerignore?.patterns, ['**/*.test.js']);
  });

  test("a monorepo's file copied on its own to a folder of another name and started there (COPY tools/relay/main.mjs /opt/relay-run/main.mjs): its own folder, at the started file's folder; a folder above it copied whole keeps that folder", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'root', workspaces: ['tools/*'] }),
      '/ws/tools/relay/main.mjs': "import http from 'node:http';\nhttp.createServer((q, s) => s.end()).listen(8080);\n",
      '/ws/tools/relay/tidy.mjs': 'export {};\n',
      '/ws/tools/relay/Dockerfile': 'FROM node:22\nCOPY tools/relay/tidy.mjs /tmp/tidy.mjs\nCOPY tools/relay/main.mjs /opt/relay-run/main.mjs\nCMD ["node", "/opt/relay-run/main.mjs"]\n',
    };
    const alone = await inferMapping(memFs(files), spec({}, { context: '/ws', dockerfile: '/ws/tools/relay/Dockerfile' }));
    assert.deepEqual([alone?.sourceRoot, alone?.target], ['/ws/tools/relay', '/opt/relay-run'], alone?.evidence.join('\n'));
    const whole = { ...files, '/ws/tools/relay/Dockerfile': 'FROM node:22\nCOPY tools /opt/tools\nCMD ["node", "/opt/tools/relay/main.mjs"]\n' };
    const m = await inferMapping(memFs(whole), spec({}, { context: '/ws', dockerfile: '/ws/tools/relay/Dockerfile' }));
    assert.deepEqual([m?.sourceRoot, m?.target], ['/ws/tools', '/opt/tools'], m?.evidence.join('\n'));
  });
});

suite('inferMapping: a root file the image starts, launching the src folder', () => {
  const files = {
    '/ws/backend/package.json': JSON.stringify({ type: 'module', main: 'index.js', dependencies: { koa: '2' } }),
    '/ws/backend/Dockerfile': 'FROM node:18\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nCMD ["node", "api.js"]\n',
    '/ws/backend/api.js': "import Koa from 'koa';\nimport { router } from './src/routes.js';\nimport { metrics } from './src/middleware.js';\nnew Koa().use(metrics).use(router.routes()).listen(8011);\n",
    '/ws/backend/src/routes.js': "import Router from 'koa-router';\nexport const router = new Router();\nrouter.get('/health', h);\n",
    '/ws/backend/src/middleware.js': 'export const metrics = async (ctx, next) => next();\n',
  };

  test('a root file loading only modules of src (node api.js importing ./src/routes.js) maps src, at its place in the image', async () => {
    const m = await inferMapping(memFs(files), spec());
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/src', m?.evidence.join('\n'));
  });

  test('one also loading a file beside it, or another folder, keeps the project folder', async () => {
    const beside = { ...files, '/ws/backend/api.js': `import { config } from './config.js';\n${files['/ws/backend/api.js']}`, '/ws/backend/config.js': '' };
    assert.equal((await inferMapping(memFs(beside), spec()))?.sourceRoot, '/ws/backend');
    const lib = { ...files, '/ws/backend/api.js': `import { db } from './lib/db.js';\n${files['/ws/backend/api.js']}`, '/ws/backend/lib/db.js': '' };
    assert.equal((await inferMapping(memFs(lib), spec()))?.sourceRoot, '/ws/backend');
  });

  test('one declaring routes itself (app.post on a literal path) beside helpers it loads from src keeps the project folder: it is the server', async () => {
    const server = {
      ...files,
      '/ws/backend/package.json': JSON.stringify({ type: 'module', scripts: { start: 'node api.js' }, dependencies: { express: '4' } }),
      '/ws/backend/api.js': "import express from 'express';\nimport * as store from './src/store.js';\nconst app = express();\n// app.get('/old', h) was here\napp.post('/api/notes', async (q, s) => s.json(await store.add(q.body)));\napp.listen(8011);\n",
      '/ws/backend/src/store.js': 'export const add = async (n) => n;\n',
    };
    const m = await inferMapping(memFs(server), spec());
    assert.deepEqual([m?.sourceRoot, m?.target], ['/ws/backend', '/app'], m?.evidence.join('\n'));
    // Its only route in a comment: a launcher of src as before.
    const commented = { ...server, '/ws/backend/api.js': "import express from 'express';\nimport { routes } from './src/store.js';\n// app.get('/api/notes', h)\nexpress().use(routes).listen(8011);\n" };
    assert.equal((await inferMapping(memFs(commented), spec()))?.sourceRoot, '/ws/backend/src');
  });
});

suite('mapping infer: Analog (Angular on Vite with Nitro)', () => {
  const files = {
    '/ws/package.json': JSON.stringify({ type: 'module', scripts: { build: 'ng build', start: 'node dist/analog/server/index.mjs' }, dependencies: { '@analogjs/platform': '1', '@angular/core': '19' }, devDependencies: { vite: '6' } }),
    '/ws/tsconfig.json': '{"compilerOptions":{"outDir":"./dist/out-tsc"}}',
    '/ws/angular.json': JSON.stringify({ projects: { shop: { architect: { build: { builder: '@analogjs/platform:vite', options: { outputPath: 'dist' } } } } } }),
    '/ws/vite.config.ts': "import analog from '@analogjs/platform';\nexport default defineConfig({ build: { outDir: 'dist' }, plugins: [analog({ nitro: { preset: 'node-server' } })] });\n",
    '/ws/src/main.server.ts': '',
    '/ws/src/app/app.component.ts': '',
    '/ws/src/server/routes/api/items.ts': 'export default defineEventHandler(() => []);\n',
    '/ws/boot.sh': '#!/bin/sh\nexec node ./dist/analog/server/index.mjs\n',
    '/ws/Dockerfile': ['FROM node AS builder', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'FROM node', 'WORKDIR /app', 'COPY --from=builder /app/dist ./dist', 'COPY --from=builder /app/boot.sh ./boot.sh', 'CMD ["./boot.sh"]'].join('\n'),
  };
  const build = { context: '/ws', dockerfile: '/ws/Dockerfile' };

  test("Analog's plugin bundles the server with Nitro into dist/analog/server, not Vite's or angular.json's output folder", async () => {
    const m = await inferMapping(memFs(files), spec({}, build));
    assert.equal(m?.target, '/app/dist/analog/server', m?.evidence.join('\n'));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
    assert.ok(m?.evidence.includes("bundle output dist/analog/server (Analog's default Nitro output)"), m?.evidence.join('\n'));
    // Analog names Nitro's srcDir itself (src/server): no warning that it is not known.
    assert.ok(!m?.evidence.some((e) => /srcDir is not named/.test(e)), m?.evidence.join('\n'));
  });

  test('a Vite config without Analog\'s plugin is not read as a Nitro build', async () => {
    const plain = { ...files, '/ws/vite.config.ts': "export default defineConfig({ build: { outDir: 'dist' } });\n" };
    const m = await inferMapping(memFs(plain), spec({}, build));
    assert.notEqual(m?.target, '/app/dist/analog/server', m?.evidence.join('\n'));
  });
});

suite('mapping infer: a single executable packed by a shell script the Dockerfile runs', () => {
  // The script names its output through variables: one assigned on the RUN line, one from its first argument.
  const pack = [
    '#!/bin/sh',
    'TARGET=${1:-all}',
    'BIN=${BINNAME:-tracker-linux-x64}',
    'rm -rf ./out/*',
    'npm run compile || exit 1',
    'cp -R ./public ./out/public',
    'cd out',
    'nexe -r "./**/*" -t linux-x64-14.0.0 --output $BIN || exit 1',
    'echo out/$BIN',
  ].join('\n');
  const files = {
    '/ws/package.json': JSON.stringify({ name: 'tracker', main: 'index.js', scripts: { start: 'node index.js', compile: 'babel index.js -d out && babel src -d out/src' }, dependencies: { express: '4' } }),
    '/ws/index.js': "const express = require('express');\nconst api = require('./src/api');\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\napp.use('/api', api);\napp.listen(8000);\n",
    '/ws/src/api.js': "module.exports = require('express').Router();\n",
    '/ws/pack.sh': pack,
    '/ws/Dockerfile': ['FROM node AS build', 'WORKDIR /home/node/app', 'COPY . .', 'RUN npm install -g nexe && BINNAME=tracker sh pack.sh linux', 'FROM debian', 'WORKDIR /home/node/app', 'ENTRYPOINT ["./tracker"]', 'COPY --from=0 /home/node/app/out/tracker /home/node/app/'].join('\n'),
  };
  const build = { context: '/ws', dockerfile: '/ws/Dockerfile' };

  test('the variables given on the RUN line and as arguments name the executable the script packs: the image holds that bundle', async () => {
    const m = await inferMapping(memFs(files), spec({}, build));
    assert.equal(m?.target, '/home/node/app', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
    assert.ok(m?.evidence.includes('bundled: nexe into out/tracker (a RUN at Dockerfile line 4)'), m?.evidence.join('\n'));
  });
});

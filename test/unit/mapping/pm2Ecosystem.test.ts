// An image started by pm2 from an ecosystem file (`pm2-runtime ecosystem.config.js`) runs the app
// that file declares; an Nx project built by its webpack config (Nx's inferred targets) writes where
// the config's output.path says.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { pm2AppCommand, pm2EcosystemFile } from '../../../src/core/dockerfile/pm2Ecosystem';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

suite('pm2 ecosystem files', () => {
  test('the file a pm2 start command names, with or without `start` and options; none for another program or a file pm2 cannot read', () => {
    assert.equal(pm2EcosystemFile(['pm2-runtime', 'ecosystem.config.js']), 'ecosystem.config.js');
    assert.equal(pm2EcosystemFile(['pm2', 'start', './procs.json', '--env', 'production']), './procs.json');
    assert.equal(pm2EcosystemFile(['/usr/local/bin/pm2-docker', '--no-daemon', 'apps.yml']), 'apps.yml');
    assert.equal(pm2EcosystemFile(['node', 'ecosystem.config.js']), undefined);
    assert.equal(pm2EcosystemFile(['pm2-runtime', 'start', 'run.sh']), undefined);
  });

  test("the one app's command: node before a script file, in its cwd, with its args; none for several apps, a script built at run time or a plain script given to pm2", () => {
    assert.equal(pm2AppCommand("module.exports = { apps: [{ name: 'api', script: './out/server.js', instances: 2 }] };"), 'node ./out/server.js');
    assert.equal(pm2AppCommand('{"apps":[{"name":"web","cwd":"services/web","script":"npm","args":"run serve"}]}'), 'cd services/web && npm run serve');
    assert.equal(pm2AppCommand("module.exports = { apps: [{ script: 'a.js' }, { script: 'b.js' }] };"), undefined);
    assert.equal(pm2AppCommand("module.exports = { apps: [{ script: `${process.env.ROOT}/main.js` }] };"), undefined);
    assert.equal(pm2AppCommand("const http = require('http');\nhttp.createServer().listen(3000);\n"), undefined);
  });

  test('a JSON file without apps is itself the app, or a list of them (pm2 reads `config.apps || config`); a script given to pm2 stays none', () => {
    assert.equal(pm2AppCommand('{ "name": "web", "script": "./dist/main.js", "instances": 4 }'), 'node ./dist/main.js');
    assert.equal(pm2AppCommand('[{ "name": "web", "cwd": "srv", "script": "main.js" }]'), 'cd srv && node main.js');
    assert.equal(pm2AppCommand('[{ "script": "a.js" }, { "script": "b.js" }]'), undefined);
    assert.equal(pm2AppCommand('{ "name": "web", "version": "1.0.0" }'), undefined);
    assert.equal(pm2AppCommand("module.exports = { name: 'web', script: './dist/main.js' };"), undefined);
  });
});

/** An Nx workspace (dependencies at its root) whose server project is built by its webpack config (no outputPath in project.json), its output copied into a runner started by pm2. */
const NX_WORKSPACE = {
  '/ws/package.json': JSON.stringify({ name: 'ws', private: true, scripts: { build: 'nx run-many -t build -p server' }, dependencies: { '@nestjs/core': '10' }, devDependencies: { nx: '20', '@nx/webpack': '20' } }),
  '/ws/nx.json': JSON.stringify({ plugins: [{ plugin: '@nx/webpack/plugin', options: { buildTargetName: 'build' } }] }),
  '/ws/apps/server/project.json': JSON.stringify({ name: 'server', sourceRoot: 'apps/server/src', projectType: 'application', targets: {} }),
  '/ws/apps/server/package.json': JSON.stringify({ name: 'server', version: '1.0.0' }),
  '/ws/apps/server/webpack.config.js': "const { join } = require('path');\nmodule.exports = { output: { path: join(__dirname, '../../build/server-out') } };\n",
  '/ws/apps/server/tsconfig.app.json': '{"compilerOptions":{"outDir":"../../build/tsc"}}',
  '/ws/apps/server/src/main.ts': '',
  '/ws/procs.config.js': "module.exports = { apps: [{ name: 'server', script: './srv/main.js' }] };\n",
  '/ws/Dockerfile': [
    'FROM node:22 AS build',
    'WORKDIR /w',
    'COPY . .',
    'RUN npm ci && npm run build',
    'FROM node:22-slim',
    'WORKDIR /w',
    'RUN npm i -g pm2',
    'COPY --from=build /w/build/server-out ./srv',
    'COPY procs.config.js package.json ./',
    'CMD ["pm2-runtime", "procs.config.js"]',
  ].join('\n'),
};

suite('mapping: pm2 and an Nx webpack build', () => {
  test("pm2-runtime starts the ecosystem file's app (./srv/main.js): the Nx project whose webpack output.path the image holds there, bundled", async () => {
    const m = await inferMapping(memFs(NX_WORKSPACE), buildSpec());
    assert.equal(m?.sourceRoot, '/ws/apps/server/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/w/srv', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true);
  });
});

/** A package bundled by a script file calling esbuild, reached from `build` through npm-run-all, on the host; the image copies the bundle and pm2 starts it from a JSON app file. */
const HOST_BUILT = {
  '/ws/package.json': JSON.stringify({ name: 'web', scripts: { build: 'run-s clean bundle:app', clean: 'rm -rf out', 'bundle:app': 'node ./bundle.js' }, dependencies: { express: '4' } }),
  '/ws/bundle.js': "require('esbuild').build({ entryPoints: ['src/main.ts'], bundle: true, platform: 'node', outfile: 'out/app.js' });\n",
  '/ws/src/main.ts': "import express from 'express';\nexpress().listen(3000);\n",
  '/ws/out/app.js': '',
  '/ws/procs.json': '{ "name": "web", "script": "./out/app.js", "instances": 2 }',
  '/ws/Dockerfile': ['FROM node:22-alpine', 'RUN npm i -g pm2', 'COPY out out', 'COPY procs.json .', 'ENTRYPOINT ["pm2-runtime"]', 'CMD ["procs.json"]'].join('\n'),
};

suite('mapping: a host-built bundle started by pm2 from a JSON app', () => {
  test("the app's script is the bundle the build script (through run-s) writes with esbuild: its source root, bundled, where the image copies it", async () => {
    const m = await inferMapping(memFs(HOST_BUILT), buildSpec());
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/out', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
  });
});

// A build script the Dockerfile runs (`RUN ./build.sh`) that builds each package in its folder and
// moves the one bundle file of each into a folder of its own, by paths written from a variable
// holding the folder it started in (`BASE=$(pwd)`): read as written moves, so the package the image
// starts and where its bundle lands are known.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const WEBPACK = "const path = require('path');\nmodule.exports = {\n  target: 'node',\n  entry: './src/main.ts',\n  output: { filename: 'app.js', path: path.resolve(__dirname, 'bundle') },\n};\n";

const BUILD = (base: string) =>
  `#!/bin/sh\nset -e\n${base}\nrm -rf release\necho "Build gateway..."\ncd "\${ROOT}/gateway"\nnpm run build\ncd "\${ROOT}/worker"\nnpm run build\ncd "\${ROOT}"\nmkdir release\nmkdir release/gateway\nmkdir release/worker\nmv "\${ROOT}/gateway/bundle/app.js" "\${ROOT}/release/gateway"\nmv "\${ROOT}/worker/bundle/app.js" "$ROOT/release/worker"\ncp -f "\${ROOT}/gateway/package.json" "\${ROOT}/release/gateway/package.json"\n`;

function files(base: string): Record<string, string> {
  const pkg = (name: string, framework: string) => JSON.stringify({ name, dependencies: { [framework]: '^2' }, devDependencies: { webpack: '^5' }, scripts: { build: 'webpack --config webpack.config.js' } });
  return {
    '/ws/package.json': JSON.stringify({ name: 'suite', scripts: { lint: 'eslint .' } }),
    '/ws/build.sh': BUILD(base),
    '/ws/gateway/package.json': pkg('gateway', 'koa'),
    '/ws/gateway/webpack.config.js': WEBPACK,
    '/ws/gateway/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist' }, include: ['src/**/*'] }),
    '/ws/gateway/src/main.ts': "import Koa from 'koa';\nnew Koa().listen(8080);\n",
    '/ws/worker/package.json': pkg('worker', 'koa'),
    '/ws/worker/webpack.config.js': WEBPACK,
    '/ws/worker/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist' }, include: ['src/**/*'] }),
    '/ws/worker/src/main.ts': "import Koa from 'koa';\nnew Koa().listen(9090);\n",
    '/ws/gateway.dockerfile': 'FROM node:lts-alpine AS builder\nWORKDIR /src\nCOPY . /src\nRUN chmod a+x ./build.sh && ./build.sh\n\nFROM node:lts-alpine\nWORKDIR /opt/suite/gateway\nCOPY --from=builder /src/release/gateway/ /opt/suite/gateway/\nRUN npm install --production\nCMD [ "app.js" ]\n',
    '/ws/worker.dockerfile': 'FROM node:lts-alpine AS builder\nWORKDIR /src\nCOPY . /src\nRUN ./build.sh\n\nFROM node:lts-alpine\nWORKDIR /opt/suite/worker\nCOPY --from=builder /src/release/worker/ /opt/suite/worker/\nCMD [ "node", "app.js" ]\n',
  };
}

const spec = (dockerfile: string): ServiceSpec => {
  const base = buildSpec();
  return { ...base, build: { context: '/ws', dockerfile: `/ws/${dockerfile}` } };
};

suite('a build script moving bundle files by paths from its starting folder', () => {
  for (const [name, base] of [
    ['$(pwd)', 'ROOT=$(pwd)'],
    ['`pwd`', 'ROOT=`pwd`'],
    ['"$PWD"', 'ROOT="$PWD"'],
  ] as const) {
    test(`ROOT=${name}: each image's package is the one whose bundle file it starts, the bundle at the folder the script moved it to`, async () => {
      for (const [dockerfile, pkg, target] of [
        ['gateway.dockerfile', 'gateway', '/opt/suite/gateway'],
        ['worker.dockerfile', 'worker', '/opt/suite/worker'],
      ] as const) {
        const m = await inferMapping(memFs(files(base)), spec(dockerfile));
        assert.deepEqual({ sourceRoot: m?.sourceRoot, target: m?.target, bundled: m?.bundled }, { sourceRoot: `/ws/${pkg}/src`, target, bundled: true }, m?.evidence.join('\n'));
      }
    });
  }

  test('a variable set after the script changes folder is not its starting folder: the moves stay unread', async () => {
    const m = await inferMapping(memFs(files('cd gateway\nROOT=$(pwd)')), spec('gateway.dockerfile'));
    assert.notDeepEqual({ sourceRoot: m?.sourceRoot, target: m?.target }, { sourceRoot: '/ws/gateway/src', target: '/opt/suite/gateway' }, m?.evidence.join('\n'));
  });

  test('a file moved to a path of no folder made before (a rename, not a move into a folder) is no bundle placed there', async () => {
    const fs = files('ROOT=$(pwd)');
    fs['/ws/build.sh'] = (fs['/ws/build.sh'] ?? '').replace('mkdir release/gateway\n', '');
    const m = await inferMapping(memFs(fs), spec('gateway.dockerfile'));
    assert.notDeepEqual({ sourceRoot: m?.sourceRoot, target: m?.target }, { sourceRoot: '/ws/gateway/src', target: '/opt/suite/gateway' }, m?.evidence.join('\n'));
  });
});

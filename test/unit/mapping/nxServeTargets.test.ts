// An image holding the whole Nx workspace and building nothing, whose service starts an Nx target
// that builds before it runs (`nx run ledger:serve:dev`, executor @nx/js:node): the build target
// that serve target names runs at start, and node runs its output from the workspace root. Which
// build target is the serve target's, not always the one called `build`. Fixtures of our own.
import assert from 'node:assert/strict';
import { nxStartedBuildTarget, nxStartedMain } from '../../../src/core/mapping/nxServeTarget';
import { serviceEntry } from '../../../src/core/gather/startedEntry';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { SourceMapping } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import type { ServiceSpec } from '../../../src/core/model';
import { assertMapping } from './assertMapping';
import { buildSpec } from '../helpers/buildSpec';

const webpackBuild = (main: string, outputPath: string) => ({ executor: '@nx/webpack:webpack', options: { target: 'node', main, outputPath, tsConfig: 'apps/ledger/tsconfig.app.json' } });
const nodeRun = (build: string) => ({ executor: '@nx/js:node', defaultConfiguration: 'dev', options: { buildTarget: `ledger:${build}` }, configurations: { dev: { buildTarget: `ledger:${build}:dev` } } });

const targets = {
  build: webpackBuild('apps/ledger/src/main.ts', 'dist/apps/ledger'),
  'build-worker': webpackBuild('apps/ledger/src/worker.ts', 'dist/apps/ledger-worker'),
  serve: nodeRun('build'),
  'serve-worker': nodeRun('build-worker'),
  lint: { executor: '@nx/eslint:lint' },
};

const files = {
  '/ws/package.json': JSON.stringify({ name: 'books', private: true, devDependencies: { nx: '19' } }),
  '/ws/nx.json': '{}',
  '/ws/pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n",
  '/ws/apps/ledger/package.json': JSON.stringify({ name: 'ledger', dependencies: { '@nestjs/core': '10' } }),
  '/ws/apps/ledger/project.json': JSON.stringify({ name: 'ledger', sourceRoot: 'apps/ledger/src', targets }),
  '/ws/apps/ledger/tsconfig.app.json': JSON.stringify({ compilerOptions: { outDir: '../../dist/out-tsc' }, include: ['src/**/*.ts'] }),
  '/ws/apps/ledger/src/main.ts': "import { NestFactory } from '@nestjs/core';\n",
  '/ws/apps/ledger/src/worker.ts': 'export {};\n',
  '/ws/docker/Dockerfile': 'FROM node:20\nWORKDIR /srv/books\nCOPY . .\nRUN pnpm install\nENTRYPOINT ["/entrypoint.sh"]\n',
};

const running = (command: string[]): ServiceSpec => ({ ...buildSpec('/ws/docker/Dockerfile'), config: { command } as ServiceSpec['config'] });

suite('mapping: a service starting an Nx target that builds, then runs the output', () => {
  test('nxStartedBuildTarget: the build target of the @nx/js:node target run, by its configuration, else its options', () => {
    assert.equal(nxStartedBuildTarget('/entrypoint.sh nx run --verbose ledger:serve-worker:dev', { targets }), 'build-worker');
    assert.equal(nxStartedBuildTarget('nx serve ledger --port 8000', { targets }), 'build');
    assert.equal(nxStartedBuildTarget('nx run ledger:serve', { targets: { serve: { executor: '@nrwl/node:execute', options: { buildTarget: 'ledger:compile' } } } }), 'compile');
  });

  test('nxStartedBuildTarget: nothing for a target that does not build and run (a linter, run-commands), nor for no Nx target', () => {
    assert.equal(nxStartedBuildTarget('nx run ledger:lint', { targets }), undefined);
    assert.equal(nxStartedBuildTarget('nx run ledger:serve', { targets: { serve: { executor: 'nx:run-commands', options: { command: 'node apps/ledger/src/main.js' } } } }), undefined);
    assert.equal(nxStartedBuildTarget('node dist/apps/ledger/main.js', { targets }), undefined);
  });

  test("nxStartedMain: the main of the build target the run target builds, from the workspace root; none for a target that does not build and run", () => {
    assert.equal(nxStartedMain('nx serve-worker ledger', { targets }), 'apps/ledger/src/worker.ts');
    assert.equal(nxStartedMain('node_modules/nx/bin/nx.js run ledger:serve', { targets }), 'apps/ledger/src/main.ts');
    assert.equal(nxStartedMain('nx run ledger:lint', { targets }), undefined);
  });

  test("the service's entry is the main of the Nx target its command runs, when no script file is named", async () => {
    const fs = memFs(files);
    const spec = running(['nx', 'run', 'ledger:serve-worker:dev']);
    const mapping = (await inferMapping(fs, spec)) as SourceMapping;
    const scanned = { files: ['/ws/apps/ledger/src/main.ts', '/ws/apps/ledger/src/worker.ts'], extracted: [] };
    assert.deepEqual(await serviceEntry(fs, spec, mapping, scanned), ['/ws/apps/ledger/src/worker.ts']);
    assert.deepEqual(await serviceEntry(fs, running(['nx', 'serve', 'ledger']), mapping, scanned), ['/ws/apps/ledger/src/main.ts']);
    assert.equal(await serviceEntry(fs, running(['nx', 'run', 'ledger:lint']), mapping, scanned), undefined);
  });

  test('`nx run ledger:serve:dev`: the bundle of the build target, in its outputPath below the workspace root in the image', async () => {
    await assertMapping(files, { sourceRoot: '/ws/apps/ledger/src', target: '/srv/books/dist/apps/ledger', bundled: true }, running(['nx', 'run', '--verbose', 'ledger:serve:dev']));
  });

  test('`nx run ledger:serve-worker:dev`: the output of the build target that serve target names, not of `build`', async () => {
    await assertMapping(files, { sourceRoot: '/ws/apps/ledger/src', target: '/srv/books/dist/apps/ledger-worker', bundled: true }, running(['nx', 'run', 'ledger:serve-worker:dev']));
  });
});

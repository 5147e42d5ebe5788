// A compose service whose `command:` or `entrypoint:` is not the image's start: a dev service
// running the TypeScript source over a built image (`npm run dev` = ts-node src/index.ts), or a
// worker running another entry of the same build. What the service runs decides the mapping.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { DeclaredConfig, ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const DOCKERFILE = 'FROM node:20\nWORKDIR /app\nCOPY . /app\nRUN npm ci && npm run build\nCMD ["node", "dist/index.js"]\n';

const files = (scripts: Record<string, string>, extra: Record<string, string> = {}) =>
  memFs({
    '/ws/package.json': JSON.stringify({ dependencies: { koa: '2' }, devDependencies: { typescript: '5', 'ts-node': '10', nodemon: '3' }, scripts: { build: 'tsc', start: 'node dist/index.js', ...scripts } }),
    '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist' }, include: ['src/**/*'] }),
    '/ws/src/index.ts': "import Koa from 'koa';\nnew Koa().listen(4000);\n",
    '/ws/src/worker.ts': 'setInterval(() => undefined, 1000);\n',
    '/ws/Dockerfile': DOCKERFILE,
    ...extra,
  });

const service = (config: Partial<DeclaredConfig>): ServiceSpec => ({ ...buildSpec(), config: { environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: {}, labels: {}, ...config } });

suite("a compose service's command in place of the image's start", () => {
  test('the image alone runs its build output', async () => {
    const m = await inferMapping(files({ dev: 'ts-node src/index.ts' }), buildSpec());
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
  });

  test('a command running the source through a package script (npm run dev = ts-node src/index.ts) maps the source as copied, not the build output', async () => {
    const m = await inferMapping(files({ dev: 'ts-node src/index.ts' }), service({ command: ['npm', 'run', 'dev'] }));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/src', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test('an entrypoint running the source replaces the image start too', async () => {
    const m = await inferMapping(files({}), service({ entrypoint: ['npx', 'tsx', 'watch', 'src/index.ts'] }));
    assert.equal(m?.target, '/app/src', m?.evidence.join('\n'));
  });

  test('a worker running another file of the same build output keeps the build output', async () => {
    const m = await inferMapping(files({}), service({ command: ['node', 'dist/worker.js'] }));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/dist', m?.evidence.join('\n'));
  });
});

suite('a package script running nodemon alone', () => {
  const NODEMON = JSON.stringify({ watch: ['src'], ext: 'ts', exec: 'ts-node ./src/index.ts' });

  test("runs its nodemon.json's exec: a dev command over the source maps the source as copied", async () => {
    const m = await inferMapping(files({ dev: 'nodemon' }, { '/ws/nodemon.json': NODEMON }), service({ command: ['yarn', 'dev'] }));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app/src', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test('runs the exec of the configuration file it names (--config)', async () => {
    const m = await inferMapping(files({ dev: 'nodemon --config nodemon.dev.json' }, { '/ws/nodemon.dev.json': NODEMON }), service({ command: ['npm', 'run', 'dev'] }));
    assert.equal(m?.target, '/app/src', m?.evidence.join('\n'));
  });
});

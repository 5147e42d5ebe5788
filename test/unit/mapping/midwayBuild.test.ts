import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const spec: ServiceSpec = {
  name: 'api',
  project: 'ws',
  projectDir: '/ws',
  composeFiles: ['/ws/compose.yaml'],
  ports: [],
  drift: {},
  build: { context: '/ws/backend', dockerfile: '/ws/backend/Dockerfile' },
};

// One stage: the whole project copied, built by Midway's CLI, started by egg-scripts from dist.
const DOCKERFILE = 'FROM node:lts-alpine\nWORKDIR /svc\nCOPY package.json /svc/package.json\nRUN npm install\nCOPY ./ /svc\nRUN npm run build\nCMD ["npm", "run", "start"]\n';

const project = (build: string): Record<string, string> => ({
  '/ws/backend/package.json': JSON.stringify({
    dependencies: { '@midwayjs/web': '^2.9.0', '@midwayjs/decorator': '^2.9.0', egg: '^2.29.3' },
    scripts: { build, start: 'egg-scripts start --title=svc --framework=@midwayjs/web' },
  }),
  // No rootDir: tsc alone would take the common root of every input, the project folder here.
  '/ws/backend/tsconfig.json': '{"compilerOptions":{"module":"commonjs","outDir":"dist"},"exclude":["dist","node_modules","test"]}',
  '/ws/backend/Dockerfile': DOCKERFILE,
  '/ws/backend/src/configuration.ts': '',
  '/ws/backend/src/controller/home.ts': '',
  // A sample configuration beside the sources, as a project documents one.
  '/ws/backend/docs/sample/config.local.ts': '',
});

suite('mapping: Midway build', () => {
  test('midway-bin build compiles src as the root of its output: dist holds what src holds, whatever else the tsconfig would include', async () => {
    const m = await inferMapping(memFs(project('midway-bin build -c')), spec);
    assert.equal(m?.sourceRoot, '/ws/backend/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/svc/dist', m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => /midway-bin build -c, compiling src as the root of its output/.test(e)), m?.evidence.join('\n'));
  });

  test('plain tsc on the same project keeps the common root of its inputs (src lands in dist/src)', async () => {
    const m = await inferMapping(memFs(project('tsc')), spec);
    assert.equal(m?.target, '/svc/dist/src', m?.evidence.join('\n'));
  });
});

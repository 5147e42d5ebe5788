// A compose service bind-mounting its build context into a container whose image copies none of it
// (a dev container: tools and a WORKDIR only): the container runs the mounted source.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { DeclaredConfig, ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const TOOLS_ONLY = 'FROM node:22\nRUN apt-get update && apt-get install -y git\nWORKDIR /home/dev/project\n';

const files = (dockerfile: string) =>
  memFs({
    '/ws/package.json': JSON.stringify({ dependencies: { vite: '6' }, scripts: { dev: 'vite', build: 'vite build' } }),
    '/ws/index.html': '<div id="app"></div>\n',
    '/ws/src/main.ts': "document.title = 'x';\n",
    '/ws/tools/Dockerfile': dockerfile,
  });

const mounting = (volumes: Record<string, string>): ServiceSpec => ({
  ...buildSpec('/ws/tools/Dockerfile'),
  config: { environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes, labels: {}, command: ['sh', '-c', 'npm install && npm run dev'] } satisfies DeclaredConfig,
});

suite("a compose service's bind mount of the context", () => {
  test('puts the source where it mounts it when the image copies none of the context, with the mount as evidence', async () => {
    const m = await inferMapping(files(TOOLS_ONLY), mounting({ '/home/dev/project': 'bind:/ws' }));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/home/dev/project/src', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
    assert.ok(m?.evidence.some((e) => e.includes('compose volume .:/home/dev/project')), m?.evidence.join('\n'));
  });

  test('says nothing without a mount: the image holds no source', async () => {
    assert.equal(await inferMapping(files(TOOLS_ONLY), mounting({ '/home/dev/project/node_modules': 'volume:deps' })), undefined);
  });

  test('leaves an image copying the context to its own copies', async () => {
    const m = await inferMapping(files('FROM node:22\nWORKDIR /srv\nCOPY . .\nCMD ["npm", "run", "dev"]\n'), mounting({ '/home/dev/project': 'bind:/ws' }));
    assert.equal(m?.target, '/srv/src', m?.evidence.join('\n'));
  });

  test('counts an image copying only its manifests, lock file and tsconfig before the install as copying none of the source: the mounted folder is what runs', async () => {
    const setup = 'FROM node:22 AS base\nWORKDIR /srv\nCOPY tsconfig.json .\nCOPY package.json package-lock.json ./\n\nFROM base AS dev\nRUN npm ci\nCMD ["npm", "run", "dev"]\n';
    const m = await inferMapping(files(setup), mounting({ '/srv/src': 'bind:/ws/src' }));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/src', m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => e.includes('compose volume src:/srv/src')), m?.evidence.join('\n'));
  });

  test('leaves an image copying a source folder beside its manifests to its own copies', async () => {
    const own = 'FROM node:22\nWORKDIR /srv\nCOPY package*.json ./\nCOPY src ./app-src\nCMD ["npm", "run", "dev"]\n';
    const m = await inferMapping(files(own), mounting({ '/srv/src': 'bind:/ws/src' }));
    assert.notEqual(m?.target, '/srv/src', m?.evidence.join('\n'));
  });
});

// A compose service whose image holds only the installed dependencies (`COPY package.json`, `pnpm
// install`) and runs a prebuilt bundle the service bind-mounts (`./dist:/srv/app/dist`), beside
// single files it also mounts (`./pm2.json:/srv/app/pm2.json`). A file mounted on a path is that
// path, not a folder holding the file: every mounted path lands where compose puts it, so the
// context maps onto the WORKDIR (dist/main.js -> /srv/app/dist/main.js), never onto a file's path.
import assert from 'node:assert/strict';
import { assertMapping } from './assertMapping';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';
import type { DeclaredConfig, ServiceSpec } from '../../../src/core/model';

const files = {
  '/ws/package.json': JSON.stringify({ name: 'chat', dependencies: { '@nestjs/core': '^10' } }),
  '/ws/pm2.json': JSON.stringify({ apps: { name: 'chat', script: './dist/main.js' } }),
  '/ws/dist/main.js': '/******/ (() => { var __webpack_modules__ = ([]); })();\n',
  '/ws/Dockerfile': 'FROM node:22\nWORKDIR /srv/app\nRUN npm install -g pm2\nCOPY package.json ./\nRUN npm install\nCMD ["pm2-runtime", "start", "pm2.json"]\n',
};

const mounting: ServiceSpec = {
  ...buildSpec('/ws/Dockerfile'),
  config: {
    environment: {}, environmentFrom: {}, exposed: [], published: {}, labels: {},
    volumes: { '/srv/app/dist': 'bind:/ws/dist:ro', '/srv/app/pm2.json': 'bind:/ws/pm2.json:ro', '/srv/app/package.json': 'bind:/ws/package.json:ro' },
  } satisfies DeclaredConfig,
};

suite('files a compose service bind-mounts beside a mounted prebuilt bundle', () => {
  test('a mounted file lands at its target path: the context maps onto the WORKDIR, not onto /srv/app/package.json', async () => {
    await assertMapping(files, { sourceRoot: '/ws', target: '/srv/app' }, mounting);
  });

  test("a host path outside the project (the engine's socket, a data folder) is the machine's: not looked at, the mapping the same", async () => {
    const fs = memFs(files);
    const statted: string[] = [];
    const watched = { ...fs, stat: (p: string) => (statted.push(p), fs.stat(p)) };
    const volumes = { ...mounting.config?.volumes, '/var/run/docker.sock': 'bind:/var/run/docker.sock', '/opt/stacks': 'bind:/opt/stacks' };
    await assertMapping(watched, { sourceRoot: '/ws', target: '/srv/app' }, { ...mounting, config: { ...(mounting.config as DeclaredConfig), volumes } });
    assert.deepEqual(statted.filter((p) => p.startsWith('/var/') || p.startsWith('/opt/')), []);
    assert.ok(statted.includes('/ws/pm2.json'), statted.join('\n'));
  });
});

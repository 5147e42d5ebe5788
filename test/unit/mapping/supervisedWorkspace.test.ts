// A workspace copied whole into one image and built there, its entrypoint (a script the exec form
// finds on the PATH: `COPY ops/entry.sh /usr/local/bin/` + `ENTRYPOINT ["entry.sh"]`) starting
// supervisord, which starts each package's compiled server in its folder.
import assert from 'node:assert/strict';
import { assertMapping } from './assertMapping';

const TSCONFIG = JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: 'src' }, include: ['src'] });
const pkg = (name: string) => ({
  [`/ws/apps/${name}/package.json`]: JSON.stringify({ name, scripts: { build: 'tsc' }, dependencies: { koa: '2' } }),
  [`/ws/apps/${name}/tsconfig.json`]: TSCONFIG,
  [`/ws/apps/${name}/src/main.ts`]: "import Koa from 'koa';\nnew Koa().listen(3000);\n",
});

const FILES = {
  '/ws/package.json': JSON.stringify({ name: 'suite', private: true, workspaces: ['apps/*'], scripts: { build: 'yarn workspaces foreach -A run build' } }),
  ...pkg('mail'),
  ...pkg('billing'),
  '/ws/ops/supervisord.conf': '[supervisord]\nnodaemon=true\n\n[program:mail]\ndirectory=/srv/suite/apps/mail\ncommand=node dist/main.js\n\n[program:billing]\ndirectory=/srv/suite/apps/billing\ncommand=node dist/main.js\n',
  '/ws/ops/entry.sh': '#!/bin/sh\nset -e\necho "starting the suite"\nsupervisord -c /etc/supervisord.conf\n',
  '/ws/Dockerfile': ['FROM node:22-alpine', 'RUN apk add supervisor', 'COPY ops/supervisord.conf /etc/supervisord.conf', 'COPY ops/entry.sh /usr/local/bin/', 'COPY . /srv/suite', 'WORKDIR /srv/suite', 'RUN yarn install && yarn build', 'ENTRYPOINT ["entry.sh"]'].join('\n'),
};

suite('mapping: supervisord started by a PATH script, running each package of a workspace copied whole', () => {
  test("the start script is read from the PATH folder the image copied it to; each program's package is mapped, the first leading", async () => {
    const m = await assertMapping(FILES, { sourceRoot: '/ws/apps/mail/src', target: '/srv/suite/apps/mail/dist', bundled: false });
    assert.deepEqual(
      (m.programs ?? []).map((p) => `${p.sourceRoot} -> ${p.target}`),
      ['/ws/apps/billing/src -> /srv/suite/apps/billing/dist'],
      m.evidence.join('\n'),
    );
  });

  test('a server and its workers per package, nine programs in all: the package of the last is mapped too', async () => {
    const workers = Array.from({ length: 8 }, (_, i) => `[program:mail-worker-${i}]\ndirectory=/srv/suite/apps/mail\ncommand=node dist/worker.js\n`).join('\n');
    const conf = `[supervisord]\nnodaemon=true\n\n${workers}\n[program:billing]\ndirectory=/srv/suite/apps/billing\ncommand=node dist/main.js\n`;
    const m = await assertMapping({ ...FILES, '/ws/apps/mail/src/worker.ts': '', '/ws/ops/supervisord.conf': conf }, { sourceRoot: '/ws/apps/mail/src' });
    assert.deepEqual(
      (m.programs ?? []).map((p) => p.sourceRoot),
      ['/ws/apps/billing/src'],
      m.evidence.join('\n'),
    );
  });
});

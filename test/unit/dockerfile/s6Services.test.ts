// An image on an s6-overlay base names no start of its own: the base image's /init starts the
// services the build copies in (/etc/s6-overlay/s6-rc.d/<name>/run with type longrun, or the older
// /etc/services.d/<name>/run), and the app's start is what that run script runs. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { startOfScript } from '../../../src/core/dockerfile/startScript';
import { assertMapping } from '../mapping/assertMapping';

const RUN = '#!/usr/bin/with-contenv bash\necho "starting"\nexport NODE_ENV=production\ncd /srv/app || exit\nexec \\\n  s6-setuidgid abc node $NODE_ARGS /srv/app/dist/server.js\n';

const DOCKERFILE = [
  'FROM ghcr.io/example/baseimage-alpine:3.20 AS base',
  'COPY rootfs/ /',
  'WORKDIR /srv/app',
  'FROM base AS build',
  'COPY . .',
  'RUN npm ci && npm run build',
  'FROM base',
  'COPY package*.json ./',
  'RUN npm ci --omit=dev',
  'COPY --from=build /srv/app/dist ./dist',
  '',
].join('\n');

const files = (services: Record<string, string>, dockerfile = DOCKERFILE): Record<string, string> => ({
  '/ws/package.json': JSON.stringify({ dependencies: { express: '^4' }, scripts: { build: 'tsc' } }),
  '/ws/tsconfig.json': '{"compilerOptions":{"outDir":"dist","rootDir":"src"}}',
  '/ws/src/server.ts': "import express from 'express';\nexpress().listen(8080);\n",
  '/ws/Dockerfile': dockerfile,
  ...services,
});

suite('s6-overlay services starting the app', () => {
  test("a longrun service's run script under s6-rc.d is the image's start: its command (the user switch and an options variable passed over) maps the built output", async () => {
    const services = {
      '/ws/rootfs/etc/s6-overlay/s6-rc.d/init-perms/type': 'oneshot\n',
      '/ws/rootfs/etc/s6-overlay/s6-rc.d/init-perms/up': '/etc/s6-overlay/s6-rc.d/init-perms/run\n',
      '/ws/rootfs/etc/s6-overlay/s6-rc.d/init-perms/run': '#!/bin/sh\nchown -R abc:abc /config\n',
      '/ws/rootfs/etc/s6-overlay/s6-rc.d/svc-app/type': 'longrun\n',
      '/ws/rootfs/etc/s6-overlay/s6-rc.d/svc-app/run': RUN,
    };
    await assertMapping(files(services), {
      sourceRoot: '/ws/src',
      target: '/srv/app/dist',
      bundled: false,
      evidence: ['the image names no start of its own: its s6-overlay service /etc/s6-overlay/s6-rc.d/svc-app/run runs cd /srv/app && node /srv/app/dist/server.js (read, not run)'],
    });
  });

  test('a service of the older /etc/services.d is one too', async () => {
    const m = await assertMapping(files({ '/ws/rootfs/etc/services.d/app/run': RUN }), { target: '/srv/app/dist' });
    assert.ok(m.evidence.some((e) => e.includes('/etc/services.d/app/run')), m.evidence.join('\n'));
  });

  test('an image with a start of its own (CMD) is not read through its services', async () => {
    const m = await assertMapping(files({ '/ws/rootfs/etc/services.d/app/run': RUN }, `${DOCKERFILE}CMD ["node", "dist/server.js"]\n`), { target: '/srv/app/dist' });
    assert.ok(!m.evidence.some((e) => e.includes('s6-overlay')), m.evidence.join('\n'));
  });

  test('s6-setuidgid and a variable alone before the file are passed over in a start script', () => {
    assert.equal(startOfScript('exec s6-setuidgid abc /usr/bin/node $NODE_ARGS /app/index.js\n', []), '/usr/bin/node /app/index.js');
    // A variable that is the whole command's last word is kept (it may be the file).
    assert.equal(startOfScript('exec node $ENTRY\n', []), 'node $ENTRY');
  });
});

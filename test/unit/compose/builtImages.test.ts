import assert from 'node:assert/strict';
import { parseComposeProject } from '../../../src/core/compose/parse';

const dir = '/ws/shop';
const parse = (text: string) => parseComposeProject([{ path: `${dir}/compose.yaml`, text }], { dir, env: {} });
const byName = (text: string) => new Map(parse(text).services.map((s) => [s.name, s]));

suite('compose: an image another service of the project builds', () => {
  test('a service running the image a building service tags takes that build, and names the service that makes it', () => {
    const s = byName(`
services:
  api: { build: ./server, image: acme/app }
  worker: { image: acme/app:latest, command: node dist/worker.js }
  mirror: { image: docker.io/acme/app }
  older: { image: acme/app:1.2 }
  db: { image: postgres:16 }
`);
    for (const name of ['worker', 'mirror']) {
      assert.deepEqual(s.get(name)?.build, s.get('api')?.build, name);
      assert.equal(s.get(name)?.builtBy, 'api', name);
    }
    assert.equal(s.get('older')?.build, undefined, 'another tag is another image');
    assert.equal(s.get('db')?.build, undefined);
    assert.equal(s.get('api')?.builtBy, undefined, 'a service building its own image names none');
    assert.equal(s.get('worker')?.ownStart, true, 'its own command: another program of the image');
    assert.equal(s.get('mirror')?.ownStart, undefined, "the builder's start: the same server");
  });

  test('an image two different builds tag is not linked to either; two services with the same build are', () => {
    const two = byName(`
services:
  a: { build: { context: ., dockerfile: a.Dockerfile }, image: acme/app }
  b: { build: { context: ., dockerfile: b.Dockerfile }, image: acme/app }
  run: { image: acme/app }
`);
    assert.equal(two.get('run')?.build, undefined);
    assert.equal(two.get('run')?.builtBy, undefined);
    const same = byName(`
services:
  a: { build: ., image: acme/app }
  b: { build: ., image: acme/app }
  run: { image: acme/app }
`);
    assert.equal(same.get('run')?.builtBy, 'a');
  });

  test('services building alike, each with a command of its own, start their own programs; one keeping the image start is the server as built; another build is no sibling', () => {
    const s = byName(`
services:
  app: { build: ., command: deno task dev }
  worker: { build: ., command: deno task worker }
  plain: { build: . }
  twin: { build: ., command: deno task dev }
  other: { build: ./other, command: node jobs.js }
`);
    assert.equal(s.get('app')?.ownStart, true);
    assert.equal(s.get('worker')?.ownStart, true);
    assert.equal(s.get('twin')?.ownStart, true, "its command differs from the worker's");
    assert.equal(s.get('plain')?.ownStart, undefined, "the image's own start");
    assert.equal(s.get('other')?.ownStart, undefined, 'the only service of its build');
    const alike = byName(`
services:
  a: { build: ., command: node server.js }
  b: { build: ., command: node server.js }
`);
    assert.equal(alike.get('a')?.ownStart, undefined, 'the same start: the same server');
  });

  test('a registry host or a library path is part of the name: ghcr.io/acme/app is not acme/app', () => {
    const s = byName(`
services:
  api: { build: ., image: ghcr.io/acme/app:edge }
  same: { image: ghcr.io/acme/app:edge }
  other: { image: acme/app:edge }
`);
    assert.equal(s.get('same')?.builtBy, 'api');
    assert.equal(s.get('other')?.builtBy, undefined);
  });
});

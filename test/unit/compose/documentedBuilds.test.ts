// Images built outside compose, as a project's README or scripts say (`docker build -t app .`).
import assert from 'node:assert/strict';
import { documentedBuilds } from '../../../src/core/compose/documentedBuilds';
import { documentedBuilders } from '../../../src/core/gather/documentedBuilds';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const prebuilt = (image: string, name = 'app'): ServiceSpec => ({ name, project: 'ws', projectDir: '/ws', composeFiles: ['/ws/compose.yaml'], ports: [], drift: {}, image });

suite('documented image builds', () => {
  test('the tag, the context, the Dockerfile and the target of each build command, with its line; options with values skipped', () => {
    const text = [
      '# Running it',
      '```sh',
      'docker build -t shop-app .',
      'docker buildx build --platform linux/amd64 --build-arg NODE=20 -f docker/Dockerfile.prod --target=runner --tag acme/shop:1.2 ./server',
      'podman build --no-cache -t=shop-worker worker && podman run shop-worker',
      '```',
    ].join('\n');
    assert.deepEqual(documentedBuilds(text), [
      { tag: 'shop-app', context: '.', line: 3, command: 'docker build -t shop-app .' },
      { tag: 'acme/shop:1.2', context: './server', dockerfile: 'docker/Dockerfile.prod', target: 'runner', line: 4, command: 'docker buildx build --platform linux/amd64 --build-arg NODE=20 -f docker/Dockerfile.prod --target=runner --tag acme/shop:1.2 ./server' },
      { tag: 'shop-worker', context: 'worker', line: 5, command: 'podman build --no-cache -t=shop-worker worker' },
    ]);
  });

  test('a package.json script and a Makefile recipe are read as written; a build with no tag, a variable, stdin or a URL as its context is none', () => {
    const pkg = '{\n  "scripts": {\n    "docker:build": "docker build -t shop-app -f Dockerfile .",\n    "x": "docker build .",\n    "y": "docker build -t $IMAGE .",\n    "z": "docker build -t a - < Dockerfile",\n    "w": "docker build -t b https://github.com/acme/shop.git"\n  }\n}\n';
    assert.deepEqual(documentedBuilds(pkg), [{ tag: 'shop-app', context: '.', dockerfile: 'Dockerfile', line: 3, command: 'docker build -t shop-app -f Dockerfile .' }]);
    assert.deepEqual(documentedBuilds('image:\n\tdocker build -t shop-app:dev \\\n'), []);
    assert.deepEqual(documentedBuilds('image:\n\tdocker build -t shop-app:dev api\n'), [{ tag: 'shop-app:dev', context: 'api', line: 2, command: 'docker build -t shop-app:dev api' }]);
  });

  test('a service running an image no compose service builds takes the documented build of it, whatever the tag; paths from the file\'s folder; never outside the workspace', async () => {
    const fs = memFs({
      '/ws/README.md': 'Build: `docker build -t shop-app:latest -f ops/Dockerfile .`\n',
      '/ws/ops/Dockerfile': 'FROM node:20\n',
      '/ws/Dockerfile': 'FROM node:20\n',
      '/ws/build.sh': 'docker build -t escape ../..\n',
    });
    const app = prebuilt('shop-app');
    const db = prebuilt('postgres:16', 'db');
    const escape = prebuilt('escape', 'escape');
    const out = await documentedBuilders(fs, [app, db, escape], new Map(), '/ws');
    assert.deepEqual(out.get(app)?.build, { context: '/ws', dockerfile: '/ws/ops/Dockerfile' });
    assert.deepEqual(out.get(app)?.documentedBuild, { command: 'docker build -t shop-app:latest -f ops/Dockerfile .', where: 'README.md:1' });
    assert.equal(out.has(db), false);
    assert.equal(out.has(escape), false);
  });

  test('a service another compose service builds for, or with a build of its own, is left to compose', async () => {
    const fs = memFs({ '/ws/README.md': 'docker build -t shop-app .\n', '/ws/Dockerfile': 'FROM node:20\n' });
    const linked = prebuilt('shop-app');
    const builder: ServiceSpec = { ...prebuilt('shop-app', 'api'), build: { context: '/ws/api', dockerfile: '/ws/api/Dockerfile' } };
    const out = await documentedBuilders(fs, [linked, builder], new Map([[linked, builder]]), '/ws');
    assert.equal(out.size, 0);
  });
});

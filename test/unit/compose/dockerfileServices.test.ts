// A workspace with Dockerfiles and no compose file: each Dockerfile a service (compose/dockerfileServices.ts,
// gather/standaloneServices.ts), named by its folder, its context where its COPY sources are, its tag the documented one.
import * as assert from 'node:assert/strict';
import { standaloneServices } from '../../../src/core/gather/standaloneServices';
import { memFs } from '../helpers/memFs';

const NODE_APP = 'FROM node:22\nWORKDIR /app\nCOPY package.json ./\nCOPY src ./src\nEXPOSE 4000\nCMD ["node","src/main.js"]\n';

suite('Dockerfile services (no compose file)', () => {
  test('each Dockerfile is a service named by its folder, the root one by the workspace, a variant by its suffix', async () => {
    const specs = await standaloneServices(
      memFs({
        '/ws/shop/Dockerfile': NODE_APP,
        '/ws/shop/package.json': '{}',
        '/ws/shop/src/main.js': '',
        '/ws/Dockerfile.worker': 'FROM node:22\nCOPY . .\nCMD ["node","worker.js"]\n',
        '/ws/tools/gen.Dockerfile': 'FROM alpine\nCOPY gen.sh /\n',
        '/ws/tools/gen.sh': '',
      }),
      '/ws',
    );
    assert.deepEqual(
      specs.map((s) => [s.name, s.project, s.image, s.build?.context, s.build?.dockerfile, s.standalone, s.ports.map((p) => p.target)]),
      [
        ['ws-worker', 'ws', 'ws-worker', '/ws', '/ws/Dockerfile.worker', { dockerfile: 'Dockerfile.worker', context: '.' }, []],
        ['shop', 'ws', 'shop', '/ws/shop', '/ws/shop/Dockerfile', { dockerfile: 'shop/Dockerfile', context: 'shop' }, [4000]],
        ['tools-gen', 'ws', 'tools-gen', '/ws/tools', '/ws/tools/gen.Dockerfile', { dockerfile: 'tools/gen.Dockerfile', context: 'tools' }, []],
      ],
    );
  });

  test('the context is the folder its COPY sources are found from: the root for `COPY api/src`, written from there', async () => {
    const specs = await standaloneServices(
      memFs({
        '/ws/apps/api/Dockerfile': 'FROM node:22\nCOPY apps/api/package.json ./\nCOPY apps/api/src ./src\nCMD ["node","src/main.js"]\n',
        '/ws/apps/api/package.json': '{}',
        '/ws/apps/api/src/main.js': '',
      }),
      '/ws',
    );
    assert.deepEqual(specs.map((s) => [s.name, s.build?.context]), [['api', '/ws']]);
  });

  test('a folder that only holds Dockerfiles (docker/, deploy/) names the service by the folder above it', async () => {
    const specs = await standaloneServices(memFs({ '/ws/docker/Dockerfile': 'FROM node:22\nCOPY . .\n', '/ws/web/deploy/Dockerfile': 'FROM node:22\n' }), '/ws');
    assert.deepEqual(specs.map((s) => s.name), ['ws', 'web']);
  });

  test('dependencies, hidden folders, tests and files that are not Dockerfiles give no service', async () => {
    const specs = await standaloneServices(
      memFs({
        '/ws/node_modules/pkg/Dockerfile': 'FROM node:22\n',
        '/ws/.devcontainer/Dockerfile': 'FROM node:22\n',
        '/ws/test/Dockerfile': 'FROM node:22\n',
        '/ws/notes/Dockerfile.md': '# FROM node',
        '/ws/empty/Dockerfile': '# nothing here yet\n',
      }),
      '/ws',
    );
    assert.deepEqual(specs, []);
  });

  test('the tag and context of the build the README writes down for that Dockerfile; a command for another Dockerfile is not it', async () => {
    const specs = await standaloneServices(
      memFs({
        '/ws/README.md': 'Build:\n\n    docker build -t acme/other -f other/Dockerfile .\n    docker build -t acme/shop:2 -f shop/Dockerfile .\n',
        '/ws/shop/Dockerfile': 'FROM node:22\nCOPY shop/src ./src\n',
        '/ws/shop/src/main.js': '',
        '/ws/other/Dockerfile': 'FROM node:22\n',
      }),
      '/ws',
    );
    const shop = specs.find((s) => s.name === 'shop');
    assert.equal(shop?.image, 'acme/shop:2');
    assert.equal(shop?.build?.context, '/ws');
    assert.deepEqual(shop?.standalone, { dockerfile: 'shop/Dockerfile', context: '.' });
    assert.equal(shop?.documentedBuild?.where, 'README.md:4');
    assert.equal(specs.find((s) => s.name === 'other')?.image, 'acme/other');
  });
});

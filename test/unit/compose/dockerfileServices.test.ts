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

  test('dependencies, vendored code, hidden folders and files, tests, test images and files that are not Dockerfiles give no service', async () => {
    const specs = await standaloneServices(
      memFs({
        '/ws/node_modules/pkg/Dockerfile': 'FROM node:22\n',
        '/ws/.devcontainer/Dockerfile': 'FROM node:22\n',
        '/ws/test/Dockerfile': 'FROM node:22\n',
        '/ws/notes/Dockerfile.md': '# FROM node',
        '/ws/empty/Dockerfile': '# nothing here yet\n',
        '/ws/vendor/libfoo/Dockerfile': 'FROM alpine\n',
        '/ws/.workspace.Dockerfile': 'FROM node:22\n',
        '/ws/api/node_e2e.Dockerfile': 'FROM node:22\n',
        '/ws/api/Dockerfile.test': 'FROM node:22\n',
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

  test('a CI build-push-action step gives the tag, context and Dockerfile: its first literal tag, paths from the repository root', async () => {
    const workflow = [
      'jobs:',
      '  image:',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - name: Build',
      '        uses: docker/build-push-action@v6',
      '        with:',
      '          context: .',
      '          file: ./svc/api/Dockerfile',
      '          tags: |',
      '            ${{ env.REGISTRY }}/api:${{ github.sha }}',
      '            ghcr.io/acme/api:edge',
      '      - name: Templated only',
      '        uses: docker/build-push-action@v6',
      '        with:',
      '          context: worker',
      '          tags: ${{ steps.meta.outputs.tags }}',
      '',
    ].join('\n');
    const specs = await standaloneServices(
      memFs({
        '/ws/.github/workflows/image.yml': workflow,
        '/ws/svc/api/Dockerfile': 'FROM node:22\nCOPY package.json ./\n',
        '/ws/svc/api/package.json': '{}',
        '/ws/worker/Dockerfile': 'FROM node:22\nCOPY . .\n',
      }),
      '/ws',
    );
    const api = specs.find((s) => s.name === 'api');
    assert.deepEqual([api?.image, api?.build?.context, api?.standalone?.context, api?.documentedBuild?.where, api?.documentedBuild?.command], ['ghcr.io/acme/api:edge', '/ws', '.', '.github/workflows/image.yml:6', 'docker build -t ghcr.io/acme/api:edge -f ./svc/api/Dockerfile .']);
    assert.equal(specs.find((s) => s.name === 'worker')?.image, 'worker');
  });

  test('a `run: docker build` line of a workflow is read too; the README, read first, wins', async () => {
    const files = {
      '/ws/.github/workflows/ci.yaml': 'jobs:\n  build:\n    steps:\n      - run: docker build -t acme/ci-tag -f app/Dockerfile .\n',
      '/ws/app/Dockerfile': 'FROM node:22\nCOPY app/src ./src\n',
      '/ws/app/src/main.js': '',
    };
    assert.equal((await standaloneServices(memFs(files), '/ws'))[0]?.image, 'acme/ci-tag');
    const withReadme = await standaloneServices(memFs({ ...files, '/ws/README.md': '    docker build -t acme/readme-tag -f app/Dockerfile .\n' }), '/ws');
    assert.equal(withReadme[0]?.image, 'acme/readme-tag');
  });

  test("another CI system's pipeline at the root (CircleCI's command:, Drone's commands: list) gives the tag of the build naming that Dockerfile", async () => {
    const circle = 'jobs:\n  build:\n    steps:\n      - run:\n          name: image\n          command: docker build -f Dockerfile-ship -t acme/ship:build .\n      - run:\n          command: docker build -f Dockerfile-check -t acme/ship:check .\n';
    const drone = 'kind: pipeline\nsteps:\n  - name: image\n    commands:\n      - docker build -t acme/relay -f relay/Dockerfile .\n';
    const specs = await standaloneServices(
      memFs({
        '/ws/.circleci/config.yml': circle,
        '/ws/.drone-2.yml': drone,
        '/ws/Dockerfile-ship': 'FROM node:22\nWORKDIR /app\nCOPY . /app\n',
        '/ws/relay/Dockerfile': 'FROM node:22\nCOPY relay/src ./src\n',
        '/ws/relay/src/main.js': '',
      }),
      '/ws',
    );
    assert.deepEqual(
      specs.map((s) => [s.standalone?.dockerfile, s.image, s.documentedBuild?.where]),
      [
        ['Dockerfile-ship', 'acme/ship:build', '.circleci/config.yml:6'],
        ['relay/Dockerfile', 'acme/relay', '.drone-2.yml:5'],
      ],
    );
  });

  test("a build written in the Dockerfile's own folder (its package.json script) is run from there", async () => {
    const specs = await standaloneServices(
      memFs({
        '/ws/site/package.json': JSON.stringify({ scripts: { image: 'docker build -t acme/site .' } }, null, 2),
        '/ws/site/Dockerfile': 'FROM nginx\nCOPY dist /usr/share/nginx/html\n',
      }),
      '/ws',
    );
    assert.deepEqual([specs[0]?.image, specs[0]?.standalone?.context, specs[0]?.documentedBuild?.command], ['acme/site', 'site', 'cd site && docker build -t acme/site .']);
  });
});

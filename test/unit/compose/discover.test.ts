import assert from 'node:assert/strict';
import type { FsLike } from '../../../src/core/ports';
import { discoverComposeProjects, loadComposeProject } from '../../../src/core/compose/discover';
import type { DiscoverOptions } from '../../../src/core/compose/discover';
import { memFs } from '../helpers/memFs';
import { hiddenComposeFiles } from '../../../src/core/compose/walk';

const svc = (image: string) => `services:\n  app:\n    image: ${image}\n`;
const findComposeDirs = async (fs: FsLike, dir: string, opts: DiscoverOptions) => (await discoverComposeProjects(fs, dir, {}, opts)).map((p) => p.dir);

suite('compose discover', () => {
  test('finds compose folders, skipping dependencies, build output and hidden folders but a deployment one (.docker)', async () => {
    const fs = memFs({
      '/ws/compose.yaml': svc('root'),
      '/ws/.docker/docker-compose.yml': svc('dot-docker'),
      '/ws/apps/shop/docker-compose.yml': svc('shop'),
      '/ws/node_modules/pkg/compose.yaml': svc('no'),
      '/ws/dist/compose.yaml': svc('no'),
      '/ws/.devcontainer/compose.yaml': svc('no'),
      '/ws/apps/shop/build/compose.yaml': svc('no'),
    });
    const projects = await discoverComposeProjects(fs, '/ws', {});
    assert.deepEqual(
      projects.map((p) => [p.dir, p.services[0]?.image]),
      [
        ['/ws', 'root'],
        ['/ws/.docker', 'dot-docker'],
        ['/ws/apps/shop', 'shop'],
      ],
    );
  });

  test('compose files in hidden folders of the root, for a check that found none: down to three levels, five at most, sorted', async () => {
    const fs = memFs({
      '/ws/.devcontainer/docker-compose.yml': svc('dev'),
      '/ws/.github/deployment/self-host/compose.yaml': svc('self-host'),
      '/ws/.github/a/b/c/compose.yaml': svc('too deep'),
      '/ws/.docker/docker-compose.yml': svc('walked anyway: not hidden'),
      '/ws/.git/compose.yaml': svc('no'),
      '/ws/.config/node_modules/pkg/compose.yaml': svc('no'),
      '/ws/.ci/docker-compose.test.yml': svc('a variant'),
      '/ws/apps/.local/compose.yaml': svc('not at the root: not asked'),
    });
    assert.deepEqual(await hiddenComposeFiles(fs, '/ws'), ['.ci/docker-compose.test.yml', '.devcontainer/docker-compose.yml', '.github/deployment/self-host/compose.yaml']);
    const many = memFs(Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => [`/ws/.${n}/compose.yaml`, svc(n)])));
    assert.deepEqual(await hiddenComposeFiles(many, '/ws'), ['.a/compose.yaml', '.b/compose.yaml', '.c/compose.yaml', '.d/compose.yaml', '.e/compose.yaml']);
    assert.deepEqual(await hiddenComposeFiles(memFs({ '/ws/compose.yaml': svc('x') }), '/ws'), []);
  });

  test('respects maxDepth and exclude', async () => {
    const fs = memFs({
      '/ws/a/compose.yaml': svc('a'),
      '/ws/a/b/c/compose.yaml': svc('c'),
      '/ws/vendor/x/compose.yaml': svc('x'),
      '/ws/tmp/compose.yaml': svc('tmp'),
    });
    assert.deepEqual(await findComposeDirs(fs, '/ws', { maxDepth: 2 }), ['/ws/a', '/ws/tmp', '/ws/vendor/x']);
    assert.deepEqual(await findComposeDirs(fs, '/ws', { exclude: ['vendor', 'tm*'] }), ['/ws/a', '/ws/a/b/c']);
    assert.deepEqual(await findComposeDirs(fs, '/ws', { exclude: ['a/b'] }), ['/ws/a', '/ws/tmp', '/ws/vendor/x']);
  });

  test('one base file per folder, in compose order of preference, then the override', async () => {
    const fs = memFs({
      '/ws/p/docker-compose.yml': svc('old'),
      '/ws/p/compose.yaml': svc('new'),
      '/ws/p/docker-compose.override.yml': 'services:\n  app:\n    ports: ["8080:80"]\n',
    });
    const p = await loadComposeProject(fs, '/ws/p', {});
    assert.deepEqual(p?.composeFiles, ['/ws/p/compose.yaml', '/ws/p/docker-compose.override.yml']);
    assert.equal(p?.services[0]?.image, 'new');
    assert.equal(p?.services[0]?.ports[0]?.published, 8080);
  });

  test('a folder without a compose file has no project', async () => {
    assert.equal(await loadComposeProject(memFs({ '/ws/p/compose.override.yaml': svc('x') }), '/ws/p', {}), undefined);
  });

  test('no .env but a .env.example that sets the unset variable: the error says to copy it; its values are never used', async () => {
    const files = {
      '/ws/p/compose.yaml': 'services:\n  app:\n    image: app\n    ports: ["${PORT}:${PORT}"]\n',
      '/ws/p/.env.example': 'PORT=3000\n',
    };
    const p = await loadComposeProject(memFs(files), '/ws/p', {});
    assert.match(p?.services[0]?.error ?? '', /variable PORT is not set.*\.env\.example sets PORT: copy it to \.env beside the compose file/);
    const withEnv = await loadComposeProject(memFs({ ...files, '/ws/p/.env': 'PORT=4000\n' }), '/ws/p', {});
    assert.equal(withEnv?.services[0]?.error, undefined);
    assert.equal(withEnv?.services[0]?.ports[0]?.published, 4000);
  });

  test('.env feeds interpolation and the project name; the process environment wins', async () => {
    const fs = memFs({
      '/ws/p/compose.yaml': 'services:\n  app:\n    image: "app:${TAG}"\n    ports: ["${PORT}:80"]\n',
      '/ws/p/.env': 'TAG=from-dotenv\nPORT=8081\nCOMPOSE_PROJECT_NAME=Shop\n',
    });
    const p = await loadComposeProject(fs, '/ws/p', { TAG: 'from-shell' });
    assert.equal(p?.name, 'shop');
    assert.equal(p?.services[0]?.image, 'app:from-shell');
    assert.equal(p?.services[0]?.ports[0]?.published, 8081);
  });

  test('a folder with only variant files (docker-compose.prod.yml) gives one project per file; beside a base file they are left to the user', async () => {
    const fs = memFs({
      '/ws/deploy/docker-compose.prod.yml': svc('prod'),
      '/ws/deploy/docker-compose.dev.yml': svc('dev'),
      '/ws/deploy/docker-compose.override.yml': svc('no'),
      '/ws/compose.yaml': svc('root'),
      '/ws/compose.ci.yaml': svc('no'),
    });
    const projects = await discoverComposeProjects(fs, '/ws', {});
    assert.deepEqual(projects.map((p) => [p.composeFiles.map((f) => f.replace('/ws/', '')), p.services[0]?.image]), [
      [['compose.yaml'], 'root'],
      [['deploy/docker-compose.dev.yml'], 'dev'],
      [['deploy/docker-compose.prod.yml'], 'prod'],
    ]);
  });

  test('variants are named either way: docker-compose-dev.yml, compose-ci.yaml, dev.compose.yaml, example.docker-compose.yml (an entrypoint script or a plain YAML file is none)', async () => {
    const fs = memFs({
      '/ws/backend/docker-compose-dev.yml': svc('dash'),
      '/ws/docker/example.compose.yaml': svc('prefix'),
      '/ws/ci/compose-ci.yaml': svc('compose-dash'),
      '/ws/support/picsur.docker-compose.yml': svc('prefix-docker'),
      '/ws/support/compose-entrypoint.sh': 'exec node server.js\n',
      '/ws/support/composer.yml': svc('no'),
    });
    const projects = await discoverComposeProjects(fs, '/ws', {});
    assert.deepEqual(projects.map((p) => [p.composeFiles.map((f) => f.replace('/ws/', '')), p.services[0]?.image]), [
      [['backend/docker-compose-dev.yml'], 'dash'],
      [['ci/compose-ci.yaml'], 'compose-dash'],
      [['docker/example.compose.yaml'], 'prefix'],
      [['support/picsur.docker-compose.yml'], 'prefix-docker'],
    ]);
  });

  test('variants beside a base file that no stack is read from are told (notRead), hyphenated ones (docker-compose-multi.yaml) too; a folder of hyphenated variants only gives a stack each', async () => {
    const fs = memFs({
      '/ws/compose.yaml': svc('root'),
      '/ws/compose.override.yaml': svc('root'),
      '/ws/docker-compose.dev.yml': svc('dev'),
      '/ws/docker-compose-multi.yaml': svc('multi'),
      '/ws/deploy/docker-compose-prod.yml': svc('prod'),
    });
    let told: string[] | undefined;
    const projects = await discoverComposeProjects(fs, '/ws', {}, { notRead: (files) => (told = files) });
    assert.deepEqual(projects.map((p) => [p.composeFiles.map((f) => f.replace('/ws/', '')), p.services[0]?.image]), [
      [['compose.yaml', 'compose.override.yaml'], 'root'],
      [['deploy/docker-compose-prod.yml'], 'prod'],
    ]);
    assert.deepEqual(told, ['/ws/docker-compose-multi.yaml', '/ws/docker-compose.dev.yml']);
  });

  test("a folder's stacks of separate files keep the project name compose gives them and are labelled by their file; a folder of one stack is not", async () => {
    const fs = memFs({
      '/ws/deploy/docker-compose.full.yml': svc('full'),
      '/ws/deploy/docker-compose.minio.yml': svc('minio'),
      '/ws/compose.yaml': svc('root'),
      '/ws/compose.override.yaml': svc('root'),
      '/ws/one/docker-compose.prod.yml': svc('prod'),
      '/ws/named/docker-compose.ci.yml': `name: app-ci\n${svc('ci')}`,
      '/ws/named/docker-compose.dev.yml': `name: app-dev\n${svc('dev')}`,
    });
    const projects = await discoverComposeProjects(fs, '/ws', {});
    assert.deepEqual(projects.map((p) => [p.name, p.services.map((s) => s.stackFile)]), [
      ['ws', [undefined]],
      ['deploy', ['docker-compose.full.yml']],
      ['deploy', ['docker-compose.minio.yml']],
      ['app-ci', [undefined]],
      ['app-dev', [undefined]],
      ['one', [undefined]],
    ]);
  });

  test('variants beside a base file: the stacks the engine runs from them are read from the files each was created from, and only the files the walk found', async () => {
    const fs = memFs({
      '/ws/docker/docker-compose.yml': 'name: shop\nservices:\n  api:\n    image: api\n    environment: { MODE: base }\n',
      '/ws/docker/docker-compose.dev.yml': 'services:\n  api:\n    environment: { MODE: dev }\n',
      '/ws/docker/docker-compose.build.yml': 'name: shop_build\nservices:\n  api:\n    build: ../api\n',
      '/ws/secret.yml': 'services:\n  x:\n    image: x\n',
    });
    let asked = 0;
    const running = (list: Array<{ name: string; configFiles: string[] }>) => async () => {
      asked += 1;
      return list;
    };
    const shape = (ps: Awaited<ReturnType<typeof discoverComposeProjects>>) =>
      ps.map((p) => [p.name, p.composeFiles.map((f) => f.replace('/ws/docker/', '')), p.services.map((s) => `${s.project}/${s.name} ${s.config?.environment['MODE'] ?? s.build?.context ?? ''}`)]);
    const projects = await discoverComposeProjects(fs, '/ws', {}, {
      running: running([
        { name: 'shop', configFiles: ['/ws/docker/docker-compose.yml', '/ws/docker/docker-compose.dev.yml'] },
        { name: 'shop_build', configFiles: ['/ws/docker/docker-compose.build.yml'] },
        // a label naming a file the walk did not find as a compose file: never read
        { name: 'other', configFiles: ['/ws/secret.yml'] },
        { name: 'elsewhere', configFiles: ['/home/me/compose.yaml'] },
      ]),
    });
    assert.deepEqual(shape(projects), [
      ['shop', ['docker-compose.yml', 'docker-compose.dev.yml'], ['shop/api dev']],
      ['shop_build', ['docker-compose.build.yml'], ['shop_build/api /ws/api']],
    ]);
    // run from the base file under another name (-p): that project, renamed
    const renamed = await discoverComposeProjects(fs, '/ws', {}, { running: running([{ name: 'mine', configFiles: ['/ws/docker/docker-compose.yml'] }]) });
    assert.deepEqual(shape(renamed), [['mine', ['docker-compose.yml'], ['mine/api base']]]);
    // a folder of variants only, each a stack named by the folder: the one the engine runs is the stack
    const variantsOnly = memFs({
      '/ws/server/docker-compose.server.yml': 'services:\n  app:\n    image: app\n    environment: { MODE: prod }\n',
      '/ws/server/docker-compose.server-dev.yml': 'services:\n  app:\n    image: app\n    environment: { MODE: dev }\n',
    });
    assert.deepEqual(shape(await discoverComposeProjects(variantsOnly, '/ws', {}, { running: running([]) })).map((p) => p[0]), ['server', 'server']);
    const runningDev = await discoverComposeProjects(variantsOnly, '/ws', {}, { running: running([{ name: 'server', configFiles: ['/ws/server/docker-compose.server-dev.yml'] }]) });
    assert.deepEqual(shape(runningDev), [['server', ['/ws/server/docker-compose.server-dev.yml'], ['server/app dev']]]);
    // no variant beside a base file: the engine is not asked
    asked = 0;
    await discoverComposeProjects(memFs({ '/ws/compose.yaml': svc('root') }), '/ws', {}, { running: running([]) });
    assert.equal(asked, 0);
  });

  test('chosen compose files are merged in order, like docker compose -f; one outside the workspace is refused', async () => {
    const fs = memFs({
      '/ws/compose.yaml': svc('base'),
      '/ws/compose.ci.yaml': svc('ci'),
      '/etc/compose.yaml': svc('host'),
    });
    const [p] = await discoverComposeProjects(fs, '/ws', {}, { composeFiles: ['compose.yaml', 'compose.ci.yaml'] });
    assert.equal(p?.services[0]?.image, 'ci');
    assert.deepEqual(p?.composeFiles, ['/ws/compose.yaml', '/ws/compose.ci.yaml']);
    await assert.rejects(discoverComposeProjects(fs, '/ws', {}, { composeFiles: ['../etc/compose.yaml'] }), /outside the workspace/);
  });

  test('include and extends files outside the workspace are not read', async () => {
    const fs = memFs({
      '/ws/app/compose.yaml': 'include:\n  - ../../etc/compose.yaml\nservices:\n  web:\n    image: nginx\n',
      '/etc/compose.yaml': svc('host'),
    });
    await assert.rejects(discoverComposeProjects(fs, '/ws', {}), /include: \.\.\/\.\.\/etc\/compose\.yaml not found in the workspace \(files outside it are not read\)/);
  });
});

suite('discoverComposeProjects: a base file whose services only add to another file', () => {
  const BASE = 'services:\n  api:\n    ports: ["3000:3000"]\n    env_file: ../../api/.env\n  db:\n    image: postgres:16\n';
  const DEV = 'services:\n  api:\n    build:\n      context: ../..\n      dockerfile: ops/images/api\n      target: develop\n';
  const PROD = 'services:\n  api:\n    image: ghcr.io/acme/api:latest\n';

  test('merged with the one variant beside it that builds them, as its users run it; the other variants stay unread', async () => {
    const fs = memFs({ '/ws/ops/compose/docker-compose.yml': BASE, '/ws/ops/compose/docker-compose.dev.yml': DEV, '/ws/ops/compose/docker-compose.prod.yml': PROD, '/ws/ops/images/api': 'FROM node:22\n' });
    let told: string[] = [];
    const [project] = await discoverComposeProjects(fs, '/ws', {}, { notRead: (files) => (told = files) });
    assert.deepEqual(project?.composeFiles, ['/ws/ops/compose/docker-compose.yml', '/ws/ops/compose/docker-compose.dev.yml']);
    const api = project?.services.find((s) => s.name === 'api');
    assert.deepEqual([api?.error, api?.build?.context, api?.build?.target, api?.ports.length], [undefined, '/ws', 'develop', 1]);
    assert.deepEqual(told, ['/ws/ops/compose/docker-compose.prod.yml']);
  });

  test('no variant building them, or two: the base file alone, its services said to need another file', async () => {
    for (const extra of [{ '/ws/ops/compose/docker-compose.prod.yml': PROD }, { '/ws/ops/compose/docker-compose.dev.yml': DEV, '/ws/ops/compose/docker-compose.test.yml': DEV }] as Array<Record<string, string>>) {
      const [project] = await discoverComposeProjects(memFs({ '/ws/ops/compose/docker-compose.yml': BASE, ...extra }), '/ws', {});
      assert.deepEqual(project?.composeFiles, ['/ws/ops/compose/docker-compose.yml']);
      assert.ok(project?.services.find((s) => s.name === 'api')?.addsToAnother);
    }
  });
});

import * as assert from 'node:assert/strict';
import { actionFor, planOf } from '../../../src/core/ladder/action';
import type { ActionFacts } from '../../../src/core/ladder/action';

const built = { name: 'api', build: { context: '/ws/api', dockerfile: '/ws/api/Dockerfile' } };
const registry = { name: 'db' };

function facts(over: Partial<ActionFacts>): ActionFacts {
  return {
    spec: built,
    composeLabel: 'docker compose',
    engineError: false,
    containerState: 'running',
    stale: false,
    imageExists: true,
    imageBehind: false,
    changedInside: false,
    ...over,
  };
}

suite('ladder: the action that fits the state', () => {
  test('no container: Start; up builds a missing image itself, --build only for an existing image behind the source', () => {
    assert.deepEqual(actionFor(facts({ containerState: undefined, imageExists: false }))?.steps, [['up', '-d', 'api']]);
    assert.deepEqual(actionFor(facts({ containerState: undefined, imageBehind: true }))?.steps, [['up', '-d', '--build', 'api']]);
    assert.deepEqual(actionFor(facts({ spec: registry, containerState: undefined, imageBehind: true }))?.steps, [['up', '-d', 'db']]);
  });

  test('stale: Recreate; changed inside: Recreate with --force-recreate; behind the source: Rebuild, or Pull for a registry image', () => {
    assert.equal(actionFor(facts({ stale: true }))?.command, 'docker compose up -d api');
    assert.equal(actionFor(facts({ changedInside: true }))?.command, 'docker compose up -d --force-recreate api');
    assert.equal(actionFor(facts({ imageBehind: true }))?.command, 'docker compose build api && docker compose up -d api');
    assert.equal(actionFor(facts({ spec: registry, imageBehind: true }))?.command, 'docker compose pull db && docker compose up -d db');
    assert.equal(actionFor(facts({ spec: registry, stale: true, imageBehind: true }))?.label, 'Pull db');
  });

  test('an image another service builds: built through that service before up (up of this one would pull it)', () => {
    const worker = { name: 'worker', build: built.build, builtBy: 'api' };
    assert.deepEqual(actionFor(facts({ spec: worker, containerState: undefined, imageExists: false }))?.steps, [['build', 'api'], ['up', '-d', 'worker']]);
    assert.deepEqual(actionFor(facts({ spec: worker, containerState: undefined, imageBehind: true }))?.steps, [['build', 'api'], ['up', '-d', 'worker']]);
    assert.deepEqual(actionFor(facts({ spec: worker, containerState: undefined }))?.steps, [['up', '-d', 'worker']], 'an image there and current: up runs it');
    assert.equal(actionFor(facts({ spec: worker, imageBehind: true }))?.command, 'docker compose build api && docker compose up -d worker');
    assert.deepEqual(planOf('rebuild', worker, { forceRecreate: true }), { steps: [['build', 'api'], ['up', '-d', '--force-recreate', 'worker']] });
  });

  test('an image built outside compose that we do not run (the command has words we do not run): no action while it is missing or behind; Start once it is there', () => {
    const shop = { name: 'shop', documentedBuild: { command: 'docker build --platform linux/arm64 -t shop-app .', where: 'README.md:3', notRun: { word: '--platform' } } };
    assert.equal(actionFor(facts({ spec: shop, containerState: undefined, imageExists: false })), null);
    assert.equal(actionFor(facts({ spec: shop, imageBehind: true })), null);
    assert.equal(actionFor(facts({ spec: shop, containerState: undefined, imageBehind: true })), null, 'up would run the old image');
    assert.deepEqual(actionFor(facts({ spec: shop, containerState: undefined }))?.steps, [['up', '-d', 'shop']]);
  });

  test('an image built outside compose that we run: Start (missing) or Rebuild (behind) builds it first, by our own arguments in its folder, shown in the command', () => {
    const run = { dir: 'web', args: ['build', '--tag=shop-app', '--file=ops/Dockerfile', '.'] };
    const shop = { name: 'shop', documentedBuild: { command: 'docker build -t shop-app -f ops/Dockerfile .', where: 'web/README.md:3', run } };
    const missing = actionFor(facts({ spec: shop, containerState: undefined, imageExists: false }));
    assert.deepEqual(missing && [missing.kind, missing.imageBuild, missing.steps], ['start', run, [['up', '-d', 'shop']]]);
    assert.equal(missing?.command, '(cd web && docker build --tag=shop-app --file=ops/Dockerfile .) && docker compose up -d shop');
    const behind = actionFor(facts({ spec: shop, imageBehind: true, dockerLabel: 'DOCKER_HOST=tcp://h:2375 docker' }));
    assert.equal(behind?.kind, 'rebuild');
    assert.equal(behind?.command, '(cd web && DOCKER_HOST=tcp://h:2375 docker build --tag=shop-app --file=ops/Dockerfile .) && docker compose up -d shop');
    assert.equal(actionFor(facts({ spec: shop })), null, 'in sync: nothing to build');
    const atRoot = { ...shop, documentedBuild: { ...shop.documentedBuild, run: { dir: '.', args: ['build', '--tag=my app', '.'] } } };
    assert.equal(actionFor(facts({ spec: atRoot, imageBehind: true }))?.command, "docker build '--tag=my app' . && docker compose up -d shop");
  });

  test('stopped with its files: Start; in sync or no engine: no action', () => {
    assert.equal(actionFor(facts({ containerState: 'exited' }))?.label, 'Start api');
    assert.equal(actionFor(facts({})), null);
    assert.equal(actionFor(facts({ engineError: true, containerState: undefined })), null);
  });

  test('an action asked for by kind: a registry image is pulled where a build was asked', () => {
    assert.deepEqual(planOf('rebuild', registry, { forceRecreate: false }), { steps: [['pull', 'db'], ['up', '-d', 'db']] });
    assert.deepEqual(planOf('rebuild', built, { forceRecreate: true }), { steps: [['build', 'api'], ['up', '-d', '--force-recreate', 'api']] });
    assert.deepEqual(planOf('start', built, { forceRecreate: false }), { steps: [['up', '-d', 'api']] });
  });

  test('an action asked for by kind on an image built outside compose: never a pull; its build run by us, or nothing when we do not run it', () => {
    const run = { dir: '.', args: ['build', '--tag=shop-app', '.'] };
    const ours = { name: 'shop', image: 'shop-app', documentedBuild: { command: 'docker build -t shop-app .', where: 'README.md:3', run } };
    for (const kind of ['rebuild', 'pull'] as const) assert.deepEqual(planOf(kind, ours, { forceRecreate: false }), { imageBuild: run, steps: [['up', '-d', 'shop']] }, kind);
    assert.deepEqual(planOf('start', ours, { forceRecreate: false, imageMissing: true }), { imageBuild: run, steps: [['up', '-d', 'shop']] }, 'up alone would pull the missing image');
    assert.deepEqual(planOf('start', ours, { forceRecreate: false }), { steps: [['up', '-d', 'shop']] }, 'the image is there: up runs it');
    const away = { ...ours, documentedBuild: { command: 'docker build -t shop-app ../shared', where: 'README.md:3', notRun: { outside: '../shared' } } };
    assert.deepEqual(planOf('rebuild', away, { forceRecreate: true }), { steps: [], refused: away.documentedBuild });
    assert.ok(!JSON.stringify(planOf('pull', away, { forceRecreate: false })).includes('"pull"'));
  });
});

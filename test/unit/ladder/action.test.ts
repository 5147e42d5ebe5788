import * as assert from 'node:assert/strict';
import { actionFor, stepsOf } from '../../../src/core/ladder/action';
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
    assert.deepEqual(stepsOf('rebuild', worker, true), [['build', 'api'], ['up', '-d', '--force-recreate', 'worker']]);
  });

  test('an image built outside compose (a command the project writes down): no compose action while it is missing or behind; Start once it is there', () => {
    const shop = { name: 'shop', documentedBuild: { command: 'docker build -t shop-app .', where: 'README.md:3' } };
    assert.equal(actionFor(facts({ spec: shop, containerState: undefined, imageExists: false })), null);
    assert.equal(actionFor(facts({ spec: shop, imageBehind: true })), null);
    assert.equal(actionFor(facts({ spec: shop, containerState: undefined, imageBehind: true })), null, 'up would run the old image');
    assert.deepEqual(actionFor(facts({ spec: shop, containerState: undefined }))?.steps, [['up', '-d', 'shop']]);
  });

  test('stopped with its files: Start; in sync or no engine: no action', () => {
    assert.equal(actionFor(facts({ containerState: 'exited' }))?.label, 'Start api');
    assert.equal(actionFor(facts({})), null);
    assert.equal(actionFor(facts({ engineError: true, containerState: undefined })), null);
  });

  test('an action asked for by kind: a registry image is pulled where a build was asked', () => {
    assert.deepEqual(stepsOf('rebuild', registry, false), [['pull', 'db'], ['up', '-d', 'db']]);
    assert.deepEqual(stepsOf('rebuild', built, true), [['build', 'api'], ['up', '-d', '--force-recreate', 'api']]);
    assert.deepEqual(stepsOf('start', built, false), [['up', '-d', 'api']]);
  });
});

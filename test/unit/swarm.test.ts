import assert from 'node:assert/strict';
import { checkedContainer, sameImage, stackServiceOf, swarmServiceOf, swarmServiceReport, swarmUpdateFix } from '../../src/core/swarm';
import type { SwarmTask } from '../../src/core/ports';
import { parseEngineEvent } from '../../src/engine/events';
import { servicesForEvent } from '../../src/core/affectedServices';
import { sampleReport, staleApi } from './vscode/sampleReport';
import { dockerCommandOf } from '../../src/core/engineCommands';
import { hostedComposeLabel } from '../../src/engine/composeTarget';
import { actionFor } from '../../src/core/ladder/action';

suite('Swarm services', () => {
  test('a task is known by its Swarm service label; a compose container has none', () => {
    assert.equal(swarmServiceOf({ 'com.docker.swarm.service.name': 'shop_api' }), 'shop_api');
    assert.equal(swarmServiceOf({ 'com.docker.compose.service': 'api' }), undefined);
  });

  test('the Swarm fix addresses the same engine as the compose command the check was made against', () => {
    assert.equal(dockerCommandOf('docker compose'), 'docker');
    assert.equal(dockerCommandOf('docker-compose'), 'docker');
    assert.equal(dockerCommandOf('docker --context prod compose'), 'docker --context prod');
    assert.equal(dockerCommandOf('docker-compose --context prod'), 'docker --context prod');
    assert.equal(dockerCommandOf('DOCKER_HOST=ssh://infra docker-compose'), 'DOCKER_HOST=ssh://infra docker');
    assert.equal(dockerCommandOf("docker-compose --context 'prod eu'"), "docker --context 'prod eu'");
    assert.equal(dockerCommandOf(hostedComposeLabel('docker-compose', { source: 'context', context: "ops' eu", host: 'tcp://h:2376', options: {}, evidence: 'DOCKER_CONTEXT' })), "docker --context 'ops'\\'' eu'");
    assert.equal(swarmUpdateFix('shop_api', 'DOCKER_HOST=tcp://h:2376 DOCKER_TLS_VERIFY=1 docker compose'), 'DOCKER_HOST=tcp://h:2376 DOCKER_TLS_VERIFY=1 docker service update --force shop_api');
  });
});

suite('Swarm service report: the tasks of a stack service', () => {
  const task = (id: string, state: string, imageId: string, created: string, service = 'shop_api') => ({
    id,
    name: `${service}.1.${id}`,
    state,
    imageId,
    imageRef: 'shop_api:latest',
    created,
    labels: { 'com.docker.swarm.service.name': service, 'com.docker.stack.namespace': 'shop' },
  });

  test('every task of the service, running first then newest, each stale when it runs another image than the tag now', () => {
    const report = swarmServiceReport(
      undefined,
      [task('old', 'exited', 'sha256:1', '2024-01-01T00:00:00Z'), task('a', 'running', 'sha256:1', '2024-01-02T00:00:00Z'), task('b', 'running', 'sha256:2', '2024-01-03T00:00:00Z')],
      'sha256:2',
      'shop',
    );
    assert.equal(report?.stack, 'shop');
    assert.equal(report?.service, 'shop_api');
    assert.deepEqual(report?.tasks.map((t) => [t.id, t.stale]), [['b', false], ['a', true], ['old', true]]);
  });

  test('compose containers are no Swarm service; an image not found leaves no task stale', () => {
    assert.equal(swarmServiceReport(undefined, [{ ...task('c', 'running', 'sha256:1', '2024-01-01T00:00:00Z'), labels: { 'com.docker.compose.service': 'api' } }], 'sha256:1', 'shop'), undefined);
    assert.deepEqual(swarmServiceReport(undefined, [task('a', 'running', 'sha256:1', '2024-01-01T00:00:00Z')], undefined, 'shop')?.tasks.map((t) => t.stale), [false]);
  });

  test('an engine that is no manager: the tasks come from its own containers, all inspectable', () => {
    assert.deepEqual(swarmServiceReport(undefined, [task('a', 'running', 'sha256:1', '2024-01-01T00:00:00Z')], 'sha256:1', 'shop')?.tasks.map((t) => [t.inspectable, t.node]), [[true, undefined]]);
  });

  test('no compose action (each ends in `up`) for a Swarm task: its fix is the service update', () => {
    const facts = { spec: { name: 'api', build: undefined }, composeLabel: 'docker compose', engineError: false, containerState: 'running', stale: true, imageExists: true, imageBehind: false, changedInside: false };
    assert.equal(actionFor({ ...facts, swarmTask: true }), null);
    assert.equal(actionFor(facts)?.command, 'docker compose up -d api');
  });
});

suite("Swarm service report from the manager's records: every task on every node", () => {
  const record = (id: string, node: string, state: string, image: string, extra: Partial<SwarmTask> = {}): SwarmTask => ({ id, slot: 1, node, local: node === 'manager-1', state, image, updated: '2024-01-02T00:00:00Z', ...extra });
  const here = (id: string, imageId: string) => ({
    id,
    name: `shop_api.1.${id}`,
    state: 'running',
    imageId,
    imageRef: 'shop_api:latest',
    created: '2024-01-03T00:00:00Z',
    labels: { 'com.docker.swarm.service.name': 'shop_api', 'com.docker.stack.namespace': 'shop' },
  });

  test("another node's task is listed with its node, state and image, judged by its spec image, and not inspectable", () => {
    const report = swarmServiceReport(
      { service: 'shop_api', image: 'shop_api:2@sha256:bb', tasks: [record('t2', 'worker-1', 'running', 'shop_api:1@sha256:aa'), record('t3', 'worker-2', 'running', 'shop_api:2@sha256:bb', { slot: 2, containerId: 'c3' })] },
      [],
      undefined,
      'shop',
    );
    assert.equal(report?.image, 'shop_api:2@sha256:bb');
    assert.deepEqual(
      report?.tasks.map((t) => ({ id: t.id, name: t.name, node: t.node, state: t.state, image: t.image, imageId: t.imageId, stale: t.stale, inspectable: t.inspectable })),
      [
        { id: 't2', name: 'shop_api.1.t2', node: 'worker-1', state: 'running', image: 'shop_api:1@sha256:aa', imageId: 'sha256:aa', stale: true, inspectable: false },
        { id: 'c3', name: 'shop_api.2.t3', node: 'worker-2', state: 'running', image: 'shop_api:2@sha256:bb', imageId: 'sha256:bb', stale: false, inspectable: false },
      ],
    );
  });

  test("a task on this engine's node is its container: inspectable, and also stale when the tag now names another image", () => {
    const swarm = { service: 'shop_api', image: 'shop_api:latest', tasks: [record('t1', 'manager-1', 'running', 'shop_api:latest', { containerId: 'c1' }), record('t0', 'manager-1', 'shutdown', 'shop_api:latest', { containerId: 'gone' })] };
    const report = swarmServiceReport(swarm, [here('c1', 'sha256:old')], 'sha256:new', 'shop');
    assert.deepEqual(report?.tasks.map((t) => [t.id, t.state, t.stale, t.inspectable, t.node]), [['c1', 'running', true, true, 'manager-1'], ['gone', 'shutdown', false, false, 'manager-1']]);
    assert.equal(swarmServiceReport(swarm, [here('c1', 'sha256:new')], 'sha256:new', 'shop')?.tasks[0]?.stale, false);
  });

  test("an exited task container here is the Swarm's history once the service runs on another node; else it is the one checked", async () => {
    const exited = { ...here('c1', 'sha256:old'), state: 'exited' };
    const elsewhere = { service: 'shop_api', image: 'shop_api:latest', tasks: [record('t2', 'worker-1', 'running', 'shop_api:latest')] };
    assert.equal(await checkedContainer([exited], Promise.resolve(elsewhere)), undefined);
    assert.equal(await checkedContainer([exited], Promise.resolve(undefined)), exited);
    assert.equal(await checkedContainer([exited], Promise.resolve({ ...elsewhere, tasks: [record('t1', 'manager-1', 'running', 'shop_api:latest')] })), exited);
    const compose = { ...exited, labels: { 'com.docker.compose.service': 'api' } };
    assert.equal(await checkedContainer([compose], Promise.resolve(elsewhere)), compose);
  });

  test('image references compare by digest when both are pinned, else by repository and tag', () => {
    assert.equal(sameImage('a:1@sha256:aa', 'a:1@sha256:aa'), true);
    assert.equal(sameImage('a:1@sha256:aa', 'a:1@sha256:bb'), false);
    assert.equal(sameImage('a:1', 'a:1@sha256:aa'), true);
    assert.equal(sameImage('a:1', 'a:2'), false);
  });
});

suite('Swarm task events reach the editor as their compose service', () => {
  const taskEvent = (attrs: Record<string, string>) => JSON.stringify({ Type: 'container', Action: 'start', Actor: { ID: 't1', Attributes: attrs } });

  test("a task's start or die names the stack's compose service, so the editor re-checks it", () => {
    const event = parseEngineEvent(taskEvent({ 'com.docker.stack.namespace': 'shop', 'com.docker.swarm.service.name': 'shop_api', name: 'shop_api.1.x' }));
    assert.deepEqual({ project: event?.project, service: event?.service }, { project: 'shop', service: 'api' });
    const reports = [sampleReport({ services: [staleApi({ project: 'shop' })] })];
    assert.deepEqual(servicesForEvent(reports, event!), [{ workspace: reports[0]!.workspace, project: 'shop', service: 'api' }]);
  });

  test('a Swarm service not made by a stack deploy, or not named after its stack, is nobody\'s compose service', () => {
    assert.equal(stackServiceOf({ 'com.docker.swarm.service.name': 'web' }), undefined);
    assert.equal(stackServiceOf({ 'com.docker.stack.namespace': 'shop', 'com.docker.swarm.service.name': 'other_api' }), undefined);
    assert.equal(stackServiceOf({ 'com.docker.stack.namespace': 'shop', 'com.docker.swarm.service.name': 'shop_' }), undefined);
  });
});

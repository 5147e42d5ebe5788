// A two-node swarm of private engines in network namespaces of the test's own, joined over a veth
// (never `swarm init` on the shared engine): the manager the check talks to and a worker with a
// host name of its own. A stack's task running an older image than its service's tag is stale
// with a `docker service update --force` fix, rebuild never starts a compose container, the
// editor's tree shows stack → service → tasks on both nodes (from the Swarm's task records), and
// a service whose tasks all run on the worker reads "not inspectable from this engine", not "no
// container".
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../../src/core/model';
import type { RebuildResult } from '../../src/core/rebuild';
import Dockerode from 'dockerode';
import { buildTree } from '../../src/core/view/treeModel';
import { createExtensionBackend } from '../../src/engine/extensionBackend';
import { BUSYBOX_NODE } from './support/buildImage';
import { runCli } from './support/dockerCli';
import { writeHealthWorkspace } from './support/healthWorkspace';
import { uniqueProjectName } from './support/projectNames';
import { startRemoteHost, startWorkerEngine } from './support/remoteHost';
import type { RemoteHost, WorkerEngine } from './support/remoteHost';
import { watchEvents } from './support/watchEvents';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const PORT = 3000;

suite('Swarm stack on a private two-node swarm', function () {
  let host: RemoteHost;
  let worker: WorkerEngine;
  let ws: string;
  const stack = uniqueProjectName('rdswarm').replace(/-/g, '');
  const service = `${stack}_api`;
  const tag = `${stack}_api:latest`;

  const cli = (args: string[]) =>
    runCli(process.execPath, [CLI, ...args, '--workspace', ws, '--no-probe'], {
      env: { DOCKER_HOST: host.socketHost, DOCKER_CONTEXT: '', REQUESTS_CA_BUNDLE: '', CURL_CA_BUNDLE: '' },
      timeoutMs: 240_000,
    });
  const taskContainers = async () => (await host.docker(['ps', '-q', '--filter', `label=com.docker.swarm.service.name=${service}`])).stdout.trim().split('\n').filter(Boolean);
  const composeContainers = async () => (await host.docker(['ps', '-aq', '--filter', 'label=com.docker.compose.project'])).stdout.trim().split('\n').filter(Boolean);

  suiteSetup(async function () {
    this.timeout(300_000);
    host = await startRemoteHost({ images: [BUSYBOX_NODE] });
    worker = await startWorkerEngine(host, `rd-worker-${stack.slice(-6)}`, [BUSYBOX_NODE]);
    ws = writeHealthWorkspace({ project: stack, port: PORT, bind: '0.0.0.0' });
    const init = await host.docker(['swarm', 'init', '--advertise-addr', host.engineIp, '--listen-addr', `${host.engineIp}:2377`]);
    assert.equal(init.code, 0, init.stderr);
    const token = (await host.docker(['swarm', 'join-token', '-q', 'worker'])).stdout.trim();
    const joined = await worker.docker(['swarm', 'join', '--token', token, '--advertise-addr', worker.ip, '--listen-addr', `${worker.ip}:2377`, `${host.engineIp}:2377`]);
    assert.equal(joined.code, 0, joined.stderr);
    // No registry: each node builds the tag itself, as `docker stack deploy` of a local build needs.
    for (const engine of [host, worker]) {
      const built = await engine.docker(['build', '-q', '-t', tag, path.join(ws, 'api')], { env: { DOCKER_BUILDKIT: '0' } });
      assert.equal(built.code, 0, built.stderr);
    }
    // What `docker stack deploy` makes of the compose service: the stack's labels on the service and its tasks; one task per node.
    const created = await host.docker([
      'service', 'create', '--detach=false', '--name', service, '--replicas', '2', '--replicas-max-per-node', '1',
      '--label', `com.docker.stack.namespace=${stack}`, '--container-label', `com.docker.stack.namespace=${stack}`,
      '--network', 'host', tag,
    ]);
    assert.equal(created.code, 0, created.stderr);
  });

  suiteTeardown(async function () {
    this.timeout(120_000);
    await worker?.stop();
    await host?.stop();
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  test("the running task here is found by its stack labels and is in sync; the worker's task is listed from the Swarm's records", async () => {
    const run = await cli(['check', '--json']);
    const report = JSON.parse(run.stdout) as Report;
    const api = report.services[0];
    assert.equal(api?.container?.name.startsWith(`${service}.`), true, run.stdout);
    assert.equal(api?.staleContainer, false);
    assert.equal(report.verdict, 'in-sync', run.stdout);
    const tasks = api?.swarm?.tasks ?? [];
    assert.equal(api?.swarm?.image, tag);
    assert.deepEqual(tasks.map((t) => [t.state, t.inspectable, t.stale]).sort(), [['running', false, false], ['running', true, false]], run.stdout);
    const remote = tasks.find((t) => !t.inspectable);
    assert.deepEqual({ node: remote?.node, image: remote?.image }, { node: worker.hostname, image: tag });
    assert.equal(tasks.find((t) => t.inspectable)?.id, api?.container?.id);
  });

  test("a task running an image other than its service's tag is stale, fixed by a Swarm update, not compose", async () => {
    writeFileSync(path.join(ws, 'api', 'extra.js'), 'module.exports = 1;\n');
    const built = await host.docker(['build', '-q', '-t', tag, path.join(ws, 'api')], { env: { DOCKER_BUILDKIT: '0' } });
    assert.equal(built.code, 0, built.stderr);
    const run = await cli(['check', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const api = (JSON.parse(run.stdout) as Report).services[0];
    assert.equal(api?.staleContainer, true);
    assert.equal(api?.fix, `update the Swarm service (its task runs an old image): DOCKER_HOST=${host.socketHost} docker service update --force ${service}`);
  });

  test("the editor's tree reads stack → service → tasks, and every fix text there names the engine", async () => {
    // The extension's own backend (in this process), pointed at the private engine as a user's setting would.
    const backend = createExtensionBackend({ engineHost: host.socketHost, probeTimeoutMs: 1000, env: { ...process.env, DOCKER_CONTEXT: '' }, log: { log: () => undefined } });
    try {
      const report = await backend.check({ workspaceDir: ws, probe: false, env: process.env });
      const api = report.services[0];
      assert.deepEqual({ stack: api?.swarm?.stack, service: api?.swarm?.service }, { stack, service });
      assert.deepEqual(api?.swarm?.tasks.map((t) => [t.inspectable, t.state, t.stale]).sort(), [[false, 'running', false], [true, 'running', true]]);
      assert.equal(api?.action, null, 'no compose action for a Swarm service');
      const hosted = `DOCKER_HOST=${host.socketHost} docker service update --force ${service}`;
      assert.ok(api?.fix?.endsWith(hosted), api?.fix ?? 'no fix');

      const [root] = buildTree([report], new Date());
      assert.equal(root?.label, stack);
      assert.equal(root?.contextValue, 'stack');
      const serviceNode = root?.children[0];
      assert.equal(serviceNode?.description, 'stale · 2/2 tasks running');
      const tasks = serviceNode?.children.filter((n) => n.kind === 'task') ?? [];
      assert.equal(tasks.length, 2);
      const here = tasks.find((t) => t.contextValue === 'task:running');
      const there = tasks.find((t) => t.contextValue === 'remoteTask');
      assert.match(here?.label ?? '', new RegExp(`^${service}\\.\\d\\.\\w+ · stale$`));
      assert.equal(here?.containerId, api?.container?.id);
      assert.match(there?.label ?? '', new RegExp(`^${service}\\.\\d\\.\\w+ · current$`));
      assert.match(there?.description ?? '', new RegExp(`^running · node ${worker.hostname} · image ${tag}`));
      assert.match(there?.tooltip ?? '', new RegExp(`Task on node ${worker.hostname}: not inspectable from this engine`));
      assert.equal(there?.containerId, undefined);
      for (const text of [serviceNode?.tooltip, here?.tooltip]) assert.ok(text?.includes(hosted), text);
    } finally {
      await backend.close();
    }
  });

  test('rebuild builds the image but never starts a compose container beside the Swarm task', async () => {
    const tasks = await taskContainers();
    const run = await cli(['rebuild', 'api', '--json']);
    const result = JSON.parse(run.stdout) as RebuildResult;
    assert.equal(result.buildCode, 0, run.stderr);
    assert.equal(result.upCode, null);
    assert.equal(result.verified, false);
    assert.match(result.message, new RegExp(`runs as the Swarm service ${service}: .*docker service update --force ${service}`));
    assert.deepEqual(await composeContainers(), []);
    assert.deepEqual(await taskContainers(), tasks);
  });

  test("after the Swarm update the new task runs the current image: in sync; the editor's event stream saw the tasks change as the compose service's", async () => {
    const events = await watchEvents(new Dockerode({ socketPath: host.socketHost.slice('unix://'.length) }));
    const updated = await host.docker(['service', 'update', '--detach=false', '--force', service]);
    await events.stop();
    assert.equal(updated.code, 0, updated.stderr);
    const actions = events.seen.filter((e) => e.project === stack && e.service === 'api').map((e) => e.action);
    assert.ok(actions.includes('die') && actions.includes('start'), actions.join(','));
    const run = await cli(['check', '--json']);
    const report = JSON.parse(run.stdout) as Report;
    assert.equal(report.services[0]?.staleContainer, false, run.stdout);
    assert.equal(report.verdict, 'in-sync', run.stdout);
    // Here the replaced task stays as the Swarm's history, exited; the new one runs the current image.
    const here = report.services[0]?.swarm?.tasks.filter((t) => t.inspectable);
    assert.deepEqual(here?.map((t) => [t.state, t.stale]), [['running', false], ['exited', true]]);
    // On the worker too: a running task and the replaced one, shut down, both known only by their records.
    const there = report.services[0]?.swarm?.tasks.filter((t) => !t.inspectable);
    assert.deepEqual(there?.map((t) => [t.node, t.state]), [[worker.hostname, 'running'], [worker.hostname, 'shutdown']]);
  });

  test('a service whose tasks all run on the worker: "not inspectable from this engine", never "no container" nor a compose action', async () => {
    const moved = await host.docker(['service', 'update', '--detach=false', '--replicas', '1', '--constraint-add', 'node.role==worker', service]);
    assert.equal(moved.code, 0, moved.stderr);
    // The converged update may still be stopping the task here (its grace period): wait for its container to stop.
    const deadline = Date.now() + 60_000;
    while ((await taskContainers()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    const run = await cli(['check', '--json']);
    const api = (JSON.parse(run.stdout) as Report).services[0];
    assert.equal(api?.container, null, run.stdout);
    assert.match(api?.summary ?? '', new RegExp(`^task ${service}\\.1\\.\\w+ on node ${worker.hostname}: not inspectable from this engine$`));
    assert.doesNotMatch(api?.summary ?? '', /no container/);
    assert.equal(api?.verdict, 'in-sync');
    assert.equal(api?.action, null);
    assert.equal(api?.fix, null);
    assert.equal(run.code, 0, run.stderr);
  });
});

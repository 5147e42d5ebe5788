// A one-node swarm on a private engine in a network namespace of the test's own (never `swarm
// init` on the shared engine): a stack's task running an older image than its service's tag is
// stale with a `docker service update --force` fix, rebuild never starts a compose container, and
// the editor's tree shows stack → service → tasks.
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../../src/core/model';
import type { RebuildResult } from '../../src/core/rebuild';
import Dockerode from 'dockerode';
import type { EngineEvent } from '../../src/core/ports';
import { buildTree } from '../../src/core/view/treeModel';
import { watchEngineEvents } from '../../src/engine/events';
import type { EventSourceLike } from '../../src/engine/events';
import { createExtensionBackend } from '../../src/engine/extensionBackend';
import { BUSYBOX_NODE } from './support/buildImage';
import { runCli } from './support/dockerCli';
import { writeHealthWorkspace } from './support/healthWorkspace';
import { uniqueProjectName } from './support/projectNames';
import { startRemoteHost } from './support/remoteHost';
import type { RemoteHost } from './support/remoteHost';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const PORT = 3000;

suite('Swarm stack on a private one-node swarm', function () {
  let host: RemoteHost;
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
    ws = writeHealthWorkspace({ project: stack, port: PORT, bind: '0.0.0.0' });
    const init = await host.docker(['swarm', 'init', '--advertise-addr', '127.0.0.1', '--listen-addr', '127.0.0.1:2377']);
    assert.equal(init.code, 0, init.stderr);
    const built = await host.docker(['build', '-q', '-t', tag, path.join(ws, 'api')], { env: { DOCKER_BUILDKIT: '0' } });
    assert.equal(built.code, 0, built.stderr);
    // What `docker stack deploy` makes of the compose service: the stack's labels on the service and its tasks.
    const created = await host.docker([
      'service', 'create', '--detach=false', '--name', service,
      '--label', `com.docker.stack.namespace=${stack}`, '--container-label', `com.docker.stack.namespace=${stack}`,
      '--network', 'host', tag,
    ]);
    assert.equal(created.code, 0, created.stderr);
  });

  suiteTeardown(async function () {
    this.timeout(120_000);
    await host?.stop();
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  test('the running task is found by its stack labels and is in sync', async () => {
    const run = await cli(['check', '--json']);
    const report = JSON.parse(run.stdout) as Report;
    const api = report.services[0];
    assert.equal(api?.container?.name.startsWith(`${service}.1.`), true, run.stdout);
    assert.equal(api?.staleContainer, false);
    assert.equal(report.verdict, 'in-sync', run.stdout);
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
      assert.deepEqual(api?.swarm?.tasks.map((t) => [t.state, t.stale]), [['running', true]]);
      assert.equal(api?.action, null, 'no compose action for a Swarm service');
      const hosted = `DOCKER_HOST=${host.socketHost} docker service update --force ${service}`;
      assert.ok(api?.fix?.endsWith(hosted), api?.fix ?? 'no fix');

      const [root] = buildTree([report], new Date());
      assert.equal(root?.label, stack);
      assert.equal(root?.contextValue, 'stack');
      const serviceNode = root?.children[0];
      assert.equal(serviceNode?.description, 'stale · 1/1 task running');
      const tasks = serviceNode?.children.filter((n) => n.kind === 'task') ?? [];
      assert.equal(tasks.length, 1);
      assert.match(tasks[0]?.label ?? '', new RegExp(`^${service}\\.1\\.\\w+ · stale$`));
      assert.equal(tasks[0]?.containerId, api?.swarm?.tasks[0]?.id);
      for (const text of [serviceNode?.tooltip, tasks[0]?.tooltip]) assert.ok(text?.includes(hosted), text);
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
    const docker = new Dockerode({ socketPath: host.socketHost.slice('unix://'.length) });
    const seen: EngineEvent[] = [];
    const stop = new AbortController();
    let connected!: () => void;
    const open = new Promise<void>((resolve) => (connected = resolve));
    const watching = watchEngineEvents(docker as unknown as EventSourceLike, (e) => seen.push(e), stop.signal, { onConnected: () => connected() });
    await open;
    const updated = await host.docker(['service', 'update', '--detach=false', '--force', service]);
    stop.abort();
    await watching;
    assert.equal(updated.code, 0, updated.stderr);
    const actions = seen.filter((e) => e.project === stack && e.service === 'api').map((e) => e.action);
    assert.ok(actions.includes('die') && actions.includes('start'), actions.join(','));
    const run = await cli(['check', '--json']);
    const report = JSON.parse(run.stdout) as Report;
    assert.equal(report.services[0]?.staleContainer, false, run.stdout);
    assert.equal(report.verdict, 'in-sync', run.stdout);
    // The replaced task stays as the Swarm's history, shut down; the new one runs the current image.
    assert.deepEqual(report.services[0]?.swarm?.tasks.map((t) => [t.state, t.stale]), [['running', false], ['exited', true]]);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTree, type TreeNodeModel } from '../../../src/core/view/treeModel';
import { idleDb, NOW, route, sampleReport, staleApi, syncedWeb, WS } from './sampleReport';
import { LARGE_GROUP } from '../../../src/core/view/treeModel';

function find(nodes: TreeNodeModel[], pred: (n: TreeNodeModel) => boolean): TreeNodeModel | undefined {
  for (const n of nodes) {
    if (pred(n)) return n;
    const inner = find(n.children, pred);
    if (inner) return inner;
  }
  return undefined;
}

suite('treeModel', () => {
  test('groups services under their compose project', () => {
    const roots = buildTree([sampleReport()], NOW);
    assert.equal(roots.length, 1);
    assert.equal(roots[0]?.label, 'demo');
    assert.deepEqual(roots[0]?.children.map((c) => c.label), ['api', 'web']);
    assert.match(roots[0]?.description ?? '', /1 drifted/);
  });

  test("stacks of one project name from separate files of a folder are one node each, labelled by their file, and Start All stays in its stack", () => {
    const full = idleDb({ project: 'demo', stackFile: 'docker-compose.full.yml' });
    const minio = idleDb({ project: 'demo', stackFile: 'docker-compose.minio.yml' });
    const roots = buildTree([sampleReport({ services: [full, minio] })], NOW);
    assert.deepEqual(roots.map((r) => [r.label, r.description]), [
      ['demo', 'docker-compose.full.yml · 1 service · 1 not running'],
      ['demo', 'docker-compose.minio.yml · 1 service · 1 not running'],
    ]);
    assert.equal(new Set(roots.map((r) => r.id)).size, 2);
    assert.match(roots[1]?.tooltip ?? '', /^Compose project demo \(docker-compose\.minio\.yml\) in \/ws/);
    assert.deepEqual(roots[1]?.projectRef, { workspace: WS, project: 'demo', stackFile: 'docker-compose.minio.yml' });
  });

  test('paths the check was led to outside the workspace show once, under the first project of the folder, each a child', () => {
    const full = idleDb({ project: 'demo', stackFile: 'docker-compose.full.yml' });
    const minio = idleDb({ project: 'demo', stackFile: 'docker-compose.minio.yml' });
    const roots = buildTree([sampleReport({ services: [full, minio], readOutside: ['.env', 'config/base.json'] })], NOW);
    const outside = roots.map((r) => r.children.filter((c) => c.id.endsWith('/outside')));
    assert.deepEqual(outside.map((list) => list.length), [1, 0]);
    const node = outside[0]?.[0];
    assert.equal(node?.label, 'not read: outside the workspace');
    assert.equal(node?.description, '2');
    assert.deepEqual(node?.children.map((c) => c.label), ['.env', 'config/base.json']);
    assert.match(node?.tooltip ?? '', /not read and count as absent[^]*\.env\nconfig\/base\.json/);
    assert.equal(find(buildTree([sampleReport()], NOW), (n) => n.id.endsWith('/outside')), undefined);
  });

  test('Dockerfiles checked with no compose file: the project node says so; with no container no action nor Rebuild, with a stale one Recreate and Rebuild', () => {
    const alone = idleDb({ project: 'shop', name: 'shop', action: null, standalone: { dockerfile: 'Dockerfile', context: '.' } });
    const roots = buildTree([sampleReport({ services: [alone] })], NOW);
    assert.equal(roots[0]?.description, 'Dockerfiles, no compose file · 1 service · 1 not running');
    assert.match(roots[0]?.tooltip ?? '', /^The Dockerfiles of shop, each checked as a service: no compose file here/);
    const svc = find(roots, (n) => n.kind === 'service' && n.label === 'shop');
    assert.equal(svc?.contextValue, 'service:standalone');
    const menus = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus['view/item/context'] ?? [];
    const offered = (command: string, contextValue: string): boolean =>
      menus
        .filter((m) => m.command === command)
        .some((m) => {
          const when = m.when ?? '';
          const re = [...when.matchAll(/viewItem =~ \/(.*?)\/(?=\s|\)|$)/g)].map((x) => new RegExp(x[1] ?? ''));
          // `viewItem =~ /a/ && !(viewItem =~ /b/) ...`: the first must match, the negated ones must not.
          return when.includes('!(viewItem =~') ? !re.some((r, i) => i > 0 && r.test(contextValue)) && (re[0]?.test(contextValue) ?? false) : re.every((r) => r.test(contextValue));
        });
    assert.equal(offered('runtimeDrift.rebuildService', svc?.contextValue ?? ''), false);
    assert.equal(offered('runtimeDrift.recreateService', svc?.contextValue ?? ''), false);
    const stale = { ...staleApi(), project: 'shop', name: 'shop', standalone: { dockerfile: 'Dockerfile', context: '.' }, action: { kind: 'recreate' as const, label: 'Recreate shop', steps: [], container: { name: 'shop-dev', image: 'shop' }, command: 'recreate shop-dev on shop with its own options' } };
    const ran = find(buildTree([sampleReport({ services: [stale] })], NOW), (n) => n.kind === 'service' && n.label === 'shop');
    assert.equal(ran?.contextValue, 'service:container:running:standalone:recreate');
    assert.equal(offered('runtimeDrift.recreateService', ran?.contextValue ?? ''), true);
    assert.equal(offered('runtimeDrift.rebuildService', ran?.contextValue ?? ''), true);
  });

  test('a service shows sync and health apart: description words, icon colour for sync, icon shape for health', () => {
    const roots = buildTree([sampleReport({ services: [staleApi(), syncedWeb({ container: null })] })], NOW);
    const api = find(roots, (n) => n.kind === 'service' && n.label === 'api');
    const web = find(roots, (n) => n.kind === 'service' && n.label === 'web');
    assert.equal(api?.description, 'stale · running');
    assert.equal(api?.icon.id, 'vm-running');
    assert.equal(api?.icon.color, 'charts.orange');
    assert.equal(web?.description, 'in sync · no container · 1 route');
    assert.equal(web?.icon.color, 'charts.green');
    assert.equal(web?.icon.id, 'vm-outline');
  });

  test('container node label says stale or current and shows image short id and age', () => {
    const roots = buildTree([sampleReport()], NOW);
    const apiContainer = find(roots, (n) => n.kind === 'container' && n.ref?.service === 'api');
    const webContainer = find(roots, (n) => n.kind === 'container' && n.ref?.service === 'web');
    assert.equal(apiContainer?.label, 'demo-api-1 · stale');
    assert.equal(webContainer?.label, 'demo-web-1 · current');
    assert.match(apiContainer?.description ?? '', /running · image aaaa1111bbbb · created 2 h ago/);
    assert.match(apiContainer?.tooltip ?? '', /built 5 min ago/);
    assert.equal(apiContainer?.contextValue, 'container:running');
  });

  test('modules carry the first failing rung; routes sit under their module with the live status', () => {
    const roots = buildTree([sampleReport()], NOW);
    const workflow = find(roots, (n) => n.kind === 'module' && n.label === 'workflow');
    assert.equal(workflow?.description, 'fails at container · container is stale · 1 route · 1 missing');
    assert.equal(workflow?.resource, '/ws/backend/src/modules/workflow');
    assert.match(workflow?.tooltip ?? '', /✗ container: expected \/app\/dist\/modules\/workflow/);
    const routeLabels = workflow?.children.map((c) => c.label);
    assert.deepEqual(routeLabels, ['GET /api/v1/workflows/steps/definitions → 404']);
    const users = find(roots, (n) => n.kind === 'module' && n.label === 'users');
    assert.equal(users?.description, 'in sync · 1 route');
    assert.equal(users?.children[0]?.label, 'GET /api/v1/users → 401');
    assert.equal(users?.children[0]?.description, 'needs auth');
  });

  test('routes outside any module hang under the service; clicking a route reveals its source line', () => {
    const roots = buildTree([sampleReport()], NOW);
    const health = find(roots, (n) => n.kind === 'route' && n.label.startsWith('GET /health'));
    assert.ok(health);
    assert.equal(health.command, undefined, 'a route declared in config has no source to open');
    const defs = find(roots, (n) => n.kind === 'route' && n.label.includes('/steps/definitions'));
    assert.deepEqual(defs?.command?.args, [{ resource: '/ws/backend/src/modules/workflow/workflow.controller.ts', line: 12 }]);
  });

  test('service context value enables logs only with a container and shell only when running', () => {
    const exited = staleApi({ container: { ...staleApi().container!, state: 'exited' } });
    const roots = buildTree([sampleReport({ services: [staleApi(), exited, syncedWeb({ name: 'worker', container: null })] })], NOW);
    const values = roots[0]?.children.map((c) => c.contextValue);
    assert.deepEqual(values, ['service:container:running:recreate', 'service:container:recreate', 'service']);
  });

  test('ids are stable across checks so expansion state survives a refresh', () => {
    const a = buildTree([sampleReport()], NOW);
    const b = buildTree([sampleReport({ checkedAt: '2024-05-01T12:05:00Z' })], NOW);
    const ids = (nodes: TreeNodeModel[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children)]);
    assert.deepEqual(ids(a), ids(b));
    assert.equal(new Set(ids(a)).size, ids(a).length, 'ids are unique');
  });

  test('an unreachable engine yields no nodes, so the welcome view explains what to do', () => {
    const roots = buildTree([sampleReport({ engine: { reachable: false, host: 'unix:///var/run/docker.sock', error: 'Docker engine not reachable' } })], NOW);
    assert.deepEqual(roots, []);
  });

  test('service errors become message nodes', () => {
    const roots = buildTree([sampleReport({ services: [syncedWeb({ errors: ['Dockerfile not found'] })] })], NOW);
    const msg = find(roots, (n) => n.kind === 'message');
    assert.equal(msg?.label, 'Dockerfile not found');
  });

  test('a service that was never started is neutral: "not running", no red, collapsed, Start in its context value', () => {
    const roots = buildTree([sampleReport({ services: [idleDb()] })], NOW);
    const db = find(roots, (n) => n.kind === 'service' && n.label === 'postgres');
    assert.equal(db?.description, 'not running');
    assert.equal(db?.icon.color, undefined);
    assert.equal(db?.expanded, false);
    assert.equal(db?.contextValue, 'service:start');
    const container = db?.children[0];
    assert.equal(container?.label, 'not running');
    assert.equal(container?.icon.color, undefined);
    assert.equal(roots[0]?.description, '1 service · 1 not running');
    assert.equal(roots[0]?.contextValue, 'project:startable');
    assert.deepEqual(roots[0]?.projectRef, { workspace: WS, project: 'demo' });
  });

  test('services are sorted by what needs attention: drift, then not running, then in sync', () => {
    const roots = buildTree([sampleReport({ services: [syncedWeb({ name: 'a-web' }), idleDb(), staleApi({ name: 'z-api' })] })], NOW);
    assert.deepEqual(roots[0]?.children.map((c) => c.label), ['z-api', 'postgres', 'a-web']);
  });

  test('a large group of routes is collapsed and counts what it holds', () => {
    const many = Array.from({ length: LARGE_GROUP + 3 }, (_, i) =>
      route({ path: `/r${i}`, status: i < 2 ? 404 : 200, verdict: i < 2 ? 'missing' : 'live' }),
    );
    const roots = buildTree([sampleReport({ services: [staleApi({ routes: many, modules: [] })] })], NOW);
    const group = find(roots, (n) => n.label === 'routes');
    assert.equal(group?.description, `${LARGE_GROUP + 3} routes · 2 missing`);
    assert.equal(group?.expanded, false);
    assert.equal(group?.children.length, LARGE_GROUP + 3);
  });

  test('what the source scan could not know is one collapsed "warnings" node, each warning hoverable in full', () => {
    const w = 'backend/src/app.ts:12: @Get path is not known statically; route skipped (list it in x-runtime-drift.routes)';
    const roots = buildTree([sampleReport({ services: [staleApi({ warnings: [w] })] })], NOW);
    const api = roots[0]?.children.find((n) => n.label === 'api');
    const node = api?.children.find((n) => n.label === 'warnings');
    assert.equal(node?.description, '1');
    assert.equal(node?.expanded, false);
    assert.equal(node?.children[0]?.tooltip, w);
    const quiet = buildTree([sampleReport({ services: [staleApi({ warnings: [] })] })], NOW)[0]?.children.find((n) => n.label === 'api');
    assert.equal(quiet?.children.some((n) => n.label === 'warnings'), false);
  });
});


suite('treeModel: a Swarm stack reads stack → service → tasks', () => {
  const running = { id: 'task1container000000', name: 'shop_api.1.k3v9', state: 'running', imageId: 'sha256:aaaa1111bbbb2222cccc', created: '2024-05-01T10:00:00Z', stale: true, inspectable: true };
  const second = { id: 'task2container000000', name: 'shop_api.2.p0q1', state: 'running', imageId: 'sha256:9c1e2d3f4a5b6c7d8e9f', created: '2024-05-01T11:58:00Z', stale: false, inspectable: true };
  const shutDown = { id: 'task0container000000', name: 'shop_api.1.a1b2', state: 'exited', imageId: 'sha256:0000aaaa1111', created: '2024-05-01T08:00:00Z', stale: true, inspectable: true };
  const fix = 'update the Swarm service (its task runs an old image): DOCKER_HOST=ssh://infra-1 docker service update --force shop_api';
  const swarmApi = () =>
    staleApi({
      project: 'shop',
      container: { id: running.id, name: running.name, state: 'running', imageId: running.imageId, created: running.created },
      swarm: { stack: 'shop', service: 'shop_api', tasks: [running, second, shutDown] },
      fix,
      action: null,
    });

  test('the project node is the stack: named so, and no compose "Start All" on it', () => {
    const roots = buildTree([sampleReport({ services: [swarmApi(), syncedWeb({ project: 'shop', action: { kind: 'start', label: 'Start web', steps: [['up', '-d', 'web']], command: 'docker compose up -d web' } })] })], NOW);
    assert.equal(roots[0]?.label, 'shop');
    assert.match(roots[0]?.description ?? '', /^Swarm stack · 2 services/);
    assert.match(roots[0]?.tooltip ?? '', /^Swarm stack shop \(docker stack deploy\)/);
    assert.equal(roots[0]?.contextValue, 'stack');
  });

  test('a compose project is still a project with its container, not a stack', () => {
    const roots = buildTree([sampleReport()], NOW);
    assert.equal(roots[0]?.contextValue, 'project');
    assert.doesNotMatch(roots[0]?.description ?? '', /Swarm/);
    assert.equal(find(roots, (n) => n.kind === 'task'), undefined);
  });

  test('under the service, one node per task (running first), each stale or current against the service image; no container node', () => {
    const roots = buildTree([sampleReport({ services: [swarmApi()] })], NOW);
    const api = find(roots, (n) => n.kind === 'service' && n.label === 'api');
    assert.equal(api?.description, 'stale · 2/3 tasks running');
    assert.match(api?.tooltip ?? '', /Swarm service shop_api of the stack shop/);
    const tasks = api?.children.filter((c) => c.kind === 'task') ?? [];
    assert.deepEqual(tasks.map((t) => t.label), ['shop_api.1.k3v9 · stale', 'shop_api.2.p0q1 · current', 'shop_api.1.a1b2 · exited']);
    assert.equal(api?.children.some((c) => c.kind === 'container'), false);
    assert.deepEqual(tasks.map((t) => t.contextValue), ['task:running', 'task:running', 'task']);
    assert.deepEqual(tasks.map((t) => t.icon.color), ['charts.orange', 'charts.green', undefined]);
    assert.deepEqual(tasks.map((t) => t.containerId), [running.id, second.id, shutDown.id]);
    assert.match(tasks[0]?.description ?? '', /^running · image aaaa1111bbbb · created 2 h ago$/);
    assert.match(tasks[0]?.tooltip ?? '', /Stale: .* \(update the Swarm service .*DOCKER_HOST=ssh:\/\/infra-1 docker service update --force shop_api\)/);
  });

  test("another node's task shows its node and image, says it is not inspectable from this engine, and offers no container menu", () => {
    const remote = { id: 'task3record00000000', name: 'shop_api.3.r7s8', state: 'running', imageId: 'sha256:aa', created: '2024-05-01T11:00:00Z', stale: true, node: 'worker-1', image: 'shop_api:1@sha256:aa', inspectable: false };
    const report = swarmApi();
    report.swarm = { stack: 'shop', service: 'shop_api', image: 'shop_api:2@sha256:bb', tasks: [running, remote] };
    const tasks = find(buildTree([sampleReport({ services: [report] })], NOW), (n) => n.kind === 'service' && n.label === 'api')?.children.filter((c) => c.kind === 'task') ?? [];
    assert.equal(tasks[1]?.label, 'shop_api.3.r7s8 · stale');
    assert.equal(tasks[1]?.description, 'running · node worker-1 · image shop_api:1@sha256:aa · created 1 h ago');
    assert.match(tasks[1]?.tooltip ?? '', /on node worker-1 is running\./);
    assert.match(tasks[1]?.tooltip ?? '', /The service's image shop_api:2@sha256:bb\./);
    assert.match(tasks[1]?.tooltip ?? '', /Task on node worker-1: not inspectable from this engine/);
    assert.equal(tasks[1]?.contextValue, 'remoteTask');
    assert.equal(tasks[1]?.containerId, undefined);
  });

  test('task ids stay stable across checks, so expansion and selection survive a refresh', () => {
    const ids = (nodes: TreeNodeModel[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children)]);
    const a = ids(buildTree([sampleReport({ services: [swarmApi()] })], NOW)).filter((id) => id.includes('/t:'));
    const b = ids(buildTree([sampleReport({ services: [swarmApi()], checkedAt: '2024-05-01T12:05:00Z' })], NOW)).filter((id) => id.includes('/t:'));
    assert.equal(a.length, 3);
    assert.deepEqual(a, b);
  });
});

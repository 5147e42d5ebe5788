import assert from 'node:assert/strict';
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


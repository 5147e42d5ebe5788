import assert from 'node:assert/strict';
import { computeRouteLenses, routeLensTitle } from '../../../src/core/view/codeLensModel';
import { COMMAND } from '../../../src/core/commandIds';
import { idleDb, route, sampleReport, staleApi, WS } from './sampleReport';

suite('codeLensModel', () => {
  test('the classic: a 404 from a stale container, with a separate Recreate lens', () => {
    const lenses = computeRouteLenses([sampleReport()]);
    const file = `${WS}/backend/src/modules/workflow/workflow.controller.ts`;
    const list = lenses.get(file);
    assert.equal(list?.length, 2);
    assert.equal(list?.[0]?.title, 'GET /api/v1/workflows/steps/definitions → 404 in runtime · container is stale');
    assert.equal(list?.[0]?.line, 12);
    assert.equal(list?.[1]?.title, 'Recreate api');
    assert.equal(list?.[1]?.command, COMMAND.recreateService);
    assert.deepEqual(list?.[1]?.args, [{ workspace: WS, project: 'demo', service: 'api' }]);
  });

  test('a 401 names the service as stale too, since the container is behind', () => {
    const svc = staleApi();
    const users = svc.routes[1]!;
    assert.equal(routeLensTitle(svc, users), 'GET /api/v1/users → 401 in runtime · container is stale');
  });

  test('a live route in a current container has just the answer and no fix lens', () => {
    const svc = staleApi({ staleContainer: false, verdict: 'in-sync', missingFiles: [], missingFilesInImage: [], modules: [] });
    const r = route({ path: '/api/v1/ping', file: 'backend/src/ping.ts', line: 3, status: 200 });
    assert.equal(routeLensTitle(svc, r), 'GET /api/v1/ping → 200 in runtime');
    const lenses = computeRouteLenses([sampleReport({ services: [{ ...svc, routes: [r] }] })]);
    assert.deepEqual(lenses.get(`${WS}/backend/src/ping.ts`)?.map((l) => l.title), ['GET /api/v1/ping → 200 in runtime']);
  });

  test('a route under a prefix not known statically says it was not probed and what fixes it, whatever the service\'s state', () => {
    const svc = staleApi();
    const r = route({ path: '/…/users/:id', file: 'u.ts', line: 4, status: null, verdict: 'not-probed', prefixUnknown: true, detail: 'prefix not known statically: not sent' });
    assert.equal(routeLensTitle(svc, r), 'GET /…/users/:id → not probed: prefix unknown · list its full path in x-runtime-drift.routes');
    const lenses = computeRouteLenses([sampleReport({ services: [{ ...svc, routes: [r] }] })]);
    assert.equal(lenses.get(`${WS}/u.ts`)?.[0]?.tooltip, 'prefix not known statically: not sent');
  });

  test('a route needing auth with no token offers Set Probe Credential when nothing needs rebuilding', () => {
    const svc = staleApi({ staleContainer: false, verdict: 'in-sync', missingFiles: [], missingFilesInImage: [], modules: [], action: null });
    const r = route({ path: '/api/v1/users', file: 'u.ts', line: 2, status: 401, verdict: 'needs-auth' });
    const lenses = computeRouteLenses([sampleReport({ services: [{ ...svc, routes: [r] }] })]);
    assert.deepEqual(lenses.get(`${WS}/u.ts`)?.map((l) => l.title), ['GET /api/v1/users → 401 in runtime', 'Set Probe Credential']);
  });

  test('a route missing from the image says so and offers Rebuild', () => {
    const svc = staleApi({
      staleContainer: false,
      missingFilesInImage: [],
      modules: [staleApi().modules[0]!, ...staleApi().modules.slice(1)].map((m) => (m.name === 'workflow' ? { ...m, firstFailure: 'image' as const } : m)),
      action: { kind: 'rebuild', label: 'Rebuild api', steps: [['build', 'api'], ['up', '-d', 'api']], command: 'docker compose build api && docker compose up -d api' },
    });
    const lenses = computeRouteLenses([sampleReport({ services: [svc] })]);
    const titles = lenses.get(`${WS}/backend/src/modules/workflow/workflow.controller.ts`)?.map((l) => l.title);
    assert.deepEqual(titles, ['GET /api/v1/workflows/steps/definitions → 404 in runtime · not in the image', 'Rebuild api']);
  });

  test('the token answer is shown next to the anonymous one', () => {
    const svc = staleApi({ staleContainer: false, verdict: 'in-sync' });
    const r = route({ path: '/api/v1/users', status: 401, verdict: 'needs-auth', authStatus: 200, authVerdict: 'live' });
    assert.equal(routeLensTitle(svc, r), 'GET /api/v1/users → 401 (200 with token) in runtime');
  });

  test('a service that does not run: its routes read "not probed: not running" and the lens is Start', () => {
    const r = route({ path: '/api/users', module: null, file: 'api/src/users/users.controller.ts', line: 9, status: null, verdict: 'not-probed', detail: 'not running' });
    const svc = idleDb({ name: 'api', routes: [r], action: { kind: 'start', label: 'Start api', steps: [['up', '-d', 'api']], command: 'docker compose up -d api' } });
    const lenses = computeRouteLenses([sampleReport({ services: [svc] })]).get(`${WS}/api/src/users/users.controller.ts`);
    assert.deepEqual(lenses?.map((l) => l.title), ['GET /api/users → not probed: not running', 'Start api']);
    assert.equal(lenses?.[1]?.command, COMMAND.startService);
  });

  test('services built from one source (variants, profiles): the same answer is said once with one fix; a service that does not run says nothing where one that runs answers', () => {
    const idle = (name: string) => {
      const r = route({ path: '/api/users', module: null, file: 'api/src/users/users.controller.ts', line: 9, status: null, verdict: 'not-probed', detail: 'not running' });
      return idleDb({ name, routes: [r], action: { kind: 'start', label: `Start ${name}`, steps: [['up', '-d', name]], command: `docker compose up -d ${name}` } });
    };
    const file = `${WS}/api/src/users/users.controller.ts`;
    const none = computeRouteLenses([sampleReport({ services: [idle('api'), idle('api-dev'), idle('api-aio')] })]).get(file);
    assert.deepEqual(none?.map((l) => l.title), ['GET /api/users → not probed: not running', 'Start api']);
    const running = staleApi({ staleContainer: false, verdict: 'in-sync', missingFiles: [], missingFilesInImage: [], modules: [], routes: [route({ path: '/api/users', module: null, file: 'api/src/users/users.controller.ts', line: 9, status: 200 })] });
    const one = computeRouteLenses([sampleReport({ services: [idle('api-dev'), running, idle('api-aio')] })]).get(file);
    assert.deepEqual(one?.map((l) => l.title), ['GET /api/users → 200 in runtime']);
  });

  test('a stopped container: "not probed: not running (container exited)", with no "in runtime"', () => {
    const r = route({ path: '/api/users', status: null, verdict: 'not-probed', detail: 'not running (container exited)' });
    const svc = staleApi({ verdict: 'stopped', staleContainer: false, container: { ...staleApi().container!, state: 'exited' } });
    assert.equal(routeLensTitle(svc, r), 'GET /api/users → not probed: not running (container exited)');
  });
});

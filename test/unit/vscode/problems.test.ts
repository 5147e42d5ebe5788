import assert from 'node:assert/strict';
import { computeProblems } from '../../../src/core/view/problems';
import { sampleReport, staleApi, syncedWeb, WS } from './sampleReport';
import type { ConfigDrift } from '../../../src/core/model';

const CONTROLLER = `${WS}/backend/src/modules/workflow/workflow.controller.ts`;
const SERVICE = `${WS}/backend/src/modules/workflow/workflow.service.ts`;

suite('problems', () => {
  test('files the newest image has but the container lacks: a warning on line 1 saying so, with the service action as fix', () => {
    const problems = computeProblems([sampleReport()]);
    const onService = problems.get(SERVICE);
    assert.equal(onService?.length, 1);
    const [p] = onService ?? [];
    assert.equal(p?.line, 1);
    assert.equal(p?.severity, 'warning');
    assert.equal(p?.code, 'file-not-in-container');
    assert.match(p?.message ?? '', /^api: not in the running container demo-api-1 .*the newest image 9c1e2d3f4a5b has it — fix: recreate \(Recreate api\)/);
    assert.deepEqual(p?.fix, { title: 'Recreate api', command: 'runtimeDrift.recreateService', ref: { workspace: WS, project: 'demo', service: 'api' } });
  });

  test('a route handler whose live route answers 404 gets a warning on its line, after the file one', () => {
    const onController = computeProblems([sampleReport()]).get(CONTROLLER) ?? [];
    assert.deepEqual(onController.map((p) => [p.line, p.code]), [[1, 'file-not-in-container'], [12, 'route-missing']]);
    assert.match(onController[1]?.message ?? '', /^api: GET \/api\/v1\/workflows\/steps\/definitions → 404 in runtime · .*stale.* — fix: Recreate api \(docker compose up -d api\)$/);
  });

  test('a file in neither the image nor the container is an error (build); another build of a file is a warning', () => {
    const api = staleApi({
      staleContainer: false,
      missingFilesInImage: [],
      changedFiles: ['backend/src/modules/users/users.service.ts'],
      action: { kind: 'rebuild', label: 'Rebuild api', steps: [['build', 'api']], command: 'docker compose build api && docker compose up -d api' },
    });
    const problems = computeProblems([sampleReport({ services: [api] })]);
    assert.deepEqual(problems.get(SERVICE)?.map((p) => [p.severity, p.code]), [['error', 'file-not-built']]);
    assert.match(problems.get(SERVICE)?.[0]?.message ?? '', /in neither the image .* nor the container .* — fix: build \(Rebuild api\)/);
    const changed = problems.get(`${WS}/backend/src/modules/users/users.service.ts`);
    assert.deepEqual(changed?.map((p) => [p.severity, p.code, p.fix?.command]), [['warning', 'file-another-build', 'runtimeDrift.rebuildService']]);
  });

  test('nothing for services in sync, and nothing when the engine cannot be reached', () => {
    assert.equal(computeProblems([sampleReport({ services: [syncedWeb()] })]).size, 0);
    const down = sampleReport({ engine: { reachable: false, host: 'unix:///var/run/docker.sock', error: 'connect ENOENT' } });
    assert.equal(computeProblems([down]).size, 0);
  });

  test('a service with no action offers no quick fix', () => {
    const problems = computeProblems([sampleReport({ services: [staleApi({ action: null })] })]);
    assert.equal(problems.get(SERVICE)?.[0]?.fix, undefined);
    assert.doesNotMatch(problems.get(CONTROLLER)?.[1]?.message ?? '', /fix:/);
  });

  test('each compose line the container was not created with is a warning with Recreate; a hidden value stays hidden', () => {
    const drift: ConfigDrift[] = [
      { field: 'environment.FEATURE_WORKFLOW', compose: 'on', container: 'off', hidden: false, evidence: 'environment.FEATURE_WORKFLOW: compose says `on`, container has `off`', file: 'compose.yaml', line: 9 },
      { field: 'environment.DB_PASSWORD', compose: null, container: null, hidden: true, evidence: 'environment.DB_PASSWORD (value hidden: secret-looking name): values differ', file: 'compose.yaml', line: 10 },
      { field: 'labels.tier', compose: 'a', container: 'b', hidden: false, evidence: 'labels.tier: not placed', file: null, line: null },
    ];
    const api = syncedWeb({ name: 'api', verdict: 'drift', configDrift: drift, action: { kind: 'recreate', label: 'Recreate api', steps: [['up', '-d', 'api']], command: 'docker compose up -d api' } });
    const onCompose = computeProblems([sampleReport({ services: [api] })]).get(`${WS}/compose.yaml`) ?? [];
    assert.deepEqual(onCompose.map((p) => [p.line, p.severity, p.code, p.fix?.title]), [[9, 'warning', 'config-differs', 'Recreate api'], [10, 'warning', 'config-differs', 'Recreate api']]);
    assert.match(onCompose[0]?.message ?? '', /^api: the container was created from an older compose configuration — environment\.FEATURE_WORKFLOW: compose says `on`, container has `off` — fix: Recreate api$/);
    assert.match(onCompose[1]?.message ?? '', /values differ/);
  });
});

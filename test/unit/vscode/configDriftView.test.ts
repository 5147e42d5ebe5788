import assert from 'node:assert/strict';
import { computeGutterMarks } from '../../../src/core/view/gutterMarks';
import { composeServiceLenses } from '../../../src/core/view/configDriftView';
import { buildTree } from '../../../src/core/view/treeModel';
import type { ConfigDrift, ServiceReport } from '../../../src/core/model';
import { sampleReport, syncedWeb, WS } from './sampleReport';

const COMPOSE = `${WS}/compose.yaml`;

function drifted(): ServiceReport {
  const drift: ConfigDrift[] = [
    { field: 'environment.FEATURE_WORKFLOW', compose: 'on', container: 'off', hidden: false, evidence: 'environment.FEATURE_WORKFLOW: compose says `on`, container has `off`', file: 'compose.yaml', line: 9 },
    { field: 'environment.DB_PASSWORD', compose: null, container: null, hidden: true, evidence: 'environment.DB_PASSWORD (value hidden: secret-looking name): values differ', file: 'compose.yaml', line: 10 },
    { field: 'command', compose: '["node","b"]', container: '["node","a"]', hidden: false, evidence: 'command: …', file: 'compose.yaml', line: 6 },
  ];
  return syncedWeb({
    name: 'api',
    verdict: 'drift',
    configDrift: drift,
    configBasis: 'field by field',
    composeLine: { file: 'compose.yaml', line: 4 },
    action: { kind: 'recreate', label: 'Recreate api', steps: [['up', '-d', 'api']], command: 'docker compose up -d api' },
  });
}

suite('config drift in the editor (view models)', () => {
  test('a config badge on each compose line whose value differs, with both values in the hover and Recreate', () => {
    const marks = computeGutterMarks([sampleReport({ services: [drifted()] })]).get(COMPOSE) ?? [];
    assert.deepEqual(marks.map((m) => [m.line, m.kind]), [[6, 'config'], [9, 'config'], [10, 'config']]);
    const env = marks.find((m) => m.line === 9)?.hover ?? '';
    assert.match(env, /compose says `on`, the container has `off`/);
    assert.match(env, /\[Recreate api\]\(command:runtimeDrift\.recreateService\?/);
  });

  test('a hidden value is not in the hover, only that it differs', () => {
    const hover = computeGutterMarks([sampleReport({ services: [drifted()] })]).get(COMPOSE)?.find((m) => m.line === 10)?.hover ?? '';
    assert.match(hover, /`environment\.DB_PASSWORD` \\\(value hidden: secret-looking name\\\): values differ/);
  });

  test('the service line gets what differs and Recreate as lenses', () => {
    const lenses = composeServiceLenses([sampleReport({ services: [drifted()] })]).get(COMPOSE) ?? [];
    assert.deepEqual(lenses.map((l) => [l.line, l.title, l.command]), [
      [4, 'config differs from compose: environment.FEATURE_WORKFLOW, environment.DB_PASSWORD, command', 'runtimeDrift.showReport'],
      [4, 'Recreate api', 'runtimeDrift.recreateService'],
    ]);
  });

  test('no config drift, no lens and no config line', () => {
    assert.equal(composeServiceLenses([sampleReport({ services: [syncedWeb()] })]).size, 0);
    const service = buildTree([sampleReport({ services: [syncedWeb()] })], new Date())[0]?.children[0];
    assert.ok(!service?.children.some((c) => c.contextValue === 'config'));
  });

  test('the tree shows config drift as its own line under the service, each field revealing its compose line', () => {
    const service = buildTree([sampleReport({ services: [drifted()] })], new Date())[0]?.children[0];
    const config = service?.children.find((c) => c.contextValue === 'config');
    assert.equal(config?.label, 'config differs from compose');
    assert.equal(config?.description, '3 fields · environment.FEATURE_WORKFLOW, environment.DB_PASSWORD, command');
    const secret = config?.children.find((c) => c.label === 'environment.DB_PASSWORD');
    assert.equal(secret?.description, 'differs (value hidden)');
    assert.deepEqual(config?.children[0]?.command?.args, [{ resource: COMPOSE, line: 9 }]);
  });
});

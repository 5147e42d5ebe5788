import assert from 'node:assert/strict';
import { statusBarModel } from '../../../src/core/view/statusBarModel';
import { viewState } from '../../../src/core/view/viewState';
import { idleDb, sampleReport, staleApi, syncedWeb } from './sampleReport';
import { checkMessage } from '../../../src/core/view/checkMessage';

suite('statusBarModel', () => {
  test('in sync', () => {
    const m = statusBarModel({ reports: [sampleReport({ verdict: 'in-sync', services: [syncedWeb()] })], checking: false });
    assert.equal(m.text, '$(check) Runtime in sync');
    assert.equal(m.severity, 'ok');
  });

  test('counts drifted services and lists their fix in the tooltip', () => {
    const m = statusBarModel({ reports: [sampleReport()], checking: false });
    assert.equal(m.text, '$(warning) 1 drifted');
    assert.match(m.tooltip, /api: container runs an older image .* fix: docker compose build api && docker compose up -d api/);
  });

  test('engine unreachable wins over stale service state', () => {
    const m = statusBarModel({ reports: [sampleReport({ engine: { reachable: false, host: 'unix:///var/run/docker.sock', error: 'Docker engine not reachable at unix:///var/run/docker.sock' } })], checking: false });
    assert.equal(m.text, '$(debug-disconnect) Engine unreachable');
    assert.match(m.tooltip, /not reachable at unix/);
  });

  test('before the first report: checking, or the failure', () => {
    assert.equal(statusBarModel({ reports: [], checking: true }).text, '$(sync~spin) Checking runtime…');
    assert.equal(statusBarModel({ reports: [], checking: false, error: 'compose.yaml: bad' }).text, '$(error) Runtime check failed');
  });

  test('a running re-check adds a spinner without hiding the verdict', () => {
    assert.equal(statusBarModel({ reports: [sampleReport()], checking: true }).text, '$(warning) 1 drifted $(sync~spin)');
  });

  test('view state drives the welcome view', () => {
    assert.equal(viewState([], true), 'checking');
    assert.equal(viewState([sampleReport({ services: [] })], false), 'noCompose');
    assert.equal(viewState([sampleReport({ engine: { reachable: false, host: 'h', error: null } })], false), 'noEngine');
    assert.equal(viewState([sampleReport()], false), 'ready');
    assert.equal(viewState([], false, 'boom'), 'error');
  });
});

suite('statusBarModel: services that do not run', () => {
  test('nothing started: "N not running", neutral (no warning colour)', () => {
    const model = statusBarModel({ reports: [sampleReport({ services: [idleDb(), idleDb({ name: 'api' })] })], checking: false });
    assert.equal(model.text, '$(circle-outline) 2 not running');
    assert.equal(model.severity, 'none');
    assert.match(model.tooltip, /postgres: not running \(no container\) — docker compose up -d postgres/);
  });

  test('drift still wins over not running', () => {
    const model = statusBarModel({ reports: [sampleReport({ services: [idleDb(), staleApi()] })], checking: false });
    assert.equal(model.text, '$(warning) 1 drifted');
  });
});

suite('checkMessage: what Check Runtime says', () => {
  test('nothing running: no notification at all', () => {
    assert.deepEqual(checkMessage([sampleReport({ services: [idleDb(), idleDb({ name: 'api' })] })]), { kind: 'none' });
  });

  test('drift beside a registry image that is not running: the main button is the drifted service\'s action, never a build of the image', () => {
    const said = checkMessage([sampleReport({ services: [idleDb(), staleApi(), syncedWeb()] })]);
    assert.equal(said.kind, 'warning');
    if (said.kind !== 'warning') return;
    assert.equal(said.action?.label, 'Recreate api');
    assert.equal(said.action?.kind, 'recreate');
    assert.doesNotMatch(said.text, /postgres/);
  });

  test('everything in sync: a short information', () => {
    assert.deepEqual(checkMessage([sampleReport({ services: [syncedWeb()] })]), { kind: 'info', text: 'Runtime in sync: 1 service(s) checked.' });
  });
});

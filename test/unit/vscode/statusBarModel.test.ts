import assert from 'node:assert/strict';
import { statusBarModel } from '../../../src/core/view/statusBarModel';
import { viewState } from '../../../src/core/view/viewState';
import { sampleReport, syncedWeb } from './sampleReport';

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

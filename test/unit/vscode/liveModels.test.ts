import assert from 'node:assert/strict';
import { servicesForEvent, servicesForFile } from '../../../src/core/affectedServices';
import { createBatchDebouncer, type Timers } from '../../../src/vscode/debouncer';
import { mergeReport } from '../../../src/core/report/mergeReport';
import type { ServiceRef } from '../../../src/core/view/serviceRef';
import { sampleReport, staleApi, syncedWeb, WS } from './sampleReport';

const API: ServiceRef = { workspace: WS, project: 'demo', service: 'api' };

suite('affectedServices', () => {
  test('a source file re-checks the service whose source root holds it', () => {
    assert.deepEqual(servicesForFile([sampleReport()], '/ws/backend/src/modules/workflow/new.ts'), [API]);
    assert.deepEqual(servicesForFile([sampleReport()], '/ws/docs/readme.ts'), []);
  });

  test('compose files and Dockerfiles may change any service', () => {
    assert.equal(servicesForFile([sampleReport()], '/ws/compose.override.yaml'), 'all');
    assert.equal(servicesForFile([sampleReport()], '/ws/backend/Dockerfile'), 'all');
    // What Docker reads when the context has no Dockerfile.
    assert.equal(servicesForFile([sampleReport()], '/ws/backend/dockerfile'), 'all');
  });

  test('container start/die follow compose labels; unknown compose services trigger a full check', () => {
    assert.deepEqual(servicesForEvent([sampleReport()], { type: 'container', action: 'start', project: 'demo', service: 'api' }), [API]);
    assert.equal(servicesForEvent([sampleReport()], { type: 'container', action: 'die', project: 'demo', service: 'queue' }), 'all');
  });

  test('create/destroy of a container the report does not know (the check listing an image) is ignored', () => {
    const e = { type: 'container' as const, action: 'destroy', project: 'demo', service: 'api', id: 'temp0123' };
    assert.deepEqual(servicesForEvent([sampleReport()], e), []);
    assert.deepEqual(servicesForEvent([sampleReport()], { ...e, id: staleApi().container!.id }), [API]);
  });

  test("exec events count only for a container a report knows (any compose project's execs are not news here)", () => {
    const e = { type: 'container' as const, action: 'exec_die', project: 'demo', service: 'queue', id: 'elsewhere', execId: 'x' };
    assert.deepEqual(servicesForEvent([sampleReport()], e), []);
    assert.deepEqual(servicesForEvent([sampleReport()], { ...e, service: 'api', id: staleApi().container!.id }), [API]);
  });

  test('image tag events map by image name', () => {
    assert.deepEqual(servicesForEvent([sampleReport()], { type: 'image', action: 'tag', name: 'demo-api:latest' }), [API]);
  });
});

suite('mergeReport', () => {
  test('a re-checked service replaces its old entry; the others are kept; the verdict is recomputed', () => {
    const fixed = staleApi({ verdict: 'in-sync', staleContainer: false, missingFiles: [], missingFilesInImage: [] });
    const merged = mergeReport(sampleReport(), sampleReport({ services: [fixed], checkedAt: 'later', verdict: 'in-sync' }));
    assert.deepEqual(merged.services.map((s) => [s.name, s.verdict]), [
      ['api', 'in-sync'],
      ['web', 'in-sync'],
    ]);
    assert.equal(merged.verdict, 'in-sync');
    assert.equal(merged.checkedAt, 'later');
  });

  test('a new service is appended; another workspace replaces wholesale', () => {
    const merged = mergeReport(sampleReport({ services: [syncedWeb()] }), sampleReport({ services: [staleApi()] }));
    assert.deepEqual(merged.services.map((s) => s.name), ['web', 'api']);
    assert.equal(merged.verdict, 'drift');
    const other = sampleReport({ workspace: '/other', services: [] });
    assert.equal(mergeReport(sampleReport(), other), other);
  });
});

suite('batch debouncer', () => {
  function fakeTimers() {
    const pending = new Map<number, () => void>();
    let next = 0;
    const timers: Timers = {
      setTimeout: (fn) => {
        pending.set(++next, fn);
        return next;
      },
      clearTimeout: (h) => void pending.delete(h as number),
    };
    return { timers, flush: () => [...pending.values()].forEach((fn) => fn()), pending };
  }

  test('keys added during the quiet period fire once, deduplicated', () => {
    const t = fakeTimers();
    const fired: unknown[] = [];
    const d = createBatchDebouncer<ServiceRef>(500, (b) => fired.push(b), t.timers);
    d.add([API]);
    d.add([API, { ...API, service: 'web' }]);
    assert.equal(t.pending.size, 1, 'one timer, restarted');
    t.flush();
    assert.deepEqual(fired, [[API, { ...API, service: 'web' }]]);
  });

  test("'all' absorbs individual services", () => {
    const t = fakeTimers();
    const fired: unknown[] = [];
    const d = createBatchDebouncer<ServiceRef>(500, (b) => fired.push(b), t.timers);
    d.add([API]);
    d.add('all');
    d.add([API]);
    t.flush();
    assert.deepEqual(fired, ['all']);
  });

  test('an empty batch schedules nothing; dispose cancels', () => {
    const t = fakeTimers();
    const d = createBatchDebouncer<ServiceRef>(500, () => assert.fail('must not fire'), t.timers);
    d.add([]);
    assert.equal(t.pending.size, 0);
    d.add([API]);
    d.dispose();
    assert.equal(t.pending.size, 0);
  });

  function timedFakeTimers() {
    let now = 0;
    const pending = new Map<number, { at: number; fn: () => void }>();
    let next = 0;
    const timers: Timers = {
      setTimeout: (fn, ms) => {
        pending.set(++next, { at: now + ms, fn });
        return next;
      },
      clearTimeout: (h) => void pending.delete(h as number),
    };
    /** Runs every timer due up to `ms` from now, in time order. */
    const advance = (ms: number) => {
      const end = now + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    };
    return { timers, advance };
  }

  test('a change after a quiet spell goes out after firstMs, with what arrived meanwhile', () => {
    const t = timedFakeTimers();
    const fired: unknown[] = [];
    const d = createBatchDebouncer<ServiceRef>({ quietMs: 500, firstMs: 25 }, (b) => fired.push(b), t.timers);
    d.add([API]);
    t.advance(10);
    d.add([{ ...API, service: 'web' }]);
    t.advance(14);
    assert.deepEqual(fired, [], 'not before firstMs');
    t.advance(1);
    assert.deepEqual(fired, [[API, { ...API, service: 'web' }]]);
  });

  test('changes right after a batch wait for quietMs of quiet and go out as one batch', () => {
    const t = timedFakeTimers();
    const fired: unknown[] = [];
    const d = createBatchDebouncer<ServiceRef>({ quietMs: 500, firstMs: 25 }, (b) => fired.push(b), t.timers);
    d.add([API]);
    t.advance(25);
    for (let i = 0; i < 5; i++) {
      d.add([API]);
      t.advance(300);
    }
    assert.equal(fired.length, 1, 'the burst is still going');
    t.advance(200);
    assert.deepEqual(fired, [[API], [API]]);
    // Quiet for quietMs after that batch: the next change is a first one again.
    t.advance(500);
    d.add([API]);
    t.advance(25);
    assert.equal(fired.length, 3);
  });

  test("'all' after a quiet spell still waits quietMs (activation lets the editor settle)", () => {
    const t = timedFakeTimers();
    const fired: unknown[] = [];
    const d = createBatchDebouncer<ServiceRef>({ quietMs: 500, firstMs: 25 }, (b) => fired.push(b), t.timers);
    d.add('all');
    t.advance(499);
    assert.deepEqual(fired, []);
    t.advance(1);
    assert.deepEqual(fired, ['all']);
  });
});


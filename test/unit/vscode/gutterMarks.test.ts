import assert from 'node:assert/strict';
import { computeGutterMarks } from '../../../src/core/view/gutterMarks';
import { sampleReport, staleApi, WS } from './sampleReport';

const CONTROLLER = `${WS}/backend/src/modules/workflow/workflow.controller.ts`;

suite('gutterMarks', () => {
  test('line 1 of a drifted file and each route handler line, coloured by the live answer', () => {
    const marks = computeGutterMarks([sampleReport()]);
    assert.deepEqual(marks.get(CONTROLLER)?.map((m) => [m.line, m.kind]), [
      [1, 'stale'],
      [12, 'stale'],
    ]);
    assert.deepEqual(marks.get(`${WS}/backend/src/modules/users/users.controller.ts`)?.map((m) => [m.line, m.kind]), [[8, 'auth']]);
    assert.deepEqual(marks.get(`${WS}/backend/src/modules/workflow/workflow.service.ts`)?.map((m) => m.kind), ['stale']);
  });

  test('a 404 from a current container is missing; 5xx broken; unreachable unknown; 2xx live', () => {
    const base = staleApi({ staleContainer: false, missingFiles: [], missingFilesInImage: [] });
    const mk = (verdict: 'missing' | 'broken' | 'unreachable' | 'live') => ({ ...base.routes[0]!, verdict, file: `f-${verdict}.ts`, line: 3 });
    const svc = { ...base, routes: [mk('missing'), mk('broken'), mk('unreachable'), mk('live')] };
    const marks = computeGutterMarks([sampleReport({ services: [svc] })]);
    assert.equal(marks.get(`${WS}/f-missing.ts`)?.[0]?.kind, 'missing');
    assert.equal(marks.get(`${WS}/f-broken.ts`)?.[0]?.kind, 'broken');
    assert.equal(marks.get(`${WS}/f-unreachable.ts`)?.[0]?.kind, 'unknown');
    assert.equal(marks.get(`${WS}/f-live.ts`)?.[0]?.kind, 'live');
  });

  test('hover explains the rung and offers the fix as an encoded command link', () => {
    const marks = computeGutterMarks([sampleReport()]);
    const routeMark = marks.get(CONTROLLER)?.find((m) => m.line === 12);
    assert.match(routeMark?.hover ?? '', /answered \*\*404\*\* in runtime/);
    assert.match(routeMark?.hover ?? '', /Why: container is stale\./);
    const args = encodeURIComponent(JSON.stringify([{ workspace: WS, project: 'demo', service: 'api' }]));
    assert.ok(routeMark?.hover.includes(`[Recreate api](command:runtimeDrift.recreateService?${args}`), routeMark?.hover);
    const fileMark = marks.get(CONTROLLER)?.find((m) => m.line === 1);
    assert.match(fileMark?.hover ?? '', /the container is stale/);
    assert.match(fileMark?.hover ?? '', /- ✗ container: expected/);
  });

  test('the hover of a route under a prefix not known statically says it was not probed and why, not that it answered', () => {
    const detail = 'prefix not known statically: not sent; list the route with its full path in x-runtime-drift.routes';
    const svc = staleApi({ routes: [{ ...staleApi().routes[0]!, path: '/…/steps', status: null, verdict: 'not-probed', prefixUnknown: true, detail }] });
    const hover = computeGutterMarks([sampleReport({ services: [svc] })]).get(CONTROLLER)?.find((m) => m.line === 12)?.hover ?? '';
    assert.match(hover, /`GET \/…\/steps` was \*\*not probed\*\*: its mount prefix is not known statically/);
    assert.ok(hover.includes('x-runtime-drift.routes') && !hover.includes('answered') && !hover.includes('Why:'), hover);
  });

  test('text from the workspace cannot inject links into trusted markdown', () => {
    const svc = staleApi({ routes: [{ ...staleApi().routes[0]!, detail: '[click](command:workbench.action.terminal.new)' }] });
    const marks = computeGutterMarks([sampleReport({ services: [svc] })]);
    const hover = marks.get(CONTROLLER)?.find((m) => m.line === 12)?.hover ?? '';
    assert.ok(!hover.includes('[click](command:workbench'), hover);
  });
});

import assert from 'node:assert/strict';
import { changedPaths, computeFileDriftStates } from '../../../src/core/view/fileDriftState';
import { moduleReport, rungs, sampleReport, staleApi } from './sampleReport';

const CONTROLLER = '/ws/backend/src/modules/workflow/workflow.controller.ts';
const SERVICE = '/ws/backend/src/modules/workflow/workflow.service.ts';

suite('fileDriftState', () => {
  test('a file in the newest image but not in the container is stale: badge S, fix recreate', () => {
    const states = computeFileDriftStates([sampleReport()]);
    const s = states.get(CONTROLLER);
    assert.equal(s?.kind, 'stale');
    assert.equal(s?.badge, 'S');
    assert.equal(s?.folder, false);
    assert.match(s?.tooltip ?? '', /fix: recreate/);
    assert.match(s?.tooltip ?? '', /workflow: source ✓ · build ✓ · image ✓ · container ✗/);
  });

  test('a file in neither image nor container is missing: badge M, fix build', () => {
    const api = staleApi({ missingFilesInImage: ['backend/src/modules/workflow/workflow.service.ts'] });
    const states = computeFileDriftStates([sampleReport({ services: [api] })]);
    assert.equal(states.get(CONTROLLER)?.badge, 'M');
    assert.match(states.get(CONTROLLER)?.tooltip ?? '', /fix: build/);
    assert.equal(states.get(SERVICE)?.badge, 'S');
  });

  test('a file the container has in another build is changed: badge C, fix rebuild; a missing copy elsewhere wins', () => {
    const APP = '/ws/backend/src/app.module.ts';
    const api = staleApi({ changedFiles: ['backend/src/app.module.ts', 'backend/src/modules/workflow/workflow.controller.ts'] });
    const states = computeFileDriftStates([sampleReport({ services: [api] })]);
    assert.equal(states.get(APP)?.kind, 'changed');
    assert.equal(states.get(APP)?.badge, 'C');
    assert.match(states.get(APP)?.tooltip ?? '', /another build of this file/);
    assert.equal(states.get(CONTROLLER)?.badge, 'S', 'stale outranks changed');
    assert.match(states.get('/ws/backend/src')?.tooltip ?? '', /1 running another build \(fix: rebuild\)/);
  });

  test('folders up to the workspace root get the worst state and a count', () => {
    const api = staleApi({ missingFilesInImage: ['backend/src/modules/workflow/workflow.service.ts'] });
    const states = computeFileDriftStates([sampleReport({ services: [api] })]);
    for (const dir of ['/ws/backend/src/modules/workflow', '/ws/backend/src/modules', '/ws/backend', '/ws']) {
      const s = states.get(dir);
      assert.equal(s?.folder, true, dir);
      assert.equal(s?.badge, 'M', dir);
    }
    assert.match(states.get('/ws/backend')?.tooltip ?? '', /2 files not running — 1 not built into the image \(fix: build\), 1 in the image but not the container \(fix: recreate\)/);
    assert.equal(states.has('/'), false, 'nothing above the workspace');
  });

  test('a folder holding only stale files is S', () => {
    const states = computeFileDriftStates([sampleReport()]);
    assert.equal(states.get('/ws/backend/src/modules/workflow')?.badge, 'S');
  });

  test('a file two services run shows its worst copy with a line per service, and counts once in its folders', () => {
    const worker = staleApi({ name: 'worker', staleContainer: false, missingFiles: ['backend/src/modules/workflow/workflow.controller.ts'], missingFilesInImage: [] });
    const states = computeFileDriftStates([sampleReport({ services: [staleApi(), worker] })]);
    const s = states.get(CONTROLLER);
    assert.equal(s?.badge, 'M');
    const lines = (s?.tooltip ?? '').split('\n').filter((l) => !l.startsWith('workflow: '));
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^api: .*fix: recreate/);
    assert.match(lines[1] ?? '', /^worker: .*fix: build/);
    assert.equal(states.get(SERVICE)?.badge, 'S');
    assert.match(states.get('/ws/backend/src/modules/workflow')?.tooltip ?? '', /2 files not running — 1 not built into the image \(fix: build\), 1 in the image but not the container \(fix: recreate\)/);
  });

  test('a path to normalise lands on its plain spelling; a module whose source is a file is that file\'s module', () => {
    const main = moduleReport({ name: 'main', source: 'backend/src/main.ts', rungs: rungs('image'), firstFailure: 'image' });
    const api = staleApi({
      modules: [...staleApi().modules, main],
      missingFiles: ['backend/src/modules/workflow/./workflow.controller.ts', 'backend/src/main.ts'],
      missingFilesInImage: [],
    });
    const states = computeFileDriftStates([sampleReport({ services: [api] })]);
    assert.equal(states.get(CONTROLLER)?.badge, 'M');
    assert.match(states.get(CONTROLLER)?.tooltip ?? '', /workflow: source ✓ · build ✓ · image ✓ · container ✗/);
    assert.match(states.get('/ws/backend/src/main.ts')?.tooltip ?? '', /main: source ✓ · build ✓ · image ✗/);
    assert.match(states.get('/ws/backend/src')?.tooltip ?? '', /^Runtime Drift: 2 files not running/);
    assert.equal([...states.keys()].some((k) => k.includes('/./')), false);
  });

  test('a folder\'s files keep its shared state around files that take their own path (to normalise, a module of their own) and after another folder', () => {
    const special = moduleReport({ name: 'special', source: 'backend/src/modules/workflow/special.ts', rungs: rungs('image'), firstFailure: 'image' });
    const dir = 'backend/src/modules/workflow/';
    const api = staleApi({
      modules: [...staleApi().modules, special],
      missingFiles: [`${dir}a.ts`, `${dir}b.ts`, `${dir}./c.ts`, `${dir}special.ts`, `${dir}d.ts`, 'backend/src/modules/users/u.ts', `${dir}e.ts`],
      missingFilesInImage: [],
    });
    const states = computeFileDriftStates([sampleReport({ services: [api] })]);
    const at = (name: string) => states.get(`/ws/${dir}${name}`);
    const plain = at('a.ts');
    assert.equal(plain?.badge, 'M');
    assert.match(plain?.tooltip ?? '', /workflow: source ✓ · build ✓ · image ✓ · container ✗/);
    for (const name of ['b.ts', 'd.ts', 'e.ts']) assert.equal(at(name), plain, `${name} shares the folder's state`);
    assert.equal(at('c.ts')?.badge, 'M');
    assert.notEqual(at('c.ts'), plain);
    assert.match(at('special.ts')?.tooltip ?? '', /special: source ✓ · build ✓ · image ✗/);
    assert.equal(states.get('/ws/backend/src/modules/users/u.ts')?.badge, 'M');
    assert.match(states.get('/ws/backend/src/modules/workflow')?.tooltip ?? '', /^Runtime Drift: 6 files not running/);
    assert.match(states.get('/ws/backend/src/modules')?.tooltip ?? '', /^Runtime Drift: 7 files not running/);
  });

  test('no badges while the engine is unreachable', () => {
    const states = computeFileDriftStates([sampleReport({ engine: { reachable: false, host: 'x', error: 'down' } })]);
    assert.equal(states.size, 0);
  });

  test('change set: only paths whose state appeared, changed or disappeared', () => {
    const before = computeFileDriftStates([sampleReport()]);
    const same = computeFileDriftStates([sampleReport({ checkedAt: 'later' })]);
    assert.deepEqual(changedPaths(before, same), []);

    const oneFixed = staleApi({
      missingFiles: ['backend/src/modules/workflow/workflow.controller.ts'],
      missingFilesInImage: ['backend/src/modules/workflow/workflow.controller.ts'],
    });
    const after = computeFileDriftStates([sampleReport({ services: [oneFixed] })]);
    const changed = changedPaths(before, after);
    assert.ok(changed.includes(SERVICE), 'the fixed file loses its badge');
    assert.ok(!changed.includes(CONTROLLER), 'the unchanged file is not refreshed');
    assert.ok(changed.includes('/ws/backend'), 'folder counts changed');

    const allFixed = computeFileDriftStates([sampleReport({ services: [staleApi({ missingFiles: [], missingFilesInImage: [] })] })]);
    assert.deepEqual(changedPaths(before, allFixed), [...before.keys()].sort());
  });

  test('lookups answer as a Map of the same paths, in any order: folder by folder, interleaved, near misses', () => {
    const api = staleApi({
      missingFiles: ['backend/src/modules/workflow/workflow.controller.ts', 'backend/src/modules/workflow/workflow.service.ts', 'backend/src/main.ts', 'backend/README'],
      missingFilesInImage: ['backend/src/main.ts'],
    });
    const states = computeFileDriftStates([sampleReport({ services: [api] })]);
    const plain = new Map(states);
    assert.equal(plain.size, states.size);
    assert.ok(plain.size >= 8, [...plain.keys()].join());
    const asked = [
      ...plain.keys(),
      CONTROLLER,
      '/ws/backend/src/modules/workflow/other.ts',
      '/ws/backend/src/modules/workflow/',
      '/ws/backend/src/modules/workflowx/workflow.controller.ts',
      '/ws/backend/src/modules/workflo',
      '/ws/backend/src/main.tsx',
      '/ws/backend/src/main.ts',
      '/ws/backend/src',
      '/ws/backend/src/',
      '/ws',
      '/',
      '',
      'workflow.controller.ts',
      '/ws/backend/README',
      '/ws/backend/src/modules/workflow/workflow.service.ts',
    ];
    // Forwards, backwards and alternating, so the remembered last folder is hit and missed.
    for (const order of [asked, [...asked].reverse(), asked.flatMap((p, i) => [p, asked[asked.length - 1 - i] as string])]) {
      for (const p of order) {
        assert.equal(states.get(p), plain.get(p), p);
        assert.equal(states.has(p), plain.has(p), p);
      }
    }
    assert.deepEqual([...states.values()], [...plain.values()]);
  });
});

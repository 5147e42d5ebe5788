import assert from 'node:assert/strict';
import { decorationsSummary } from '../../../bench/decorationsSummary';
import type { ChildResult } from '../../../bench/protocol';

const run = (ms: number, mainCpuMs: number, waitMs: number, processCpuMs: number): ChildResult => ({
  ms,
  peakRssMb: 50,
  facts: { files: 100_000, decorated: 10_000, computeMs: ms / 2, lookupMs: ms / 2, mainCpuMs, waitMs, processCpuMs, warmTotalMs: 15 },
});

suite('bench decorationsSummary: the cold decorations over fresh processes', () => {
  test('the median is the figure, the worst is kept, and every process is listed with what its wall time was made of', () => {
    const s = decorationsSummary([run(24, 21, 1, 40), run(55, 23, 30, 48), run(26, 22, 2, 41)]);
    assert.equal(s.totalMs, 26);
    assert.equal(s.worstMs, 55, 'a slow process is not hidden by the median');
    assert.equal(s.mainCpuMs, 22);
    assert.equal(s.waitMs, 2);
    assert.equal(s.processCpuMs, 41);
    assert.equal(s.processes, 3);
    assert.deepEqual(s.coldRuns, [[24, 21, 1, 40], [55, 23, 30, 48], [26, 22, 2, 41]]);
  });

  test('a regression in every process moves the median', () => {
    const s = decorationsSummary([run(70, 60, 1, 80), run(72, 61, 2, 82), run(69, 59, 1, 79), run(24, 21, 1, 40)]);
    assert.equal(s.totalMs, 69.5);
    assert.equal(s.mainCpuMs, 59.5);
  });
});

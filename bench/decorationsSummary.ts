// The decorations figure over several fresh processes: each process's cold round (bench/decorationsChild.ts),
// every one listed, the median (the target's figure) and the worst, and what the wall time was made of.
import type { ChildResult } from './protocol';
import { median } from './stats';

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function decorationsSummary(runs: readonly ChildResult[]): Record<string, unknown> {
  const fact = (r: ChildResult, key: string): number => Number(r.facts[key]);
  const med = (key: string): number => round2(median(runs.map((r) => fact(r, key))));
  return {
    files: runs[0]?.facts.files,
    processes: runs.length,
    totalMs: round2(median(runs.map((r) => r.ms))),
    worstMs: round2(Math.max(...runs.map((r) => r.ms))),
    computeMs: med('computeMs'),
    lookupMs: med('lookupMs'),
    mainCpuMs: med('mainCpuMs'),
    waitMs: med('waitMs'),
    processCpuMs: med('processCpuMs'),
    warmTotalMs: med('warmTotalMs'),
    decorated: runs[0]?.facts.decorated,
    // Every process, so a median cannot hide a bimodal run: wall, main thread's CPU, its wait for a core, all threads' CPU.
    coldRuns: runs.map((r) => [round2(r.ms), round2(fact(r, 'mainCpuMs')), round2(fact(r, 'waitMs')), round2(fact(r, 'processCpuMs'))]),
    note: 'totalMs: cold (fresh process, first report), median of processes, worstMs the slowest; coldRuns: [wall, main-thread CPU, main thread waiting for a core, CPU of all threads] ms per process; warmTotalMs: later reports in the same process',
  };
}

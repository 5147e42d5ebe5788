// The fault tier's table: every test is a case; afterEach records whether it held, and the end
// of the run prints cases tried / held (the README keeps the same table). Loaded by
// .mocharc.faults.json as a root-hook plugin.
import type { Context } from 'mocha';

interface CaseResult {
  suite: string;
  title: string;
  state: 'held' | 'NOT HELD' | 'skipped';
  ms: number;
}

const results: CaseResult[] = [];

export const mochaHooks = {
  afterEach(this: Context): void {
    const t = this.currentTest;
    if (!t) return;
    const state = t.state === 'passed' ? 'held' : t.state === 'failed' ? 'NOT HELD' : 'skipped';
    results.push({ suite: t.parent?.title ?? '', title: t.title, state, ms: t.duration ?? 0 });
  },
  afterAll(): void {
    if (results.length === 0) return;
    const held = results.filter((r) => r.state === 'held').length;
    const tried = results.filter((r) => r.state !== 'skipped').length;
    const lines = ['', `fault cases: ${tried} tried, ${held} held`, '', '| area | case | held | time |', '| --- | --- | --- | --- |'];
    for (const r of results) lines.push(`| ${r.suite} | ${r.title} | ${r.state} | ${(r.ms / 1000).toFixed(1)} s |`);
    process.stdout.write(`${lines.join('\n')}\n`);
  },
};

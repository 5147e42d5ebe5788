// The decorations task of a bench child: every explorer decoration of a 100,000-file workspace
// answered from the in-memory result. Build the state map once (as the provider does on a new
// report), then one lookup per file. The first round is cold (the first report after start), the
// rest warm (later reports).
//
// A cold round's wall time depends on the machine as much as on the code (bench/README.md,
// "decorations", session 33): V8 optimises hot functions on a background thread, so on an idle
// 2-core machine that work runs beside the round, and when the other core is busy it runs in the
// round's time instead (wall up to the process's whole CPU). Each round therefore also reports
// the main thread's own CPU time and the time it waited runnable for a core (the kernel's
// schedstat), and the CPU of all the process's threads.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { median } from './stats';

/** Rounds of the decorations task: one cold, the rest warm (median reported). */
const ROUNDS = 6;
/**
 * Pause between making the input and the cold round: V8 finishes compiling the bench's own
 * input-making loops on its background threads meanwhile, instead of in the measured round.
 */
const SETTLE_MS = 250;

interface Clock {
  wall: number;
  /** Main thread on a core, ms. */
  run: number;
  /** Main thread runnable but waiting for a core, ms. */
  wait: number;
  /** All threads of the process (main, compiler, GC helpers), ms. */
  cpu: number;
}

function clock(): Clock {
  // /proc/<pid>/task/<pid>/schedstat: ns on a core, ns waiting on a run queue, time slices.
  const [run = 0, wait = 0] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
  const u = process.cpuUsage();
  return { wall: performance.now(), run: run / 1e6, wait: wait / 1e6, cpu: (u.user + u.system) / 1000 };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function between(a: Clock, b: Clock): Clock {
  return { wall: round2(b.wall - a.wall), run: round2(b.run - a.run), wait: round2(b.wait - a.wait), cpu: round2(b.cpu - a.cpu) };
}

interface Round {
  compute: Clock;
  lookup: Clock;
  total: Clock;
  decorated: number;
}

export async function decorationsTask(files: number, collectGarbage: () => void): Promise<{ ms: number; facts: Record<string, unknown> }> {
  const [{ computeFileDriftStates }, { syntheticReport }] = await Promise.all([import('../src/core/view/fileDriftState'), import('./syntheticReport')]);
  const { report, paths } = syntheticReport(files);
  // Making the input (100,000 paths and their JSON round trip) leaves the young generation
  // full: collected here, or the cold round pays scavenges of the bench's own garbage.
  collectGarbage();
  await sleep(SETTLE_MS);
  // Once before the rounds: the first read of /proc runs Node's cold file-reading code.
  clock();
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const c0 = clock();
    const states = computeFileDriftStates([report]);
    const c1 = clock();
    let decorated = 0;
    for (const p of paths) if (states.get(p)) decorated += 1;
    const c2 = clock();
    rounds.push({ compute: between(c0, c1), lookup: between(c1, c2), total: between(c0, c2), decorated });
  }
  const cold = rounds[0] as Round;
  return {
    ms: cold.total.wall,
    facts: {
      files: paths.length,
      decorated: cold.decorated,
      computeMs: cold.compute.wall,
      lookupMs: cold.lookup.wall,
      mainCpuMs: cold.total.run,
      waitMs: cold.total.wait,
      processCpuMs: cold.total.cpu,
      warmTotalMs: median(rounds.slice(1).map((x) => x.total.wall)),
      warmMainCpuMs: median(rounds.slice(1).map((x) => x.total.run)),
    },
  };
}

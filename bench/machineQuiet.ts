// How busy the whole machine is, from /proc/stat: the bench waits for the engine's clean-up of
// the stacks (image and layer removal goes on after the API calls return) to die down before it
// times something as short as the cold decorations, and records the share it saw.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** Jiffies of all CPUs together: busy (user, nice, system, irq, softirq, steal) and in all. */
export interface CpuJiffies {
  busy: number;
  total: number;
}

/** The aggregate `cpu ` line of /proc/stat; undefined when there is none. */
export function cpuJiffies(procStat: string): CpuJiffies | undefined {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return undefined;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

/** Share of all CPUs busy between two readings (0..1); null when no time passed. */
export function busyShare(before: CpuJiffies, after: CpuJiffies): number | null {
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : null;
}

export interface Quiet {
  /** Busy share of the last window measured (0..1), null when /proc/stat could not be read. */
  busy: number | null;
  waitedMs: number;
}

/** Waits until a `windowMs` window has at most `maxBusy` of the CPUs busy, or `timeoutMs` passed. */
export async function waitForQuiet(maxBusy: number, windowMs: number, timeoutMs: number): Promise<Quiet> {
  const t0 = Date.now();
  const read = async (): Promise<CpuJiffies | undefined> => cpuJiffies(await readFile('/proc/stat', 'utf8').catch(() => ''));
  for (;;) {
    const before = await read();
    await sleep(windowMs);
    const after = await read();
    const busy = before && after ? busyShare(before, after) : null;
    if (busy === null || busy <= maxBusy || Date.now() - t0 >= timeoutMs) return { busy, waitedMs: Date.now() - t0 };
  }
}

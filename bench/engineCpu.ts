// CPU time the engine side spends while one bench child runs: dockerd, containerd and the
// containerd-shims, whose reaped children (runc, and `find`/`stat` run in the containers by exec)
// count in their cutime/cstime. Read from /proc before and after each child; the bench runs its
// children one at a time on an otherwise idle machine, so the difference is that child's. Where
// the engine is not a local process (Docker Desktop's VM, a remote host) or /proc is missing,
// there is nothing to read: null.
import { readdirSync, readFileSync } from 'node:fs';

/** Process names (comm) that do the engine's work. */
const ENGINE_PROCESS = /^(?:dockerd|containerd|containerd-shim.*|docker-proxy)$/;

/** CPU ms so far (own + reaped children) of each engine process, by pid. */
export type EngineCpuSnapshot = Map<number, number>;

/** Clock ticks per second of /proc/PID/stat times: 100 on every Linux this runs on (USER_HZ). */
const TICKS_PER_S = 100;

export function engineCpuSnapshot(): EngineCpuSnapshot | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const out: EngineCpuSnapshot = new Map();
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const ms = engineCpuOf(stat);
    if (ms !== undefined) out.set(Number(pid), ms);
  }
  return out.size > 0 ? out : null;
}

/** utime + stime + cutime + cstime of one /proc/PID/stat line, in ms, when it is an engine process. */
export function engineCpuOf(stat: string): number | undefined {
  // The name is in parentheses and may itself hold spaces or parentheses: cut at the last ')'.
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  if (open < 0 || close < open || !ENGINE_PROCESS.test(stat.slice(open + 1, close))) return undefined;
  // After ") ": state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17), 1-based fields.
  const fields = stat.slice(close + 2).split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? Number.NaN), 0);
  return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_S : undefined;
}

/**
 * Engine CPU between two snapshots. A process that started in between counts whole; one that
 * ended in between is lost (containerd-shims live as long as their containers, which outlive
 * every child).
 */
export function engineCpuBetween(before: EngineCpuSnapshot | null, after: EngineCpuSnapshot | null): number | null {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, now] of after) ms += Math.max(0, now - (before.get(pid) ?? 0));
  return ms;
}

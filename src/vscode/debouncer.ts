// Collects keys over a quiet period and hands them over as one batch: many file saves or engine
// events become one re-check of the services they touch.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * The extension's live re-check timing (src/vscode/liveUpdates.ts; the bench's latency section
 * runs the same). A change after a quiet spell is checked after RECHECK_FIRST_MS, which only
 * gathers what arrives with it (a save's second write, compose's die + start of one container):
 * a 500 ms quiet period before every check put half a second between a change and its badge.
 * What arrives within RECHECK_QUIET_MS of the last batch waits for that much quiet and goes out
 * as one batch, so a burst (a rebuild, a checkout) still costs one re-check, not one per event.
 */
export const RECHECK_FIRST_MS = 25;
export const RECHECK_QUIET_MS = 500;

export interface BatchDebouncer<K> {
  /** Adds keys; 'all' absorbs every key until the batch fires. */
  add(keys: 'all' | readonly K[]): void;
  dispose(): void;
}

export interface DebounceTiming {
  /** Quiet time before a batch while changes keep coming (and always before an 'all'). */
  quietMs: number;
  /** Wait before the first batch after a quiet spell (default quietMs: every batch waits for quiet). */
  firstMs?: number;
}

export function createBatchDebouncer<K>(timing: number | DebounceTiming, fire: (batch: 'all' | K[]) => void, timers: Timers = realTimers): BatchDebouncer<K> {
  const { quietMs, firstMs = quietMs } = typeof timing === 'number' ? { quietMs: timing } : timing;
  let pending: 'all' | Map<string, K> | undefined;
  let handle: unknown;
  /** idle: nothing for quietMs; first: a first batch is gathering; burst: within quietMs of a batch. */
  let phase: 'idle' | 'first' | 'burst' = 'idle';
  const keyOf = (k: K) => JSON.stringify(k);
  const schedule = (ms: number) => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = timers.setTimeout(flush, ms);
  };
  const flush = () => {
    handle = undefined;
    const batch = pending;
    pending = undefined;
    if (batch === undefined) {
      phase = 'idle';
      return;
    }
    // The burst window stays open for quietMs after a batch: what follows at once joins the next.
    phase = 'burst';
    schedule(quietMs);
    fire(batch === 'all' ? 'all' : [...batch.values()]);
  };
  return {
    add(keys) {
      if (keys !== 'all' && keys.length === 0) return;
      if (keys === 'all') pending = 'all';
      else if (pending !== 'all') {
        const map = pending ?? new Map<string, K>();
        for (const k of keys) map.set(keyOf(k), k);
        pending = map;
      }
      // A first batch already gathering takes these along, at its time.
      if (phase === 'first') return;
      if (phase === 'idle' && keys !== 'all') {
        phase = 'first';
        schedule(firstMs);
        return;
      }
      phase = 'burst';
      schedule(quietMs);
    },
    dispose() {
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
      pending = undefined;
      phase = 'idle';
    },
  };
}

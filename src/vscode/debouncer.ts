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

export interface BatchDebouncer<K> {
  /** Adds keys; 'all' absorbs every key until the batch fires. */
  add(keys: 'all' | readonly K[]): void;
  dispose(): void;
}

export function createBatchDebouncer<K>(delayMs: number, fire: (batch: 'all' | K[]) => void, timers: Timers = realTimers): BatchDebouncer<K> {
  let pending: 'all' | Map<string, K> | undefined;
  let handle: unknown;
  const keyOf = (k: K) => JSON.stringify(k);
  const flush = () => {
    handle = undefined;
    const batch = pending;
    pending = undefined;
    if (batch === undefined) return;
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
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = timers.setTimeout(flush, delayMs);
    },
    dispose() {
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
      pending = undefined;
    },
  };
}

// The CLI's one-shot process keeps V8's heap close to what it holds. By default V8 lets the heap
// grow up to ~4× what survived the last full collection before it collects again; a check
// streams through hundreds of thousands of short-lived path strings while its live set stays
// small (bounded by the services in flight), so most of a default run's peak memory is garbage
// waiting. A smaller growing factor collects sooner: a lower peak, at some extra GC time
// (bench/README.md has both figures). Only the CLI calls this: the extension host's heap is
// VS Code's, never ours to tune. No limit is set, so a larger workspace still cannot run out.
import { setFlagsFromString } from 'node:v8';

/** Heap grows by at most this percent over the live set between full collections. */
export const CLI_HEAP_GROWING_PERCENT = 20;

/**
 * The young generation keeps its starting size (1 MB semi-spaces) instead of doubling to V8's
 * 16 MB: a check allocates fast, so V8 grew it to the maximum and both semi-spaces stayed resident
 * (32 MB of a 30 × 10,000 check's peak, 3 MB of it in use). Unlike `--max-semi-space-size` (read
 * only when the heap is set up) the growth factor is read whenever new space grows, so it works
 * set at run time; starting a worker thread resets it, so the scan worker sets it again
 * (`v8Flags`, engine/sourceScanner.ts). bench/README.md, sixth round, has the figures.
 */
export const CLI_HEAP_FLAGS: readonly string[] = [`--heap-growing-percent=${CLI_HEAP_GROWING_PERCENT}`, '--semi-space-growth-factor=1'];

export function tuneHeapForCli(): void {
  for (const flag of CLI_HEAP_FLAGS) setFlagsFromString(flag);
}

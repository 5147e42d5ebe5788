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

export function tuneHeapForCli(): void {
  setFlagsFromString(`--heap-growing-percent=${CLI_HEAP_GROWING_PERCENT}`);
}

// The CLI's one-shot process tunes V8 for a check's memory: the heap (below) and WebAssembly
// (CLI_WASM_FLAGS). Only the CLI calls this (entry.ts, and bench/child.ts to measure the CLI as it
// runs): the extension host's V8 is VS Code's and other extensions', never ours to tune.
//
// The heap is kept close to what it holds. By default V8 lets the heap grow up to ~4× what
// survived the last full collection before it collects again; a check streams through hundreds of
// thousands of short-lived path strings while its live set stays small (bounded by the services in
// flight), so most of a default run's peak memory is garbage waiting. A smaller growing factor
// collects sooner: a lower peak, at some extra GC time (bench/README.md has both figures). No limit
// is set, so a larger workspace still cannot run out.
import { setFlagsFromString } from 'node:v8';

/** Heap grows by at most this percent over the live set between full collections. */
const CLI_HEAP_GROWING_PERCENT = 20;

/**
 * The young generation keeps its starting size (1 MB semi-spaces) instead of doubling to V8's
 * 16 MB: a check allocates fast, so V8 grew it to the maximum and both semi-spaces stayed resident
 * (32 MB of a 30 x 10,000 check's peak, 3 MB of it in use). Unlike `--max-semi-space-size` (read
 * only when the heap is set up) the growth factor is read whenever new space grows, so it works
 * set at run time; starting a worker thread resets it, so the scan worker sets it again
 * (`v8Flags`, engine/sourceScanner.ts). bench/README.md, sixth round, has the figures.
 */
const CLI_HEAP_FLAGS: readonly string[] = [`--heap-growing-percent=${CLI_HEAP_GROWING_PERCENT}`, '--semi-space-growth-factor=1'];

/**
 * WebAssembly runs on V8's baseline compiler (Liftoff) only. The prober's HTTP client (undici)
 * parses responses with llhttp compiled to WebAssembly; after the first response its parser's
 * state machine (one 29 KB function) has used up V8's tier-up budget, and V8 recompiles it with
 * TurboFan on a background thread: 230-250 ms of CPU and 24 MB of compiler zone (32.6 MB in all,
 * `--trace-wasm-compilation-times`) in a glibc arena, freed once done: the transient that made a
 * cold 30 x 10,000 check's peak RSS (bench/README.md, forty-seventh round). Measured with undici
 * alone (fresh processes, 30 local servers, load 14): 1 request VmHWM 82 -> 54 MB and CPU 210 -> 32
 * ms; 150 requests 86 -> 58 MB, 334-372 -> 128-131 ms; 3,000 requests 92-94 -> 66 MB, 858-998 ->
 * 691-940 ms; 600 responses of 100 KB 109-113 -> 102-106 MB, 887-1,055 -> 717-802 ms: a check's
 * probes never parse enough for the optimised parser to repay its compile. The flag is read when a
 * module is compiled, so it is set before undici is loaded (the first probe). The checks in
 * bench/README.md's forty-ninth round give the figures on whole checks.
 */
const CLI_WASM_FLAGS: readonly string[] = ['--liftoff-only'];

/** Every flag the CLI sets, handed to the scan worker too (a worker's start resets V8's flags). */
export const CLI_V8_FLAGS: readonly string[] = [...CLI_HEAP_FLAGS, ...CLI_WASM_FLAGS];

export function tuneV8ForCli(): void {
  for (const flag of CLI_V8_FLAGS) setFlagsFromString(flag);
}

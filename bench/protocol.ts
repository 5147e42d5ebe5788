// What run.ts and a bench child say to each other: the task in argv, one marked result line on
// stdout. Separate from child.ts so importing the types never starts a child's main().
import type { FloorInput } from './floor';
import type { HandInput } from './hand';
import type { LatencyInput } from './latency';

export type ChildTask =
  | { kind: 'ours'; workspaceDir: string; /** The CLI's scan cache folder (a second cold run); none: nothing remembered. */ scanCacheDir?: string }
  | { kind: 'hand'; input: HandInput }
  | { kind: 'floor'; input: FloorInput }
  | { kind: 'recheck'; workspaceDir: string; service: string; reps: number; /** The extension's engine bundle (dist/engine.js as built for it). */ engineBundle: string }
  | { kind: 'latency'; input: LatencyInput }
  | { kind: 'decorations'; files: number }
  | { kind: 'activation'; bundle: string; /** @types/vscode's index.d.ts: the stub's names. */ vscodeTypes: string };

export interface ChildResult {
  ms: number;
  /** CPU time of the child during the measured work (its own threads only: not dockerd's, not curl's). */
  cpuMs?: number;
  /** VmHWM of the child: the most memory it ever held resident. */
  peakRssMb: number;
  facts: Record<string, unknown>;
}

export const RESULT_MARK = 'BENCH_RESULT ';

// Rebuild + recreate + verify: build the image, recreate the container, re-run the ladder and
// say what changed. "Restart succeeded" is not the goal; the re-check is.
import type { ServiceReport } from './model';
import type { ComposeRunnerLike } from './ports';
import type { CheckDeps, CheckOptions } from './check';

export interface RebuildResult {
  service: string;
  /** compose exit codes: build, then up. */
  buildCode: number;
  upCode: number | null;
  before: ServiceReport | null;
  after: ServiceReport | null;
  /** "route GET /api/v1/workflows/steps/definitions 404 → 401", "container stale → current". */
  changes: string[];
  /** True when both compose steps succeeded and the re-check is in sync. */
  verified: boolean;
  /** One line: what is still wrong, or that it is verified. */
  message: string;
}

export async function rebuildService(
  _deps: CheckDeps & { compose: ComposeRunnerLike },
  _opts: CheckOptions & { service: string; onOutput: (chunk: string) => void },
): Promise<RebuildResult> {
  throw new Error('not implemented yet');
}

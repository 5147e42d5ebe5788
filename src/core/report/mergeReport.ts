// Re-checking one service yields a report with only that service; fold it into the last full
// report so the other services keep their state and the views stay whole.
import type { Report, ServiceReport } from '../model';
import { overallVerdict } from '../ladder/evaluate';

/** `partial`'s services replace the same (project, name) in `previous`; the engine state is the newest. */
export function mergeReport(previous: Report | undefined, partial: Report): Report {
  if (!previous || previous.workspace !== partial.workspace) return partial;
  const key = (s: ServiceReport) => `${s.project}\u0000${s.stackFile ?? ''}\u0000${s.name}`;
  const fresh = new Map(partial.services.map((s) => [key(s), s]));
  const services = previous.services.map((s) => fresh.get(key(s)) ?? s);
  const known = new Set(previous.services.map(key));
  for (const s of partial.services) if (!known.has(key(s))) services.push(s);
  return { ...partial, services, verdict: overallVerdict(services) };
}

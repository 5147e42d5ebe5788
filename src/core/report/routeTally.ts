// Routes by outcome, for the CLI's report: hundreds of routes that were not sent, or that all
// answered as their source declares them, are counted; the ones that did not are named.
import type { RouteReport } from '../model';

/**
 * failed: sent and answered 404 (the source declares it), 5xx, or no answer, or rejected with the
 * token (the route and auth rungs' failures); expected: answered as a declared route does (2xx/3xx,
 * 401/403, 405); not-sent: not probed (probing off, not running, a method not opted in, ...).
 */
export type RouteOutcome = 'failed' | 'expected' | 'not-sent';

const FAILED = new Set<RouteReport['verdict']>(['missing', 'broken', 'unreachable']);

export function routeOutcome(r: RouteReport): RouteOutcome {
  if (FAILED.has(r.verdict) || (r.authVerdict !== null && r.authVerdict !== 'live')) return 'failed';
  return r.verdict === 'not-probed' ? 'not-sent' : 'expected';
}

/** How many of `items` say each key, most said first (equal counts in the order met). */
export function tally<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

// Sends the route probes of one service: a bounded number in flight (a service under test should
// not be flooded), every route answered even when it was not sent (with the reason), and with a
// bearer token a second, authenticated probe per route: the "auth" rung.
import * as l10n from '@vscode/l10n';
import type { HttpMethod, ProbeOutcome, RouteDef } from '../model';
import type { ProberLike, ProbeRequest } from '../ports';
import { mapPool } from '../pool';
import { classifyError } from './classify';
import { verdictWords } from '../ladder/format';
import { buildProbeUrl, decideProbe, fillPathParams } from './policy';
import { probeDestination, type ProbeTrust } from './trust';

/** Requests in flight at once when the caller does not say. */
export const DEFAULT_PROBE_CONCURRENCY = 8;

export interface RouteProbeResult {
  /** The unauthenticated answer. */
  outcome: ProbeOutcome;
  /** The answer with the bearer token; null when no token was given. */
  auth: ProbeOutcome | null;
}

export interface ProbeRoutesOptions {
  allowedMethods: HttpMethod[];
  /** Where probes may go (loopback, the engine's host, origins the user allowed). */
  trust: ProbeTrust;
  bearerToken?: string;
  concurrency?: number;
  signal?: AbortSignal;
}

interface ProbeJob {
  route: RouteDef;
  method: HttpMethod;
  url: string;
  /** The user chose the destination: the prober may send to its private address. */
  chosenByUser: boolean;
  /** Appended to each answer's detail when the host is not this machine: which host answered. */
  where?: string;
}

function cancelled(): ProbeOutcome {
  return { status: null, verdict: 'not-probed', detail: l10n.t('probe cancelled') };
}

export async function probeRoutes(
  prober: ProberLike,
  baseUrl: string,
  routes: RouteDef[],
  opts: ProbeRoutesOptions,
): Promise<Map<RouteDef, RouteProbeResult>> {
  const done = new Map<RouteDef, RouteProbeResult>();
  const destination = probeDestination(baseUrl, opts.trust);
  const refusal = destination.allowed ? undefined : destination.reason;
  const chosenByUser = destination.allowed && destination.by !== 'loopback';
  // A remote engine's host is probed in place of loopback: every answer says where it came from.
  const where = destination.allowed && destination.by === 'engine-host' ? l10n.t`probed on the engine's host ${new URL(baseUrl).hostname}` : undefined;
  const jobs: ProbeJob[] = [];
  for (const route of routes) {
    const decision = decideProbe(route, opts);
    if (refusal) done.set(route, notProbed(refusal));
    else if (!decision.send) done.set(route, notProbed(decision.reason));
    else jobs.push({ route, method: decision.method, url: buildProbeUrl(baseUrl, fillPathParams(route.path)), chosenByUser, where });
  }

  // At most `limit` probes in flight: a service under test answers probes, not a load test.
  const limit = Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_PROBE_CONCURRENCY));
  const answers = await mapPool(jobs, limit, (job) => probeJob(prober, job, opts));
  jobs.forEach((job, i) => {
    const answer = answers[i];
    if (answer) done.set(job.route, answer);
  });

  // In the caller's order, whatever order the answers came in.
  const ordered = new Map<RouteDef, RouteProbeResult>();
  for (const route of routes) ordered.set(route, done.get(route) ?? notProbed(l10n.t('probe cancelled')));
  return ordered;
}

function notProbed(detail: string): RouteProbeResult {
  return { outcome: { status: null, verdict: 'not-probed', detail }, auth: null };
}

async function probeJob(prober: ProberLike, job: ProbeJob, opts: ProbeRoutesOptions): Promise<RouteProbeResult> {
  if (opts.signal?.aborted) return { outcome: cancelled(), auth: null };
  const request = { method: job.method, url: job.url, ...(job.chosenByUser ? { chosenByUser: true } : {}) };
  const outcome = located(await send(prober, request, opts.signal), job.where);
  if (opts.bearerToken === undefined) return { outcome, auth: null };
  // Nothing answered without the token: asking again with it would only wait twice as long.
  if (outcome.verdict === 'unreachable' || outcome.verdict === 'not-probed')
    return { outcome, auth: { status: null, verdict: 'not-probed', detail: l10n.t`not sent with the token: ${verdictWords(outcome.verdict)} without it` } };
  const auth = located(await send(prober, { ...request, bearerToken: opts.bearerToken }, opts.signal), job.where);
  return { outcome, auth };
}

function located(outcome: ProbeOutcome, where: string | undefined): ProbeOutcome {
  return where === undefined ? outcome : { ...outcome, detail: outcome.detail ? l10n.t`${outcome.detail} (${where})` : where };
}

/** A prober that throws instead of answering still yields an outcome for the route. */
async function send(prober: ProberLike, req: ProbeRequest, signal: AbortSignal | undefined): Promise<ProbeOutcome> {
  try {
    return await prober.probe(req, signal);
  } catch (err) {
    return signal?.aborted ? cancelled() : classifyError(err);
  }
}

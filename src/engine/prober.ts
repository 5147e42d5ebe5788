// The HTTP prober: one undici Agent (it keeps a connection pool per origin), every request
// bounded by timeoutMs and the caller's signal, redirects reported rather than followed (a 302
// to /login is an answer), bodies always drained so sockets are reused. Tokens are sent, never
// logged or echoed in a detail.
//
// Only the two parts of undici used here (its Agent and its request API) are loaded, and at the
// first probe, not with the bundle: undici's index also loads fetch, WebSocket, caches, mocks and
// interceptors, which a one-shot check paid for at start whether it probed or not (bench/README.md).
import * as l10n from '@vscode/l10n';
import { STATUS_CODES } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Agent, Dispatcher } from 'undici';
import { classifyError, classifyStatus, describeNotFound } from '../core/probe/classify';
import { isLoopbackOrAllowedHost } from '../core/probe/policy';
import type { ProbeOutcome } from '../core/model';
import type { ProberLike, ProbeRequest } from '../core/ports';
import { MAX_TIMER_MS, boundedScope } from './timeouts';

/** A local service answers a route in well under this; longer means hung or not listening. */
export const DEFAULT_PROBE_TIMEOUT_MS = 3000;

/** How much of a 404 body is read to tell "no such route" from "no such record". */
const NOT_FOUND_BODY_BYTES = 4096;

/** Idle keep-alive sockets are closed soon: probes come in short bursts. */
const KEEP_ALIVE_MS = 2000;

export interface ProberOptions {
  timeoutMs?: number;
  userAgent?: string;
}

export type Prober = ProberLike & { close(): Promise<void> };

/** undici's request API, called on a dispatcher (index.js binds it so; we pass the origin and path ourselves). */
type RequestOn = (this: Dispatcher, opts: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;

interface UndiciParts {
  Agent: typeof Agent;
  request: RequestOn;
}

let undici: UndiciParts | undefined;

/** The Agent and the request API alone (see the top of this file); the bundle keeps them as lazy modules. */
function loadUndici(): UndiciParts {
  undici ??= {
    Agent: require('undici/lib/dispatcher/agent') as typeof Agent,
    request: require('undici/lib/api/api-request') as RequestOn,
  };
  return undici;
}

export function createProber(opts: ProberOptions = {}): Prober {
  // Clamped: undici's and Node's timers take at most 2^31-1 ms and fire at once beyond it.
  const timeoutMs = Math.min(opts.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS, MAX_TIMER_MS);
  const userAgent = opts.userAgent ?? 'runtime-drift-probe';
  const agents = agentWhileBusy(
    () =>
      new (loadUndici().Agent)({
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        connect: { timeout: timeoutMs },
        keepAliveTimeout: KEEP_ALIVE_MS,
      }),
  );

  const probe = async (req: ProbeRequest, signal?: AbortSignal): Promise<ProbeOutcome> => {
    // Defence in depth: runProbes refuses these too, but a direct caller must not reach a container
    // IP. A private address passes only when the user chose it (their engine's host, an allowed origin).
    if (req.chosenByUser !== true && !isLoopbackOrAllowedHost(req.url)) return { status: null, verdict: 'not-probed', detail: l10n.t('not probing a private container address') };
    if (signal?.aborted) return { status: null, verdict: 'not-probed', detail: l10n.t('probe cancelled') };
    const method = req.method === 'ALL' ? 'GET' : req.method;
    const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'application/json, text/plain;q=0.9, */*;q=0.8' };
    if (req.bearerToken !== undefined) headers.authorization = `Bearer ${req.bearerToken}`;
    const scope = boundedScope(timeoutMs, signal);
    const bounded = scope.signal;
    const on = agents.begin();
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    try {
      const url = new URL(req.url);
      const res = await loadUndici().request.call(on, {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method,
        headers,
        signal: bounded,
        maxRedirections: 0,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const status = res.statusCode;
      let detail = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
      if (status === 404) detail = describeNotFound(await readPrefix(res.body, NOT_FOUND_BODY_BYTES));
      else await res.body.dump();
      const location = res.headers.location;
      if (status >= 300 && status < 400 && typeof location === 'string') detail += ` -> ${location}`;
      return { status, verdict: classifyStatus(status), detail, ms: elapsed() };
    } catch (err) {
      if (signal?.aborted) return { status: null, verdict: 'not-probed', detail: l10n.t('probe cancelled'), ms: elapsed() };
      if (bounded.aborted) return { status: null, verdict: 'unreachable', detail: l10n.t`no answer within ${timeoutMs} ms`, ms: elapsed() };
      return { ...classifyError(err), ms: elapsed() };
    } finally {
      scope.release();
      agents.end();
    }
  };

  return { probe, close: () => agents.close() };
}

/**
 * The Agent while probes run. It keeps a pool (16 KB of queue) for every origin it ever reached,
 * and a recreated container's published port is often a new one: in a long-lived process they
 * only add up. Once no probe has run for as long as an idle socket is kept, nothing pooled is of
 * use: the Agent is closed, and the next probe makes another.
 */
function agentWhileBusy(make: () => Agent): { begin(): Agent; end(): void; close(): Promise<void> } {
  let agent: Agent | undefined;
  let inFlight = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  return {
    begin: () => {
      inFlight++;
      clearTimeout(idle);
      return (agent ??= make());
    },
    end: () => {
      if (--inFlight > 0) return;
      idle = setTimeout(() => {
        const done = agent;
        agent = undefined;
        void done?.close().catch(() => undefined);
      }, KEEP_ALIVE_MS);
      idle.unref();
    },
    close: async () => {
      clearTimeout(idle);
      await agent?.close();
    },
  };
}

/** The first `max` bytes of a body as text; the rest is discarded with the stream. */
async function readPrefix(body: AsyncIterable<Buffer>, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= max) break; // leaving the loop destroys the stream
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}

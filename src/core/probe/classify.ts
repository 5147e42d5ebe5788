// What an HTTP answer (or the lack of one) says about a route. The verdict is about the route's
// handler, not about success: a 400 or 405 proves a handler is deployed just as well as a 200.
import * as l10n from '@vscode/l10n';
import type { ProbeOutcome, ProbeVerdict } from '../model';

/** Longest error detail kept: one readable line, never a stack. */
const MAX_DETAIL_CHARS = 200;

export function classifyStatus(status: number): ProbeVerdict {
  if (status === 404) return 'missing';
  if (status === 401 || status === 403) return 'needs-auth';
  if (status >= 500) return 'broken';
  // 405 and the rest of 4xx (400, 409, 422...): the request reached a handler that judged it.
  if (status >= 400) return 'exists';
  return 'live';
}

/** Error codes (Node system errors and undici's) that mean "nothing answered", in words. */
const ERROR_WORDS: Readonly<Record<string, () => string>> = {
  UND_ERR_HEADERS_TIMEOUT: () => l10n.t('timed out waiting for response headers'),
  UND_ERR_BODY_TIMEOUT: () => l10n.t('timed out reading the response body'),
  UND_ERR_CONNECT_TIMEOUT: () => l10n.t('timed out connecting'),
  UND_ERR_ABORTED: () => l10n.t('request aborted'),
  ABORT_ERR: () => l10n.t('request aborted'),
  UND_ERR_SOCKET: () => l10n.t('connection closed by the server'),
  ECONNRESET: () => l10n.t('connection reset by the server'),
  ETIMEDOUT: () => l10n.t('timed out connecting'),
};

/** Errors whose own message already reads well ("connect ECONNREFUSED 127.0.0.1:3300"). */
const SELF_DESCRIBING = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

export function classifyError(err: unknown): ProbeOutcome {
  return { status: null, verdict: 'unreachable', detail: describeError(err) };
}

function describeError(err: unknown): string {
  // fetch-style wrappers ("fetch failed") carry the real reason in `cause`.
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    const message = oneLine(current.message);
    if (typeof code === 'string' && SELF_DESCRIBING.has(code)) return message.includes(code) ? message : `${code}: ${message}`;
    const words = typeof code === 'string' ? ERROR_WORDS[code] : undefined;
    if (words) return words();
    if (current.name === 'TimeoutError') return l10n.t('timed out');
    if (current.name === 'AbortError') return l10n.t('request aborted');
    if (/socket hang up/i.test(message)) return l10n.t('connection closed by the server (socket hang up)');
    if (!(current.cause instanceof Error)) return message || current.name;
    current = current.cause;
  }
  return oneLine(String(current));
}

/** First line, secrets redacted, bounded. */
function oneLine(text: string): string {
  const line = (text.split('\n')[0] ?? '').replace(/Bearer\s+\S+/gi, 'Bearer <redacted>').trim();
  return line.length > MAX_DETAIL_CHARS ? `${line.slice(0, MAX_DETAIL_CHARS - 1)}…` : line;
}

/**
 * Reads a 404 body for the detail: the framework's own "no such route" answer (Express "Cannot
 * GET /x", Nest `{"message":"Cannot GET /x"}`, Fastify "Route GET:/x not found", "Route not
 * found") is named, because it is the strongest evidence that the route is not deployed. Any other
 * 404 body is left unjudged: it may also be a handler that found no record for the filled-in path
 * parameter, and guessing which would mislead.
 */
export function describeNotFound(body: string): string {
  const noRoute = /Cannot (?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) [^\s"<]+|Route \w+:[^\s"<]+ not found|\broute not found\b/i.exec(body);
  return noRoute ? l10n.t`404: no such route (${noRoute[0]})` : '404 Not Found';
}

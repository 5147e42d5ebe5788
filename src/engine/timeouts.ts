// Named time limits for engine I/O, so every bound in src/engine is visible in one place.

/** One engine request (ping, list, inspect, create, remove). A healthy local engine answers in ms. */
export const DEFAULT_ENGINE_TIMEOUT_MS = 10_000;

/**
 * A whole file listing (create + archive + streaming the tar). Large images stream tens of MB,
 * which on a busy two-core machine can take longer than one request's bound.
 */
export const DEFAULT_LISTING_TIMEOUT_MS = 60_000;

/** `docker compose version` / `docker-compose version`: a local binary, not the engine. */
export const COMPOSE_DETECT_TIMEOUT_MS = 20_000;

/**
 * A signal that aborts when the caller's does, or after `ms`. The timeout's reason is a
 * TimeoutError DOMException, which callers use to tell "too slow" from "cancelled".
 *
 * Not `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: on Node 20 a timeout signal is held
 * only weakly by its timer and by `any`, so after a garbage collection the timeout never fires
 * and the bound is gone (nodejs/node#48951; test/faults shows it). Here the timer's closure holds
 * the controller until it fires or the caller aborts, and `ms` is clamped to what setTimeout can
 * count (beyond 2^31-1 ms Node fires after 1 ms).
 */
export function boundedSignal(ms: number, signal?: AbortSignal): AbortSignal {
  return boundedScope(ms, signal).signal;
}

/** A bounded signal (see boundedSignal) and how to let go of it once the work it bounds is done. */
export interface BoundedScope {
  signal: AbortSignal;
  /**
   * Stops the timer and takes the listener off the caller's signal. Without it both live until
   * the bound runs out: on a long-lived signal (an engine client's lifetime, shared by every call)
   * that is one listener per finished call for up to a minute.
   */
  release(): void;
}

export function boundedScope(ms: number, signal?: AbortSignal): BoundedScope {
  const controller = new AbortController();
  if (signal?.aborted) {
    controller.abort(signal.reason);
    return { signal: controller.signal, release: () => undefined };
  }
  const limit = Math.min(Math.max(Math.ceil(ms), 1), MAX_TIMER_MS);
  const onAbort = (): void => {
    clearTimeout(timer);
    controller.abort(signal?.reason);
  };
  const timer = setTimeout(() => {
    signal?.removeEventListener('abort', onAbort);
    controller.abort(new DOMException(`The operation was aborted due to timeout (${limit} ms)`, 'TimeoutError'));
  }, limit);
  // Like AbortSignal.timeout: a pending bound alone does not keep the process alive.
  timer.unref();
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** The longest delay setTimeout honours (2^31-1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** True when `reason` is the reason of an AbortSignal.timeout firing. */
export function isTimeoutReason(reason: unknown): boolean {
  return reason instanceof Error && reason.name === 'TimeoutError';
}

/**
 * Settles with `work`, or rejects with the signal's reason as soon as it aborts, even when the
 * underlying library ignores signals (a stuck socket must not hang the caller).
 */
export async function raceSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  // Whichever side loses, its rejection must not surface later as an unhandled one.
  work.catch(() => undefined);
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/** Bound for `compose config --hash`: a Python start-up (v1) on a busy machine. */
export const COMPOSE_HASH_TIMEOUT_MS = 30_000;

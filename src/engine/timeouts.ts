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
 */
export function boundedSignal(ms: number, signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

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

// The engine's event stream (container create/start/die/destroy, image tag/untag) as plain events,
// so views refresh on real change instead of polling. Reconnects with backoff when the engine goes
// away (Docker Desktop restart, socket gone) and says so through the hooks.
import { setTimeout as delay } from 'node:timers/promises';
import type { EngineEvent } from '../core/ports';
import { stackServiceOf } from '../core/swarm';

/** The slice of dockerode this needs: `getEvents` without a callback resolves to the raw stream. */
export interface EventSourceLike {
  getEvents(opts: { filters: Record<string, string[]> }): Promise<NodeJS.ReadableStream>;
}

export interface WatchHooks {
  /** Backoff bounds (defaults EVENT_RETRY_MIN_MS / EVENT_RETRY_MAX_MS); tests shorten them. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** The stream is open (first time and after each reconnect): state may have changed meanwhile. */
  onConnected?(): void;
  /** The stream broke or could not open; a reconnect is scheduled after `retryInMs`. */
  onDisconnected?(error: unknown, retryInMs: number): void;
}

/** First retry after 1 s, doubling to 30 s: quick when Docker restarts, quiet when it is off for long. */
export const EVENT_RETRY_MIN_MS = 1_000;
export const EVENT_RETRY_MAX_MS = 30_000;

/**
 * Podman's names for the same happenings (its own event log speaks of `died` and `remove`;
 * its Docker-compatible API translates some, depending on the version), as Docker names them.
 */
const PODMAN_ACTIONS: Readonly<Record<string, string>> = { died: 'die', remove: 'destroy' };

const FILTERS = {
  type: ['container', 'image'],
  // Docker ignores names it does not know, so one filter serves both engines. extract-to-dir is
  // a copy into a container (the archive API's PUT, `docker cp`): it changes the container's files.
  // exec_start / exec_die: a process run in a container may write its files (the engine client
  // tells its own listing execs apart: engine/containerListings.ts).
  event: ['create', 'start', 'die', 'destroy', 'extract-to-dir', 'exec_start', 'exec_die', 'tag', 'untag', ...Object.keys(PODMAN_ACTIONS)],
};

/** Parses one line of the events API into an EngineEvent; undefined for anything else. */
export function parseEngineEvent(line: string): EngineEvent | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as { Type?: unknown; Action?: unknown; Actor?: { ID?: unknown; Attributes?: Record<string, unknown> } };
  if ((r.Type !== 'container' && r.Type !== 'image') || typeof r.Action !== 'string') return undefined;
  const attrs = r.Actor?.Attributes ?? {};
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  // "exec_start: find /app/dist/ ..." names the command after the action: the action is the word.
  const colon = r.Action.startsWith('exec_') ? r.Action.indexOf(':') : -1;
  const action = colon >= 0 ? r.Action.slice(0, colon) : r.Action;
  const event: EngineEvent = { type: r.Type, action: PODMAN_ACTIONS[action] ?? action };
  // A Swarm task of a stack deployed from the compose file is that compose service's too.
  const stacked = stackServiceOf(attrs);
  const project = text(attrs['com.docker.compose.project']) ?? stacked?.project;
  const service = text(attrs['com.docker.compose.service']) ?? stacked?.service;
  const name = text(attrs['name']);
  if (project) event.project = project;
  if (service) event.service = service;
  if (name) event.name = name;
  const id = text(r.Actor?.ID);
  if (id) event.id = id;
  const execId = text(attrs['execID']);
  if (execId) event.execId = execId;
  const command = colon >= 0 ? r.Action.slice(colon + 1).trim() : '';
  if (command) event.command = command;
  return event;
}

/** Runs until `signal` aborts; never rejects for engine trouble, only reports it through hooks. */
export async function watchEngineEvents(
  docker: EventSourceLike,
  onEvent: (e: EngineEvent) => void,
  signal: AbortSignal,
  hooks: WatchHooks = {},
): Promise<void> {
  const minMs = hooks.retryMinMs ?? EVENT_RETRY_MIN_MS;
  const maxMs = hooks.retryMaxMs ?? EVENT_RETRY_MAX_MS;
  let retryMs = minMs;
  while (!signal.aborted) {
    try {
      const stream = await docker.getEvents({ filters: FILTERS });
      retryMs = minMs;
      hooks.onConnected?.();
      await readLines(stream, signal, (line) => {
        const event = parseEngineEvent(line);
        if (event) onEvent(event);
      });
      if (signal.aborted) return;
      hooks.onDisconnected?.(new Error('engine closed the event stream'), retryMs);
    } catch (err) {
      if (signal.aborted) return;
      hooks.onDisconnected?.(err, retryMs);
    }
    await sleep(retryMs, signal);
    retryMs = Math.min(retryMs * 2, maxMs);
  }
}

async function readLines(stream: NodeJS.ReadableStream, signal: AbortSignal, onLine: (line: string) => void): Promise<void> {
  const destroy = () => (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  if (signal.aborted) return destroy();
  signal.addEventListener('abort', destroy, { once: true });
  let buffer = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      buffer += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) onLine(line);
        nl = buffer.indexOf('\n');
      }
    }
    if (buffer.trim()) onLine(buffer.trim());
  } catch (err) {
    // Destroying the stream on abort surfaces as an error here; that is a normal stop.
    if (!signal.aborted) throw err;
  } finally {
    signal.removeEventListener('abort', destroy);
  }
}

async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  // An abort ends the wait early; the loop then sees signal.aborted and stops.
  await delay(ms, undefined, { signal }).catch(() => undefined);
}

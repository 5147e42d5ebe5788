// An engine's event stream as the editor watches it (engine/events.ts), opened and connected
// before the test acts, so no event of the act is missed; stop() ends it and waits for it.
import type Dockerode from 'dockerode';
import type { EngineEvent } from '../../../src/core/ports';
import { watchEngineEvents } from '../../../src/engine/events';
import type { EventSourceLike } from '../../../src/engine/events';

export interface WatchedEvents {
  /** Every event seen so far, in order. */
  seen: EngineEvent[];
  stop(): Promise<void>;
}

export async function watchEvents(docker: Dockerode): Promise<WatchedEvents> {
  const seen: EngineEvent[] = [];
  const stop = new AbortController();
  let connected!: () => void;
  const open = new Promise<void>((resolve) => (connected = resolve));
  const watching = watchEngineEvents(docker as unknown as EventSourceLike, (e) => seen.push(e), stop.signal, { onConnected: () => connected() });
  await open;
  return {
    seen,
    async stop() {
      stop.abort();
      await watching;
    },
  };
}

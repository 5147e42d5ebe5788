// Engine requests whose answers are read with a size limit. dockerode buffers every JSON answer
// whole, and an engine (or anything listening on its socket) that streams an endless body grew
// the process to 4.5 GB before the time limit came. Here the body is a stream, read up to
// maxBytes and cut off beyond; the caller's signal (with its time limit) still ends it sooner.
import type { IncomingMessage } from 'node:http';
import type Dockerode from 'dockerode';
import { formatBytes } from '../core/mapping/sourceLimits';
import { isRecord } from '../core/isRecord';

/** A container list of thousands or an inspect with large labels is a few MB; 32 MB is not an answer. */
export const MAX_ENGINE_JSON_BYTES = 32 * 1024 * 1024;

/** Every status is handed to us: docker-modem would read an error body whole to quote it. */
const ANY_STATUS = new Proxy({}, { get: () => true }) as Record<number, true>;

/** An engine answer that was not 2xx, shaped like docker-modem's errors (statusCode, json). */
export class EngineHttpError extends Error {
  override readonly name = 'EngineHttpError';
  constructor(
    readonly statusCode: number,
    readonly json: unknown,
    text: string,
  ) {
    super(`(HTTP code ${statusCode}) ${text}`);
  }
}

/** The body of one engine request, parsed as JSON (text when it is not JSON), at most maxBytes. */
export async function engineRequest<T>(
  docker: Dockerode,
  path: string,
  query: Record<string, unknown>,
  signal: AbortSignal,
  maxBytes = MAX_ENGINE_JSON_BYTES,
): Promise<T> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    // dial is untyped in @types/dockerode; the options are docker-modem's.
    (docker.modem as unknown as { dial(o: object, cb: (err: unknown, res: IncomingMessage) => void): void }).dial(
      { path: Object.keys(query).length > 0 ? `${path}?` : path, method: 'GET', options: { ...query }, isStream: true, statusCodes: ANY_STATUS, abortSignal: signal },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
  const text = await readCapped(res, maxBytes, signal, path);
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // Plain text (/_ping answers "OK"; some errors are text).
  }
  const status = res.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    const message = isRecord(json) && typeof json.message === 'string' ? json.message : text.slice(0, 200);
    throw new EngineHttpError(status, json, message);
  }
  return json as T;
}

function readCapped(res: IncomingMessage, maxBytes: number, signal: AbortSignal, path: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onAbort = (): void => {
      res.destroy();
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (): void => signal.removeEventListener('abort', onAbort);
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        done();
        res.destroy();
        reject(new Error(`the engine's answer to ${path} passed ${formatBytes(maxBytes)}: cut off`));
        return;
      }
      chunks.push(chunk);
    });
    res.once('end', () => {
      done();
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    res.once('error', (err) => {
      done();
      reject(err);
    });
  });
}

// Servers that misbehave on purpose, on a unix socket in a temp folder or on 127.0.0.1 only:
// an engine that streams forever or never answers, a proxy to the real engine that stalls the
// archive API (so a helper container exists when the test interrupts), an HTTP service that
// hangs or floods.
import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** unix:///… for an engine, http://127.0.0.1:port for a service. */
  address: string;
  /** Bytes the server wrote (for an endless body: how much the client took before it hung up). */
  sent(): number;
  close(): Promise<void>;
}

function socketDir(): { dir: string; sock: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rd-fault-'));
  return { dir, sock: path.join(dir, 'engine.sock') };
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse, count: (n: number) => void) => void;

/** A fake engine on a unix socket: /_ping answers OK, `route` answers the rest. */
export async function fakeEngine(route: Route): Promise<Listening> {
  const { dir, sock } = socketDir();
  let sent = 0;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    if (req.url?.split('?')[0]?.endsWith('/_ping')) {
      res.writeHead(200, { 'content-type': 'text/plain', 'api-version': '1.41' });
      return res.end('OK');
    }
    route(req, res, (n) => (sent += n));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(sock, resolve));
  return {
    address: `unix://${sock}`,
    sent: () => sent,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes JSON-looking bytes as fast as the client takes them, forever. */
export const endlessJson: Route = (_req, res, count) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.from(`{"Id":"${'a'.repeat(64)}","Names":["/x"],"Labels":{}},`.repeat(1000));
  res.write('[');
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk)) count(chunk.length);
    if (!res.destroyed) res.once('drain', pump);
  };
  res.on('close', () => undefined);
  pump();
};

/** Accepts the request and never answers. */
export const neverAnswers: Route = () => undefined;

/**
 * A proxy to the real engine that holds every archive request (GET/HEAD …/archive) unanswered,
 * forwarding the rest byte for byte. `stalled()` counts the held requests.
 */
export async function stallingEngineProxy(realSocket = '/var/run/docker.sock'): Promise<Listening & { stalled(): number }> {
  const { dir, sock } = socketDir();
  let stalled = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    const upstream = net.connect(realSocket);
    sockets.add(upstream);
    let held = false;
    client.on('data', (chunk) => {
      if (held) return;
      if (/^(GET|HEAD) \S*\/archive\?/m.test(chunk.toString('latin1'))) {
        held = true;
        stalled++;
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!held) client.write(chunk);
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(sock, resolve));
  return {
    address: `unix://${sock}`,
    sent: () => 0,
    stalled: () => stalled,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An HTTP service on 127.0.0.1 that answers with `route`. */
export async function loopbackService(route: Route): Promise<Listening & { port: number }> {
  let sent = 0;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => route(req, res, (n) => (sent += n)));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    address: `http://127.0.0.1:${port}`,
    port,
    sent: () => sent,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A 404 whose body never ends. */
export const endless404: Route = (_req, res, count) => {
  res.writeHead(404, { 'content-type': 'text/plain' });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk)) count(chunk.length);
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
};

/** Headers at once, then one byte a second, forever. */
export const drip: Route = (_req, res, count) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    res.write('.');
    count(1);
  }, 1000);
  res.on('close', () => clearInterval(timer));
};

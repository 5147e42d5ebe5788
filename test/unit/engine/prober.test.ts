import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Prober } from '../../../src/engine/prober';
import { createProber } from '../../../src/engine/prober';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A real HTTP server on loopback answering each path with a fixed behaviour. */
async function startServer(seen: Seen[]): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    switch (req.url) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      case '/secure':
        if (req.headers.authorization === 'Bearer s3cret') res.writeHead(200).end('yes');
        else res.writeHead(401).end('no');
        return;
      case '/method':
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      case '/boom':
        res.writeHead(500).end('boom');
        return;
      case '/redirect':
        res.writeHead(302, { location: '/login' }).end();
        return;
      case '/slow':
        setTimeout(() => res.writeHead(200).end('late'), 2000).unref();
        return;
      case '/record':
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"User 1 not found"}');
        return;
      default:
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 404, message: `Cannot ${req.method ?? ''} ${req.url ?? ''}`, error: 'Not Found' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}` };
}

suite('createProber (real HTTP server on 127.0.0.1)', () => {
  const seen: Seen[] = [];
  let server: Server;
  let base: string;
  let prober: Prober;

  suiteSetup(async () => {
    ({ server, base } = await startServer(seen));
    // The first probe of a process loads the HTTP client; on a loaded machine that alone can pass
    // 300 ms. A probe of a prober of its own, with time to spare, pays it here, outside the tests.
    const warm = createProber({ timeoutMs: 10_000 });
    await warm.probe({ method: 'GET', url: `${base}/ok` });
    await warm.close();
    prober = createProber({ timeoutMs: 300, userAgent: 'drift-test' });
  });
  suiteTeardown(async () => {
    await prober.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  setup(() => {
    seen.length = 0;
  });

  test('classifies 200, 401, 404, 405, 500 and measures the time', async () => {
    const expected: Array<[string, number, string]> = [
      ['/ok', 200, 'live'],
      ['/secure', 401, 'needs-auth'],
      ['/nope', 404, 'missing'],
      ['/method', 405, 'exists'],
      ['/boom', 500, 'broken'],
    ];
    for (const [path, status, verdict] of expected) {
      const outcome = await prober.probe({ method: 'GET', url: `${base}${path}` });
      assert.equal(outcome.status, status, path);
      assert.equal(outcome.verdict, verdict, path);
      assert.equal(typeof outcome.ms, 'number');
    }
    assert.equal(seen[0]?.headers['user-agent'], 'drift-test');
  });

  test("a 404 detail tells the framework's no-route answer from a handler's", async () => {
    assert.equal((await prober.probe({ method: 'GET', url: `${base}/nope` })).detail, '404: no such route (Cannot GET /nope)');
    const record = await prober.probe({ method: 'GET', url: `${base}/record` });
    assert.deepEqual([record.status, record.verdict, record.detail], [404, 'missing', '404 Not Found']);
  });

  test('sends the bearer token as an Authorization header, and only when given', async () => {
    const withToken = await prober.probe({ method: 'GET', url: `${base}/secure`, bearerToken: 's3cret' });
    assert.equal(withToken.verdict, 'live');
    assert.equal(seen[0]?.headers.authorization, 'Bearer s3cret');
    assert.equal(JSON.stringify(withToken).includes('s3cret'), false);
    await prober.probe({ method: 'GET', url: `${base}/secure` });
    assert.equal(seen[1]?.headers.authorization, undefined);
  });

  test('probes again after a pause long enough for its idle pools to be let go, on a new connection', async () => {
    let connections = 0;
    const counted = (): void => void connections++;
    server.on('connection', counted);
    try {
      assert.equal((await prober.probe({ url: `${base}/ok`, method: 'GET' })).status, 200);
      const before = connections;
      // Longer than an idle socket is kept (2 s; the server's keep-alive hint says 5 s): the Agent,
      // its pools and their sockets are closed meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 2600));
      assert.equal((await prober.probe({ url: `${base}/ok`, method: 'GET' })).status, 200);
      assert.equal(connections, before + 1, 'a new connection for the second burst');
    } finally {
      server.off('connection', counted);
    }
  });

  test('sends HEAD as HEAD and ALL as GET', async () => {
    assert.equal((await prober.probe({ method: 'HEAD', url: `${base}/ok` })).status, 200);
    await prober.probe({ method: 'ALL', url: `${base}/ok` });
    assert.deepEqual(
      seen.map((s) => s.method),
      ['HEAD', 'GET'],
    );
  });

  test('reports a redirect instead of following it', async () => {
    const outcome = await prober.probe({ method: 'GET', url: `${base}/redirect` });
    assert.deepEqual([outcome.status, outcome.verdict, outcome.detail], [302, 'live', '302 Found -> /login']);
    assert.equal(seen.length, 1);
  });

  test('a handler slower than timeoutMs is unreachable, within about that time', async () => {
    const outcome = await prober.probe({ method: 'GET', url: `${base}/slow` });
    assert.equal(outcome.verdict, 'unreachable');
    assert.equal(outcome.status, null);
    assert.match(outcome.detail ?? '', /within 300 ms|timed out/);
    assert.ok((outcome.ms ?? 0) < 1500, `took ${outcome.ms ?? '?'} ms`);
  });

  test("the caller's signal cancels a probe in flight", async () => {
    const controller = new AbortController();
    const pending = prober.probe({ method: 'GET', url: `${base}/slow` }, controller.signal);
    setTimeout(() => controller.abort(), 20);
    assert.deepEqual(
      (({ status, verdict, detail }) => ({ status, verdict, detail }))(await pending),
      { status: null, verdict: 'not-probed', detail: 'probe cancelled' },
    );
  });

  test('a closed port is unreachable with the refused address in the detail', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await prober.probe({ method: 'GET', url: `http://127.0.0.1:${port}/ok` });
    assert.equal(outcome.verdict, 'unreachable');
    assert.equal(outcome.detail, `connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  test('refuses a private container address without connecting', async () => {
    const outcome = await prober.probe({ method: 'GET', url: 'http://172.18.0.2:3000/ok' });
    assert.equal(outcome.verdict, 'not-probed');
    assert.equal(outcome.status, null);
  });

  test('a destination the user chose is sent even on loopback-only rules (the flag is what lets a private host through)', async () => {
    const outcome = await prober.probe({ method: 'GET', url: `${base}/ok`, chosenByUser: true });
    assert.equal(outcome.status, 200);
  });
});

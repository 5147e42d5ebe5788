import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import type { ProbeOutcome, RouteDef } from '../../../src/core/model';
import type { ProberLike, ProbeRequest } from '../../../src/core/ports';
import { probeRoutes } from '../../../src/core/probe/runProbes';
import { NO_TRUST } from '../../../src/core/probe/trust';

/** A prober that answers after a tick, records what it was asked and how many were in flight. */
class RecordingProber implements ProberLike {
  readonly requests: ProbeRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(private readonly answer: (req: ProbeRequest) => ProbeOutcome | Error) {}
  async probe(req: ProbeRequest): Promise<ProbeOutcome> {
    this.requests.push(req);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await delay(2);
    this.inFlight--;
    const a = this.answer(req);
    if (a instanceof Error) throw a;
    return a;
  }
}

const get = (path: string): RouteDef => ({ method: 'GET', path, origin: 'source' });
const ok: ProbeOutcome = { status: 200, verdict: 'live' };
const allowedMethods: RouteDef['method'][] = ['GET', 'HEAD'];

suite('probeRoutes', () => {
  test('never has more probes in flight than the concurrency limit, and answers every route', async () => {
    const prober = new RecordingProber(() => ok);
    const routes = Array.from({ length: 25 }, (_, i) => get(`/r${i}`));
    const results = await probeRoutes(prober, 'http://127.0.0.1:3000', routes, { allowedMethods, trust: NO_TRUST, concurrency: 3 });
    assert.equal(prober.maxInFlight, 3);
    assert.equal(prober.requests.length, 25);
    assert.deepEqual([...results.keys()], routes);
    for (const r of results.values()) assert.deepEqual(r, { outcome: ok, auth: null });
  });

  test('defaults to 8 in flight', async () => {
    const prober = new RecordingProber(() => ok);
    await probeRoutes(prober, 'http://127.0.0.1:3000', Array.from({ length: 20 }, (_, i) => get(`/r${i}`)), { allowedMethods, trust: NO_TRUST });
    assert.equal(prober.maxInFlight, 8);
  });

  test('fills path params into the URL and sends ALL as GET', async () => {
    const prober = new RecordingProber(() => ok);
    await probeRoutes(prober, 'http://127.0.0.1:3000/base/', [{ method: 'ALL', path: '/users/:id', origin: 'source' }], { allowedMethods, trust: NO_TRUST });
    assert.deepEqual(prober.requests, [{ method: 'GET', url: 'http://127.0.0.1:3000/base/users/1' }]);
  });

  test('does not send disallowed methods; the outcome says why', async () => {
    const prober = new RecordingProber(() => ok);
    const post: RouteDef = { method: 'POST', path: '/x', origin: 'source' };
    const results = await probeRoutes(prober, 'http://127.0.0.1:3000', [post], { allowedMethods, trust: NO_TRUST, bearerToken: 't' });
    assert.deepEqual(prober.requests, []);
    assert.deepEqual(results.get(post), { outcome: { status: null, verdict: 'not-probed', detail: 'only GET/HEAD are sent by default; opt in for POST with --probe-method or runtimeDrift.probe.methods' }, auth: null });
  });

  test('with a token, sends a second probe per route carrying it', async () => {
    const prober = new RecordingProber((req) => (req.bearerToken === 'tok' ? ok : { status: 401, verdict: 'needs-auth' }));
    const route = get('/secure');
    const results = await probeRoutes(prober, 'http://127.0.0.1:3000', [route], { allowedMethods, trust: NO_TRUST, bearerToken: 'tok' });
    assert.deepEqual(prober.requests, [
      { method: 'GET', url: 'http://127.0.0.1:3000/secure' },
      { method: 'GET', url: 'http://127.0.0.1:3000/secure', bearerToken: 'tok' },
    ]);
    assert.deepEqual(results.get(route), { outcome: { status: 401, verdict: 'needs-auth' }, auth: ok });
  });

  test('does not retry with the token what was unreachable without it', async () => {
    const prober = new RecordingProber(() => ({ status: null, verdict: 'unreachable', detail: 'connect ECONNREFUSED 127.0.0.1:3000' }));
    const route = get('/x');
    const results = await probeRoutes(prober, 'http://127.0.0.1:3000', [route], { allowedMethods, trust: NO_TRUST, bearerToken: 'tok' });
    assert.equal(prober.requests.length, 1);
    assert.equal(results.get(route)?.auth?.verdict, 'not-probed');
  });

  test('refuses a private container address without sending anything', async () => {
    const prober = new RecordingProber(() => ok);
    const route = get('/x');
    const results = await probeRoutes(prober, 'http://172.18.0.2:3000', [route], { allowedMethods, trust: NO_TRUST, bearerToken: 'tok' });
    assert.deepEqual(prober.requests, []);
    const outcome = results.get(route)?.outcome;
    assert.equal(outcome?.verdict, 'not-probed');
    assert.match(outcome?.detail ?? '', /not probing http:\/\/172\.18\.0\.2:3000: only the workspace's files name it/);
  });

  test('a prober that throws yields an unreachable outcome for that route only', async () => {
    const prober = new RecordingProber((req) => (req.url.endsWith('/bad') ? Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) : ok));
    const [good, bad] = [get('/good'), get('/bad')];
    const results = await probeRoutes(prober, 'http://127.0.0.1:1', [good, bad], { allowedMethods, trust: NO_TRUST });
    assert.equal(results.get(good)?.outcome.verdict, 'live');
    assert.deepEqual(results.get(bad)?.outcome, { status: null, verdict: 'unreachable', detail: 'connect ECONNREFUSED 127.0.0.1:1' });
  });

  test('after the signal aborts, the remaining routes are not sent', async () => {
    const controller = new AbortController();
    const prober = new RecordingProber(() => {
      controller.abort();
      return ok;
    });
    const routes = [get('/a'), get('/b'), get('/c')];
    const results = await probeRoutes(prober, 'http://127.0.0.1:3000', routes, { allowedMethods, trust: NO_TRUST, concurrency: 1, signal: controller.signal });
    assert.equal(prober.requests.length, 1);
    assert.equal(results.get(routes[2] ?? get('/'))?.outcome.detail, 'probe cancelled');
  });
  test("a remote engine's host is probed with the user's say-so, and every answer names that host", async () => {
    const prober = new RecordingProber(() => ok);
    const trust = { ...NO_TRUST, engineHost: '10.1.2.3' };
    const route = get('/health');
    const results = await probeRoutes(prober, 'http://10.1.2.3:8080', [route], { allowedMethods, trust, bearerToken: 't' });
    assert.deepEqual(prober.requests, [
      { method: 'GET', url: 'http://10.1.2.3:8080/health', chosenByUser: true },
      { method: 'GET', url: 'http://10.1.2.3:8080/health', chosenByUser: true, bearerToken: 't' },
    ]);
    assert.equal(results.get(route)?.outcome.detail, "probed on the engine's host 10.1.2.3");
    assert.equal(results.get(route)?.auth?.detail, "probed on the engine's host 10.1.2.3");
  });

  test('an origin the user allowed is sent as chosen by the user; loopback is not marked', async () => {
    const prober = new RecordingProber(() => ({ status: 200, verdict: 'live', detail: '200 OK' }));
    const trust = { ...NO_TRUST, allowedOrigins: ['http://192.168.1.20:3000'] };
    const allowed = await probeRoutes(prober, 'http://192.168.1.20:3000', [get('/a')], { allowedMethods, trust });
    await probeRoutes(prober, 'http://127.0.0.1:3000', [get('/b')], { allowedMethods, trust });
    assert.deepEqual(prober.requests, [
      { method: 'GET', url: 'http://192.168.1.20:3000/a', chosenByUser: true },
      { method: 'GET', url: 'http://127.0.0.1:3000/b' },
    ]);
    assert.equal([...allowed.values()][0]?.outcome.detail, '200 OK');
  });

  test('a private origin only the workspace names is never sent, engine host or not', async () => {
    const prober = new RecordingProber(() => ok);
    const trust = { ...NO_TRUST, engineHost: '10.1.2.3' };
    const results = await probeRoutes(prober, 'http://172.18.0.2:3000', [get('/a')], { allowedMethods, trust });
    assert.deepEqual(prober.requests, []);
    assert.equal([...results.values()][0]?.outcome.verdict, 'not-probed');
  });
});

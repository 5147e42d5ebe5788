import assert from 'node:assert/strict';
import type { RouteDef, ServiceSpec } from '../../../src/core/model';
import {
  SAFE_METHODS,
  buildProbeUrl,
  decideProbe,
  fillPathParams,
  isLoopbackOrAllowedHost,
  resolveBaseUrl,
} from '../../../src/core/probe/policy';

const route = (method: RouteDef['method'], path = '/x'): RouteDef => ({ method, path, origin: 'source' });

suite('decideProbe', () => {
  const allowedMethods = [...SAFE_METHODS];

  test('sends safe methods as themselves, ALL as GET', () => {
    assert.deepEqual(decideProbe(route('GET'), { allowedMethods }), { send: true, method: 'GET' });
    assert.deepEqual(decideProbe(route('HEAD'), { allowedMethods }), { send: true, method: 'HEAD' });
    assert.deepEqual(decideProbe(route('ALL'), { allowedMethods }), { send: true, method: 'GET' });
  });

  test('does not send a method the policy does not allow, and says how to opt in', () => {
    assert.deepEqual(decideProbe(route('POST'), { allowedMethods }), { send: false, reason: 'only GET/HEAD are sent by default; opt in for POST with --probe-method or runtimeDrift.probe.methods' });
    assert.deepEqual(decideProbe(route('DELETE'), { allowedMethods: ['GET', 'DELETE'] }), { send: true, method: 'DELETE' });
    assert.equal(decideProbe(route('ALL'), { allowedMethods: ['HEAD'] }).send, false);
  });
});

suite('fillPathParams', () => {
  const cases: Array<[string, string]> = [
    ['/workflows/steps/definitions', '/workflows/steps/definitions'],
    ['/users/:id', '/users/1'],
    ['/users/:id?', '/users/1'],
    ['/users/:id(\\d+)/posts/:postId', '/users/1/posts/1'],
    ['/files/:name.:ext', '/files/1.1'],
    ['/items/{id}', '/items/1'],
    ['/files/*', '/files/1'],
    ['/files/(.*)', '/files/1'],
    ['/assets/*splat', '/assets/1'],
    ['/users{/:id}', '/users'],
    ['/a b/ü', '/a%20b/%C3%BC'],
    ['/already%20encoded', '/already%20encoded'],
    ['/q?x', '/q%3Fx'],
    ['/@me:id', '/@me1'],
    ['', '/'],
    ['*', '/1'],
  ];
  for (const [pattern, filled] of cases) {
    test(`${JSON.stringify(pattern)} -> ${filled}`, () => assert.equal(fillPathParams(pattern), filled));
  }
});

suite('buildProbeUrl', () => {
  test('joins with exactly one slash and keeps the base path', () => {
    assert.equal(buildProbeUrl('http://127.0.0.1:3300', '/api/v1/x'), 'http://127.0.0.1:3300/api/v1/x');
    assert.equal(buildProbeUrl('http://127.0.0.1:3300/', '/x'), 'http://127.0.0.1:3300/x');
    assert.equal(buildProbeUrl('http://localhost:8080/base/', '//x'), 'http://localhost:8080/base/x');
    assert.equal(buildProbeUrl('http://[::1]:80/base?debug=1', 'x'), 'http://[::1]/base/x');
  });
});

suite('isLoopbackOrAllowedHost', () => {
  test('allows loopback, localhost and ordinary host names', () => {
    for (const url of ['http://127.0.0.1:3000', 'http://127.10.0.3/', 'http://[::1]:3000', 'http://localhost:3000', 'https://api.example.test', 'http://172.32.0.1', 'http://8.8.8.8'])
      assert.equal(isLoopbackOrAllowedHost(url), true, url);
  });

  test('refuses literal private IPv4 addresses (container networks), however spelled', () => {
    for (const url of ['http://172.18.0.2:3000', 'http://172.16.0.1', 'http://172.31.255.255', 'http://10.0.0.5', 'http://192.168.1.20:80', 'http://2886860802/', 'http://0xac.0x12.0.2/', 'http://[::ffff:172.18.0.2]/'])
      assert.equal(isLoopbackOrAllowedHost(url), false, url);
  });

  test('refuses what is not a URL', () => {
    assert.equal(isLoopbackOrAllowedHost('not a url'), false);
  });
});

suite('resolveBaseUrl', () => {
  const spec = (over: Partial<ServiceSpec>): ServiceSpec => ({
    name: 'api',
    project: 'demo',
    projectDir: '/ws',
    composeFiles: ['/ws/compose.yaml'],
    ports: [],
    drift: {},
    ...over,
  });

  test('x-runtime-drift.baseUrl wins', () => {
    const r = resolveBaseUrl(spec({ drift: { baseUrl: 'http://localhost:9000/api' }, ports: [{ published: 3300, target: 3000, protocol: 'tcp' }] }));
    assert.equal(r.url, 'http://localhost:9000/api');
    assert.match(r.evidence, /x-runtime-drift\.baseUrl/);
  });

  test('a baseUrl that is not http(s) gives no URL and says why', () => {
    assert.deepEqual(resolveBaseUrl(spec({ drift: { baseUrl: 'ftp://x' } })), { evidence: 'x-runtime-drift.baseUrl "ftp://x" is not an http(s) URL' });
  });

  test('otherwise the first published TCP port on 127.0.0.1', () => {
    const r = resolveBaseUrl(
      spec({
        ports: [
          { published: 5353, target: 53, protocol: 'udp' },
          { target: 9229, protocol: 'tcp' },
          { hostIp: '0.0.0.0', published: 3300, target: 3000, protocol: 'tcp' },
          { published: 3301, target: 3001, protocol: 'tcp' },
        ],
      }),
    );
    assert.deepEqual(r, { url: 'http://127.0.0.1:3300', evidence: 'published port 0.0.0.0:3300 -> container port 3000' });
  });

  test("of several published ports, the one whose container port the server's source listens on; none of them listened on: the first", () => {
    const ports = [
      { published: 1000, target: 3000, protocol: 'tcp' as const },
      { published: 1001, target: 5003, protocol: 'tcp' as const },
    ];
    assert.deepEqual(resolveBaseUrl(spec({ ports }), undefined, [5003]), { url: 'http://127.0.0.1:1001', evidence: 'published port 1001 -> container port 5003' });
    assert.equal(resolveBaseUrl(spec({ ports }), undefined, [8080]).url, 'http://127.0.0.1:1000');
  });

  test('a loopback hostIp is kept, any other is ignored', () => {
    assert.equal(resolveBaseUrl(spec({ ports: [{ hostIp: '127.0.0.2', published: 80, target: 80, protocol: 'tcp' }] })).url, 'http://127.0.0.2:80');
    assert.equal(resolveBaseUrl(spec({ ports: [{ hostIp: '::1', published: 80, target: 80, protocol: 'tcp' }] })).url, 'http://[::1]:80');
    assert.equal(resolveBaseUrl(spec({ ports: [{ hostIp: '192.168.1.5', published: 80, target: 80, protocol: 'tcp' }] })).url, 'http://127.0.0.1:80');
  });

  test('network_mode host with no ports, or no published port, gives no URL', () => {
    assert.deepEqual(resolveBaseUrl(spec({ networkMode: 'host' })), { evidence: 'no published port; set x-runtime-drift.baseUrl' });
    assert.deepEqual(resolveBaseUrl(spec({ ports: [{ target: 3000, protocol: 'tcp' }] })), { evidence: 'no published port; set x-runtime-drift.baseUrl' });
  });

  test('network_mode host with a port uses the container port on loopback', () => {
    assert.equal(resolveBaseUrl(spec({ networkMode: 'host', ports: [{ target: 3000, protocol: 'tcp' }] })).url, 'http://127.0.0.1:3000');
  });

  test("with a remote engine, the published port (or a host-network port) is on the engine's host, and the evidence says so", () => {
    assert.deepEqual(resolveBaseUrl(spec({ ports: [{ published: 8080, target: 3000, protocol: 'tcp' }] }), '10.1.2.3'), {
      url: 'http://10.1.2.3:8080',
      evidence: "published port 8080 on the engine's host 10.1.2.3 -> container port 3000",
    });
    assert.deepEqual(resolveBaseUrl(spec({ networkMode: 'host', ports: [{ target: 3000, protocol: 'tcp' }] }), 'fd00::5'), {
      url: 'http://[fd00::5]:3000',
      evidence: "network_mode host: container port 3000 on the engine's host fd00::5",
    });
  });
});

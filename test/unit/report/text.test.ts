import assert from 'node:assert/strict';
import { routeAnswer } from '../../../src/core/report/text';
import type { RouteReport } from '../../../src/core/model';

const route = (over: Partial<RouteReport>): RouteReport => ({
  method: 'GET', path: '/x', module: null, file: null, line: null, status: null, authStatus: null,
  verdict: 'not-probed', authVerdict: null, detail: null, ...over,
});

suite('report text: a route\'s answer', () => {
  test('a route not sent says why once, without nested brackets', () => {
    assert.equal(routeAnswer(route({ detail: 'probing disabled (--no-probe)' })), 'not sent: probing disabled (--no-probe)');
    assert.equal(routeAnswer(route({ detail: 'POST not sent: opt in with probe.methods' })), 'POST not sent: opt in with probe.methods');
    assert.equal(routeAnswer(route({})), 'not sent: not-probed');
  });

  test('a route under a prefix not known statically shows why it was not sent and what fixes it', () => {
    const detail = 'prefix not known statically: not sent, since a guessed URL would answer 404; list the route with its full path in x-runtime-drift.routes';
    assert.equal(routeAnswer(route({ path: '/…/users/:id', prefixUnknown: true, detail })), detail);
  });

  test('an answer shows its status, verdict and the answer with the token', () => {
    assert.equal(routeAnswer(route({ status: 401, verdict: 'needs-auth', authStatus: 200 })), '401 needs-auth, with token 200');
    assert.equal(routeAnswer(route({ verdict: 'unreachable', detail: 'connect ECONNREFUSED 127.0.0.1:3300' })), 'unreachable (connect ECONNREFUSED 127.0.0.1:3300)');
  });
});

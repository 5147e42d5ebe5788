import assert from 'node:assert/strict';
import { classifyError, classifyStatus, describeNotFound } from '../../../src/core/probe/classify';
import type { ProbeVerdict } from '../../../src/core/model';

suite('classifyStatus', () => {
  const table: Array<[number, ProbeVerdict]> = [
    [200, 'live'],
    [204, 'live'],
    [301, 'live'],
    [302, 'live'],
    [304, 'live'],
    [400, 'exists'],
    [401, 'needs-auth'],
    [403, 'needs-auth'],
    [404, 'missing'],
    [405, 'exists'],
    [409, 'exists'],
    [422, 'exists'],
    [429, 'exists'],
    [500, 'broken'],
    [502, 'broken'],
    [503, 'broken'],
  ];
  for (const [status, verdict] of table) {
    test(`${status} is ${verdict}`, () => assert.equal(classifyStatus(status), verdict));
  }
});

suite('classifyError', () => {
  const sysError = (code: string, message: string): Error => Object.assign(new Error(message), { code });

  test('connection refused keeps the address, with no stack', () => {
    const outcome = classifyError(sysError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:3300'));
    assert.deepEqual(outcome, { status: null, verdict: 'unreachable', detail: 'connect ECONNREFUSED 127.0.0.1:3300' });
  });

  test('undici timeouts, aborts, DNS failures and hang-ups are unreachable with a short reason', () => {
    const cases: Array<[unknown, string]> = [
      [Object.assign(new Error('Headers Timeout Error'), { name: 'HeadersTimeoutError', code: 'UND_ERR_HEADERS_TIMEOUT' }), 'timed out waiting for response headers'],
      [Object.assign(new Error('Connect Timeout Error'), { name: 'ConnectTimeoutError', code: 'UND_ERR_CONNECT_TIMEOUT' }), 'timed out connecting'],
      [new DOMException('This operation was aborted', 'AbortError'), 'request aborted'],
      [new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'timed out'],
      [sysError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.local'), 'getaddrinfo ENOTFOUND api.local'],
      [sysError('ECONNRESET', 'socket hang up'), 'connection reset by the server'],
      [new Error('socket hang up'), 'connection closed by the server (socket hang up)'],
      [new TypeError('fetch failed', { cause: sysError('ECONNREFUSED', 'connect ECONNREFUSED ::1:80') }), 'connect ECONNREFUSED ::1:80'],
    ];
    for (const [err, detail] of cases) {
      const outcome = classifyError(err);
      assert.equal(outcome.verdict, 'unreachable');
      assert.equal(outcome.status, null);
      assert.equal(outcome.detail, detail);
    }
  });

  test('an unknown error keeps only its first line, with bearer tokens redacted', () => {
    const outcome = classifyError(new Error('bad header Authorization: Bearer s3cr3t\n    at foo (x.js:1:1)'));
    assert.equal(outcome.detail, 'bad header Authorization: Bearer <redacted>');
    assert.equal(classifyError('plain string').detail, 'plain string');
  });
});

suite('describeNotFound', () => {
  test("names the framework's no-route answer", () => {
    assert.equal(describeNotFound('{"statusCode":404,"message":"Cannot GET /api/v1/x","error":"Not Found"}'), '404: no such route (Cannot GET /api/v1/x)');
    assert.equal(describeNotFound('{"message":"Route GET:/z not found","statusCode":404}'), '404: no such route (Route GET:/z not found)');
  });

  test('recognises a plain "Route not found" body', () => {
    assert.equal(describeNotFound('{"statusCode":404,"message":"Route not found"}'), '404: no such route (Route not found)');
  });

  test('leaves any other 404 unjudged: it may be a handler that found no record', () => {
    assert.equal(describeNotFound('{"message":"User 1 not found"}'), '404 Not Found');
    assert.equal(describeNotFound(''), '404 Not Found');
  });
});

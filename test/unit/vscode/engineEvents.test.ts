import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { EngineEvent } from '../../../src/core/ports';
import { parseEngineEvent, watchEngineEvents, type EventSourceLike } from '../../../src/engine/events';

const startApi = JSON.stringify({
  Type: 'container',
  Action: 'start',
  Actor: { ID: 'abc', Attributes: { 'com.docker.compose.project': 'demo', 'com.docker.compose.service': 'api', name: 'demo-api-1' } },
});

suite('engine events', () => {
  test('parses compose labels, names and ids; ignores other lines', () => {
    assert.deepEqual(parseEngineEvent(startApi), { type: 'container', action: 'start', project: 'demo', service: 'api', name: 'demo-api-1', id: 'abc' });
    assert.deepEqual(parseEngineEvent('{"Type":"image","Action":"tag","Actor":{"ID":"sha256:1","Attributes":{"name":"demo-api:latest"}}}'), {
      type: 'image',
      action: 'tag',
      name: 'demo-api:latest',
      id: 'sha256:1',
    });
    // An exec's action names its command: the action is the word, the command and exec ID kept apart.
    assert.deepEqual(
      parseEngineEvent('{"Type":"container","Action":"exec_start: /bin/sh -c touch /app/x: y","Actor":{"ID":"abc","Attributes":{"execID":"e1","com.docker.compose.project":"demo","com.docker.compose.service":"api"}}}'),
      { type: 'container', action: 'exec_start', project: 'demo', service: 'api', id: 'abc', execId: 'e1', command: '/bin/sh -c touch /app/x: y' },
    );
    assert.equal(parseEngineEvent('{"Type":"network","Action":"connect"}'), undefined);
    assert.equal(parseEngineEvent('not json'), undefined);
  });

  test('survives the engine going away: reports the drop, reconnects with backoff, delivers events split across chunks', async () => {
    const controller = new AbortController();
    const seen: EngineEvent[] = [];
    const log: string[] = [];
    let calls = 0;
    const source: EventSourceLike = {
      async getEvents() {
        calls += 1;
        if (calls === 1) throw Object.assign(new Error('connect ENOENT /var/run/docker.sock'), { code: 'ENOENT' });
        const stream = new PassThrough();
        if (calls === 2) {
          // The engine answers, streams one event in two chunks, then restarts (stream ends).
          setImmediate(() => {
            stream.write(startApi.slice(0, 20));
            stream.write(`${startApi.slice(20)}\n`);
            stream.end();
          });
        }
        return stream;
      },
    };
    const done = watchEngineEvents(source, (e) => seen.push(e), controller.signal, {
      retryMinMs: 5,
      retryMaxMs: 10,
      onConnected: () => {
        log.push('connected');
        if (calls === 3) controller.abort();
      },
      onDisconnected: (_err, retry) => log.push(`down ${retry}`),
    });
    await done;
    assert.deepEqual(log, ['down 5', 'connected', 'down 5', 'connected']);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.service, 'api');
  });
});

import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { boundedScope, boundedSignal, isTimeoutReason, MAX_TIMER_MS } from '../../../src/engine/timeouts';

suite('engine timeouts', () => {
  test('boundedSignal aborts with a TimeoutError after its time', async () => {
    const signal = boundedSignal(20, new AbortController().signal);
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    assert.ok(isTimeoutReason(signal.reason));
  });

  test("boundedSignal aborts with the caller's reason when the caller aborts first", () => {
    const caller = new AbortController();
    const signal = boundedSignal(10_000, caller.signal);
    caller.abort(new Error('stop'));
    assert.equal((signal.reason as Error).message, 'stop');
    assert.ok(!isTimeoutReason(signal.reason));
  });

  test('an already aborted caller gives an aborted signal', () => {
    const caller = new AbortController();
    caller.abort(new Error('gone'));
    assert.ok(boundedSignal(1000, caller.signal).aborted);
  });

  test('a bound beyond what setTimeout counts is clamped, not fired at once', async () => {
    const signal = boundedSignal(3_000_000_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(signal.aborted, false);
    assert.equal(MAX_TIMER_MS, 2147483647);
  });

  test("release takes the listener off the caller's signal and stops the timer", async () => {
    const caller = new AbortController();
    const scopes = Array.from({ length: 20 }, () => boundedScope(20, caller.signal));
    assert.equal(getEventListeners(caller.signal, 'abort').length, 20);
    for (const s of scopes) s.release();
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0, 'a finished call leaves nothing on a long-lived signal');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(scopes.every((s) => !s.signal.aborted), 'a released bound no longer fires');
  });
});

import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { isLeftover, STALE_HELPER_MS } from '../../../src/engine/dockerEngine';

suite('leftover helper containers', () => {
  const now = 1_000_000_000_000;
  const alive = (pid: number): boolean => pid === 100;

  test("a helper whose owner process on this host is gone is a leftover; a live owner's is not", () => {
    assert.equal(isLeftover(`${hostname()} 200 abcd`, now - 1000, now, alive), true);
    assert.equal(isLeftover(`${hostname()} 100 abcd`, now - 1000, now, alive), false);
  });

  test("another host's helper, or one without an owner, is left alone until it is older than any listing", () => {
    assert.equal(isLeftover('elsewhere 200 abcd', now - 1000, now, alive), false);
    assert.equal(isLeftover(undefined, now - 1000, now, alive), false);
    assert.equal(isLeftover('elsewhere 200 abcd', now - STALE_HELPER_MS - 1, now, alive), true);
    assert.equal(isLeftover(undefined, now - STALE_HELPER_MS - 1, now, alive), true);
  });
});

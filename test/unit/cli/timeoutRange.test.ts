import assert from 'node:assert/strict';
import { MAX_PROBE_TIMEOUT_MS, parseArgs, UsageError } from '../../../src/cli/args';

suite('cli --timeout range', () => {
  test('a timeout Node cannot count (3,000,000,000 ms would fire after 1 ms) is a usage error naming the range', () => {
    assert.throws(() => parseArgs(['check', '--timeout', '3000000000'], '/cwd'), (err: unknown) => err instanceof UsageError && /from 1 to 600000/.test(err.message));
    assert.throws(() => parseArgs(['check', '--timeout', String(MAX_PROBE_TIMEOUT_MS + 1)], '/cwd'), UsageError);
    assert.throws(() => parseArgs(['check', '--timeout', '0'], '/cwd'), UsageError);
  });

  test('the largest allowed timeout is kept as given', () => {
    assert.equal(parseArgs(['check', '--timeout', String(MAX_PROBE_TIMEOUT_MS)], '/cwd').timeoutMs, MAX_PROBE_TIMEOUT_MS);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BusyError } from '../../../src/core/errors';
import { createRebuildLocks } from '../../../src/engine/rebuildLock';

suite('rebuild locks', () => {
  let dir: string;
  setup(() => {
    dir = mkdtempSync(join(tmpdir(), 'rd-locks-'));
  });
  teardown(() => rmSync(dir, { recursive: true, force: true }));

  test('a second acquire of the same service is busy and names the holder; release frees it', () => {
    const locks = createRebuildLocks('unix:///x.sock', dir);
    const release = locks.acquire('shop', 'api');
    assert.throws(() => locks.acquire('shop', 'api'), (err: unknown) => err instanceof BusyError && new RegExp(`pid ${process.pid}`).test(err.message));
    assert.match(locks.holder('shop', 'api') ?? '', new RegExp(`pid ${process.pid}, since `));
    assert.equal(locks.holder('shop', 'web'), undefined);
    release();
    assert.equal(locks.holder('shop', 'api'), undefined);
    assert.deepEqual(readdirSync(dir), []);
  });

  test("a lock whose owner process is gone (a killed rebuild) is taken over", () => {
    const locks = createRebuildLocks('unix:///x.sock', dir);
    const release = locks.acquire('shop', 'api');
    const [file] = readdirSync(dir);
    release();
    // A dead pid on this host: pids above pid_max never run.
    writeFileSync(join(dir, file as string), JSON.stringify({ host: hostname(), pid: 2 ** 30, started: 'then' }));
    assert.equal(locks.holder('shop', 'api'), undefined);
    locks.acquire('shop', 'api')();
  });
});

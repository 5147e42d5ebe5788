// The CLI's V8 tuning, in a process of its own (V8 flags are per process: setting them here
// would tune the test runner's heap too).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** New space (MB) after allocation that survives scavenges, with or without tuneV8ForCli. */
function newSpaceAfterChurn(tuned: boolean): number {
  const script = `
    ${tuned ? "require('./src/cli/v8Tuning').tuneV8ForCli();" : ''}
    const v8 = require('node:v8');
    let kept = [];
    for (let i = 0; i < 3e6; i++) { kept.push({ i }); if (kept.length > 2e5) kept = []; }
    process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576));
  `;
  const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: join(__dirname, '../../..'), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return Number(run.stdout);
}

/**
 * New space (MB) of a tuned process that starts a scan worker (an empty one) and then allocates
 * in async slices, as a check does while the worker boots; `hold`: the scanner is given the flags.
 */
function newSpaceWithWorker(hold: boolean): number {
  const script = `
    const { CLI_V8_FLAGS, tuneV8ForCli } = require('./src/cli/v8Tuning');
    tuneV8ForCli();
    const file = require('node:path').join(require('node:os').tmpdir(), 'rd-empty-worker-' + process.pid + '.js');
    require('node:fs').writeFileSync(file, '');
    const scanner = require('./src/engine/sourceScanner').createWorkerScanner({ workerFile: file, remember: false, ${hold ? 'v8Flags: CLI_V8_FLAGS' : ''} });
    const v8 = require('node:v8');
    let kept = [];
    let max = 0;
    const end = Date.now() + 1000;
    (function slice() {
      const until = Date.now() + 5;
      while (Date.now() < until) for (let i = 0; i < 1000; i++) { kept.push({ i }); if (kept.length > 2e5) kept = []; }
      max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576);
      if (Date.now() < end) return setImmediate(slice);
      require('node:fs').rmSync(file);
      process.stdout.write(String(max));
      void scanner.close();
    })();
  `;
  const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: join(__dirname, '../../..'), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return Number(run.stdout);
}

/**
 * The WebAssembly functions V8 compiled with TurboFan in a process that probes a local server a few
 * times through our prober (undici, whose HTTP parser is WebAssembly), then idles while a
 * background tier-up would finish; `tuned`: the CLI's flags are set first, as entry.ts sets them.
 * V8 prints each wasm function's compile (`--trace-wasm-compilation-times`) on stdout.
 */
function turbofanWasmCompiles(tuned: boolean): { turbofan: number; liftoff: number } {
  const script = `
    ${tuned ? "require('./src/cli/v8Tuning').tuneV8ForCli();" : ''}
    require('node:v8').setFlagsFromString('--trace-wasm-compilation-times');
    const server = require('node:http').createServer((req, res) => res.end('{"ok":true}'));
    server.listen(0, '127.0.0.1', async () => {
      const prober = require('./src/engine/prober').createProber();
      const url = 'http://127.0.0.1:' + server.address().port + '/items';
      for (let i = 0; i < 5; i++) await prober.probe({ method: 'GET', url, chosenByUser: true });
      setTimeout(async () => { await prober.close(); server.close(); }, 3000);
    });
  `;
  const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: join(__dirname, '../../..'), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const compiled = (compiler: string): number => run.stdout.split('\n').filter((line) => line.includes(`using ${compiler}`)).length;
  return { turbofan: compiled('TurboFan'), liftoff: compiled('Liftoff') };
}

suite('CLI V8 tuning', () => {
  test("the young generation keeps its starting size instead of growing to V8's maximum", function () {
    this.timeout(30_000); // two child processes; on a loaded machine they take more than the default
    // Untuned, the same allocation grows new space (V8 doubles it up to 32 MB): the test can fail.
    assert.ok(newSpaceAfterChurn(false) >= 8);
    assert.ok(newSpaceAfterChurn(true) <= 4);
  });

  test("a scan worker's start does not let the young generation grow (it resets V8's flags)", function () {
    this.timeout(30_000); // two processes that load the sources through tsx
    // Without the scanner holding the flags, the worker's start lets new space grow: the test can fail.
    assert.ok(newSpaceWithWorker(false) >= 8);
    assert.ok(newSpaceWithWorker(true) <= 4);
  });

  test("undici's WebAssembly HTTP parser stays on V8's baseline compiler: no TurboFan compile (a 20-30 MB transient)", function () {
    this.timeout(60_000); // two child processes that load the sources through tsx and idle 3 s each
    // Untuned, the parser's state machine is recompiled by TurboFan after a few responses: the test can fail.
    assert.ok(turbofanWasmCompiles(false).turbofan >= 1);
    const tuned = turbofanWasmCompiles(true);
    assert.ok(tuned.liftoff >= 1, 'the parser was compiled (and traced) at all');
    assert.equal(tuned.turbofan, 0);
  });
});

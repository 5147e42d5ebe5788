// The CLI's scan cache between runs (src/engine/scanCacheStore.ts), through the real CLI
// (dist/cli.js) on a real engine: the second run reads only the source files that changed.
// What a run read is seen from outside: a source file replaced by binary bytes of the same size,
// with its mtime put back, is reported as "binary content" only by a run that opens it.
import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createIncidentWorkspace } from './support/incident';
import type { IncidentWorkspace } from './support/incident';
import { runtimeDrift } from './support/runtimeDriftCli';
import type { Report } from '../../src/core/model';

const SERVICE_FILE = 'backend/src/modules/users/users.service.ts';
const CONTROLLER_FILE = 'backend/src/modules/users/users.controller.ts';

suite('CLI scan cache between runs (real engine)', () => {
  let ws: IncidentWorkspace;
  let cacheHome = '';

  suiteSetup(async () => {
    ws = await createIncidentWorkspace();
    cacheHome = await mkdtemp(path.join(os.tmpdir(), 'rd-cachehome-'));
  });

  suiteTeardown(async () => {
    await ws?.down();
    if (cacheHome) await rm(cacheHome, { recursive: true, force: true });
  });

  const check = async (extra: string[] = [], home = cacheHome): Promise<Report> => {
    const run = await runtimeDrift(['check', '--workspace', ws.dir, '--json', '--no-probe', ...extra], { ...ws.env, XDG_CACHE_HOME: home });
    assert.ok(run.stdout.trim().startsWith('{'), run.stdout + run.stderr);
    return JSON.parse(run.stdout) as Report;
  };
  const binaryWarning = (report: Report, name = 'users.service.ts'): boolean =>
    report.services.some((s) => s.warnings.some((w) => w.includes(name) && w.includes('binary content')));

  test('a second run does not open a file whose size and mtime are unchanged; a new mtime, or --no-scan-cache, reads it', async () => {
    const file = path.join(ws.dir, SERVICE_FILE);
    // A whole-second mtime, so it can be put back exactly (a Date keeps only milliseconds).
    const T = new Date(1_700_000_000_000);
    await utimes(file, T, T);
    const first = await check();
    assert.equal(binaryWarning(first), false);
    const folder = path.join(cacheHome, 'runtime-drift', 'scans');
    // The folder also keeps the route parser's V8 code cache (*.v8cache): one scan file per source root.
    const cached = (await readdir(folder)).filter((f) => f.endsWith('.json'));
    assert.equal(cached.length, 1, `one scan cache file for the one source root: ${cached.join(', ')}`);
    assert.equal((await stat(folder)).mode & 0o777, 0o700);

    // Same size, same mtime, other bytes: only a run that reads the file can tell.
    const size = (await readFile(file)).length;
    await writeFile(file, Buffer.alloc(size, 0));
    await utimes(file, T, T);
    assert.equal(binaryWarning(await check()), false, 'the second run answered it from the cache: not read');
    assert.equal(binaryWarning(await check(['--no-scan-cache'])), true, '--no-scan-cache reads every file');

    // A new mtime: read again.
    await utimes(file, T, new Date(T.getTime() + 5_000));
    assert.equal(binaryWarning(await check()), true, 'a changed file is read');
  });

  test('a file that declares routes is not read again either: its routes come from the cache, read by the same route parser', async () => {
    const file = path.join(ws.dir, CONTROLLER_FILE);
    const T = new Date(1_700_000_000_000);
    await utimes(file, T, T);
    const routes = (report: Report) => report.services.flatMap((s) => s.routes.map((r) => `${r.method} ${r.path}`)).sort();
    const first = await check();
    assert.ok(routes(first).length > 0, 'the controller declares routes');
    const text = await readFile(file);
    try {
      await writeFile(file, Buffer.alloc(text.length, 0));
      await utimes(file, T, T);
      const second = await check();
      assert.equal(binaryWarning(second, 'users.controller.ts'), false, 'not read: answered from the cache');
      assert.deepEqual(routes(second), routes(first), 'the same routes, from the cache');
      assert.equal(binaryWarning(await check(['--no-scan-cache']), 'users.controller.ts'), true, '--no-scan-cache reads it');
    } finally {
      await writeFile(file, text);
    }
  });

  test('--no-scan-cache keeps nothing', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'rd-cachehome-'));
    try {
      await check(['--no-scan-cache'], home);
      assert.deepEqual(await readdir(home), []);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});

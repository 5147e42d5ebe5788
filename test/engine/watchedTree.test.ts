// Source trees kept from a file watcher by the extension's engine side (engine/watchedTrees.ts in
// the scan worker), on a real engine and a real worker thread: with a watcher feeding it (the
// bench's Node watcher, bench/treeWatcher.ts, standing in for VS Code's), a file created or
// deleted in the source is seen by the next check without walking the tree, and a change the
// watcher never passed on is found by the background walk at the tree's bounded age, handed to
// the caller (the extension re-checks then) and seen by the next check.
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { createExtensionBackend } from '../../src/engine/extensionBackend';
import type { ExtensionBackend, FileWatchFeed } from '../../src/engine/extensionBackend';
import { watchTree, type TreeWatcher } from '../../bench/treeWatcher';
import { BUSYBOX_NODE } from './support/buildImage';
import { cleanupProject } from './support/cleanupProject';
import { dockerCli } from './support/dockerCli';
import { uniqueProjectName } from './support/projectNames';

const REPO = path.join(__dirname, '..', '..');
const START = "busybox mkdir -p /app/dist && for f in a b c; do busybox touch /app/dist/$f.js; done; exec node -e 'setTimeout(() => {}, 1e9)'";
/** The tree's bounded age in this test (60 s in the extension). */
const REFRESH_MS = 2_000;

suite('source trees kept from a file watcher, on a real engine and worker', () => {
  const project = uniqueProjectName('rdwatched');
  let dir = '';
  let src = '';
  let backend: ExtensionBackend;
  let feed: FileWatchFeed;
  let watcher: TreeWatcher;
  /** Debug lines of the backend: a scan answered from the kept tree says so. */
  const logged: string[] = [];
  const reported: string[] = [];
  const missed: string[][] = [];
  /** While true the watcher's paths are dropped, as a watcher that missed them would. */
  let deaf = false;

  const check = async (): Promise<{ missing: string[]; fromTree: string | undefined }> => {
    const from = logged.length;
    const report = await backend.check({ workspaceDir: dir, env: process.env, services: ['app'], probe: false });
    const app = report.services.find((s) => s.name === 'app');
    assert.ok(app?.container, JSON.stringify(app?.errors ?? report));
    return { missing: app.missingFiles.map((f) => path.basename(f)).sort(), fromTree: logged.slice(from).find((l) => l.startsWith(`${src}: from the watched tree`)) };
  };
  const until = async (what: string, ok: () => boolean, ms = 10_000): Promise<void> => {
    for (let waited = 0; !ok(); waited += 25) {
      if (waited > ms) throw new Error(`${what}: not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  suiteSetup(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-watched-'));
    src = path.join(dir, 'app', 'src');
    await mkdir(src, { recursive: true });
    for (const f of ['a', 'b', 'c']) await writeFile(path.join(src, `${f}.js`), `exports.${f} = 1;\n`);
    await writeFile(path.join(dir, 'compose.yaml'), [`name: ${project}`, 'services:', '  app:', `    image: ${BUSYBOX_NODE}`, '    x-runtime-drift:', '      source: ./app/src', '      target: /app/dist', ''].join('\n'));
    // The worker and route parser bundles, as scripts/build.mjs makes them, next to each other.
    const script = (await import(pathToFileURL(path.join(REPO, 'scripts', 'build.mjs')).href)) as { common: object; entries: Array<{ entryPoints: string[]; outfile: string }> };
    for (const e of script.entries.filter((x) => /scanWorker|routeParser/.test(x.outfile))) {
      await build({ ...script.common, ...e, entryPoints: e.entryPoints.map((p) => path.join(REPO, p)), outfile: path.join(dir, 'bundle', path.basename(e.outfile)), sourcemap: false, logLevel: 'error' });
    }
    await dockerCli(['run', '-d', '--network', 'none', '--label', `com.docker.compose.project=${project}`, '--label', 'com.docker.compose.service=app', BUSYBOX_NODE, 'sh', '-c', START], { check: true });
    backend = createExtensionBackend({
      engineHost: '',
      probeTimeoutMs: 1000,
      env: process.env,
      log: { log: (level, message) => void (level === 'debug' && logged.push(message)) },
      scanWorker: path.join(dir, 'bundle', 'scanWorker.js'),
      treeRefreshMs: REFRESH_MS,
    });
    feed = backend.watchFiles((paths) => missed.push(paths));
    watcher = watchTree(
      dir,
      (paths) => {
        if (deaf) return;
        reported.push(...paths);
        feed.changed(paths);
      },
      (err) => assert.fail(err),
    );
  });

  suiteTeardown(async () => {
    watcher?.close();
    feed?.dispose();
    await backend?.close();
    await cleanupProject(project);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the first check walks; a file created, then deleted, is seen by the next checks from the kept tree', async () => {
    // The container's start command makes a.js, b.js and c.js: a first check may come before it has.
    let first = await check();
    assert.equal(first.fromTree, undefined, 'the first check walks');
    for (let i = 0; i < 40 && first.missing.length > 0; i++) first = await check();
    assert.deepEqual(first.missing, []);
    const created = path.join(src, 'new.js');
    await writeFile(created, 'exports.n = 1;\n');
    await until('the watcher reports the new file', () => reported.includes(created));
    const afterCreate = await check();
    assert.deepEqual(afterCreate.missing, ['new.js']);
    assert.match(afterCreate.fromTree ?? '', /1 changed path/, 'answered from the kept tree, the one change applied');
    await unlink(created);
    await until('the watcher reports the deletion', () => reported.filter((p) => p === created).length >= 2);
    const afterDelete = await check();
    assert.deepEqual(afterDelete.missing, []);
    assert.ok(afterDelete.fromTree, 'answered from the kept tree');
  });

  test('a change the watcher missed: within the bounded age the tree does not see it; the background walk finds it, hands it on, and the next check shows it', async () => {
    const missedBefore = missed.length;
    deaf = true;
    const unreported = path.join(src, 'unreported.js');
    await writeFile(unreported, 'exports.u = 1;\n');
    await new Promise((r) => setTimeout(r, 200)); // the watcher's event has come and been dropped
    deaf = false;
    const stale = await check();
    assert.ok(stale.fromTree, 'from the kept tree');
    await until('the background walk reports the missed file', () => missed.slice(missedBefore).some((paths) => paths.includes(unreported)), REFRESH_MS * 4);
    const fresh = await check();
    assert.deepEqual(fresh.missing, ['unreported.js']);
  });
});

// The scan worker against the in-process scan, on a real folder: the same files, mtimes and
// extracted routes, through scanTreeSync directly and through a real worker thread (the worker
// bundle is built with esbuild as scripts/build.mjs builds it); remembered scans; failures.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { walkFileStats } from '../../../src/core/mapping/walk';
import { walkComposeFolders } from '../../../src/core/compose/walk';
import type { SourceScan } from '../../../src/core/ports';
import { isRouteSource, minifiedCopySources } from '../../../src/core/routes/isRouteSource';
import { scanSourceText } from '../../../src/core/routes/scanFile';
import { createMemoryScanCache } from '../../../src/engine/memoryScanCache';
import { createNodeFs, createTreeWalk, READ_BUFFER_BYTES } from '../../../src/engine/nodeFs';
import { scanTreeSync } from '../../../src/engine/scanTree';
import { createSourceScanner, createWorkerScanner } from '../../../src/engine/sourceScanner';

const REPO = join(__dirname, '..', '..', '..');

/** The check's in-process path: walk with stats, read every route source (not a library beside its minified copy), scan it. */
async function inProcess(root: string): Promise<SourceScan> {
  const fs = createNodeFs();
  const tree = await walkFileStats(fs, root);
  const extracted: SourceScan['extracted'] = [];
  const libraries = minifiedCopySources(tree.files);
  await fs.readEach?.(tree.files.filter((f) => isRouteSource(f, root) && !libraries.has(f)), (file, text) => {
    const x = scanSourceText(file, text);
    if (x) extracted.push({ file, x });
  });
  return { ...tree, extracted };
}

/** Waits (up to 30 s: a loaded machine) until the scanner's worker runs JavaScript. */
async function untilOnline(scanner: { online(): boolean }): Promise<void> {
  for (let waited = 0; !scanner.online(); waited += 10) {
    if (waited > 30_000) throw new Error('the scan worker did not come online');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const byFile = (s: SourceScan) => [...s.extracted].sort((a, b) => (a.file < b.file ? -1 : 1));

suite('source scanner: worker thread and synchronous scan', () => {
  let root = '';
  let dir = '';
  let workerFile = '';
  const controller = (path: string) => `@Controller('${path}')\nexport class C {\n  @Get('list')\n  list() {}\n}\n`;

  suiteSetup(async function () {
    this.timeout(60_000); // two esbuild bundles (the route parser holds the TypeScript compiler): seconds on a loaded machine
    dir = mkdtempSync(join(tmpdir(), 'rd-scanner-'));
    root = join(dir, 'src');
    const write = (rel: string, text: string) => {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    write('src/main.ts', "const app = express();\napp.get('/health', (req, res) => res.send('ok'));\n");
    write('src/modules/workflow/steps.controller.ts', controller('steps'));
    write('src/modules/workflow/steps.service.ts', 'export class StepsService {}\n');
    write('src/modules/workflow/steps.controller.spec.ts', controller('not-a-route'));
    write('src/types.d.ts', controller('declared-only'));
    write('src/.hidden/skip.ts', controller('hidden'));
    write('src/node_modules/dep/index.ts', controller('dep'));
    write('src/big.ts', `// ${'é'.repeat(40_000)}\n${controller('big')}`); // > READ_BUFFER_BYTES in UTF-8
    write('shared/routes.ts', controller('shared'));
    // A vendored library shipped with its minified copy beside it: a source file, never read for routes.
    write('src/public/libs/widget.js', "var app = express();\napp.get('/vendored', function () {});\n");
    write('src/public/libs/widget.min.js', "var app=express();app.get('/vendored',function(){});\n");
    symlinkSync(join(dir, 'shared'), join(root, 'linked'));
    symlinkSync(join(dir, 'nowhere'), join(root, 'dangling.ts'));
    workerFile = join(dir, 'scanWorker.js');
    // The worker and the route parser bundles, as scripts/build.mjs makes them, next to each other.
    const script = (await import(pathToFileURL(join(REPO, 'scripts', 'build.mjs')).href)) as { common: object; entries: Array<{ entryPoints: string[]; outfile: string }> };
    for (const e of script.entries.filter((x) => /scanWorker|routeParser/.test(x.outfile))) {
      await build({ ...script.common, ...e, entryPoints: e.entryPoints.map((p) => join(REPO, p)), outfile: join(dir, basename(e.outfile)), sourcemap: false, logLevel: 'error' });
    }
  });

  suiteTeardown(() => rmSync(dir, { recursive: true, force: true }));

  test("the route parser bundle holds the TypeScript compiler's exports once: its modules import it through one module (core/routes/compiler.ts), not each as an ES-module copy", () => {
    const bundle = readFileSync(join(dir, 'routeParser.js'), 'utf8');
    assert.equal(bundle.match(/__toESM\(require_typescript\(\)\)/g)?.length ?? 0, 0);
    assert.equal(bundle.match(/require_typescript\(\)/g)?.length, 1);
  });

  test('scanTreeSync finds the files, mtimes and routes the in-process scan finds', async () => {
    const expected = await inProcess(root);
    const got = scanTreeSync({ root, routes: true }, Buffer.alloc(READ_BUFFER_BYTES));
    assert.deepEqual(got.files, expected.files);
    assert.deepEqual([...got.mtimes], [...expected.mtimes], 'mtimes[i] belongs to files[i]');
    assert.deepEqual(byFile(got), byFile(expected));
    assert.deepEqual(
      byFile(got).map((e) => e.file.slice(root.length + 1)),
      ['big.ts', 'linked/routes.ts', 'main.ts', 'modules/workflow/steps.controller.ts'],
    );
    assert.ok(got.files.includes(join(root, 'public', 'libs', 'widget.js')), 'the library beside its minified copy is still a source file of the tree');
  });

  test('routes: false reads nothing and still gives every file its mtime; symlinks followed, dangling ones left out', async () => {
    const expected = await inProcess(root);
    const noRoutes = scanTreeSync({ root, routes: false }, Buffer.alloc(READ_BUFFER_BYTES));
    assert.deepEqual(noRoutes.files, expected.files);
    assert.deepEqual([...noRoutes.mtimes], [...expected.mtimes]);
    assert.ok(noRoutes.files.some((f) => f.endsWith('/linked/routes.ts')));
    assert.ok(!noRoutes.files.some((f) => f.endsWith('dangling.ts')));
    assert.deepEqual(noRoutes.extracted, []);
  });

  test('a tree walk without mtimes finds the same files from folder entries alone', () => {
    const walk = (mtimes: boolean) => {
      const w = createTreeWalk(root, { skipDir: (n) => n === 'node_modules' || n.startsWith('.'), mtimes });
      while (!w.step());
      return w;
    };
    const withStats = walk(true);
    const without = walk(false);
    assert.deepEqual([...without.files].sort(), [...withStats.files].sort());
    assert.equal(without.mtimes.size, 0);
    assert.equal(withStats.mtimes.size, withStats.files.length);
  });

  test('a worker thread answers as scanTreeSync does; a closed scanner refuses', async () => {
    const scanner = createWorkerScanner({ workerFile, remember: false });
    assert.ok(scanner, 'the worker bundle exists');
    try {
      const [a, b] = await Promise.all([scanner.scan({ root, routes: true }), scanner.scan({ root, routes: false })]);
      const expected = scanTreeSync({ root, routes: true }, Buffer.alloc(READ_BUFFER_BYTES));
      assert.deepEqual(a.files, expected.files);
      assert.deepEqual([...a.mtimes], [...expected.mtimes]);
      assert.deepEqual(byFile(a), byFile(expected));
      assert.deepEqual(b.files, expected.files);
      assert.deepEqual([...b.mtimes], [...expected.mtimes]);
      assert.deepEqual(b.extracted, []);
    } finally {
      await scanner.close();
    }
    await assert.rejects(scanner.scan({ root, routes: true }), /closed/);
  });

  test('the worker loads the route parser bundle with a V8 code cache in the cache folder: made by the first process, used by the next, same answers', async function () {
    // Two workers compile the 10 MB parser bundle (the first without a cache): seconds on a loaded machine.
    this.timeout(30_000);
    const cacheDir = join(dir, 'cache');
    const expected = byFile(scanTreeSync({ root, routes: true }, Buffer.alloc(READ_BUFFER_BYTES)));
    const caches = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache')) : []);
    const written: number[] = [];
    for (const run of ['makes the cache', 'reads it']) {
      const scanner = createWorkerScanner({ workerFile, remember: false, cacheDir });
      assert.ok(scanner);
      try {
        assert.deepEqual(byFile(await scanner.scan({ root, routes: true })), expected, run);
      } finally {
        await scanner.close();
      }
      assert.equal(caches().length, 1, `${run}: one code cache file`);
      written.push(statSync(join(cacheDir, caches()[0] as string)).mtimeMs);
    }
    assert.equal(written[1], written[0], 'the second process took the cache as it was (V8 accepted it), not rewritten');
    const cache = join(cacheDir, caches()[0] as string);
    assert.equal(statSync(cache).mode & 0o077, 0, 'private to its owner');
  });

  test('a cancelled scan stops waiting; the worker goes on serving later scans', async () => {
    const scanner = createWorkerScanner({ workerFile, remember: false });
    assert.ok(scanner);
    try {
      const aborted = new AbortController();
      aborted.abort();
      await assert.rejects(scanner.scan({ root, routes: true }, aborted.signal), /cancelled/);
      const during = new AbortController();
      const pending = scanner.scan({ root, routes: true }, during.signal);
      during.abort();
      await assert.rejects(pending, /cancelled/);
      const after = await scanner.scan({ root, routes: true });
      assert.ok(after.files.length > 0);
    } finally {
      await scanner.close();
    }
  });

  test('the worker holds the process open only while a scan is pending (a CLI run ends without close)', function () {
    // The child compiles our sources through tsx first: seconds on a loaded machine. Its own
    // 20-second bound (spawnSync's timeout) is the one that says whether it ended by itself.
    this.timeout(30_000);
    const script = `
      const { createWorkerScanner } = require(${JSON.stringify(join(REPO, 'src/engine/sourceScanner.ts'))});
      const scanner = createWorkerScanner({ workerFile: ${JSON.stringify(workerFile)}, remember: false });
      scanner.scan({ root: ${JSON.stringify(root)}, routes: true }).then((s) => console.log('files', s.files.length));
    `;
    const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: REPO, encoding: 'utf8', timeout: 20_000 });
    assert.equal(run.error, undefined, 'the process ended by itself');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^files \d+$/m, 'the pending scan kept it alive until its answer');
  });

  test('remembered scans: a file with an unchanged size and mtime is not read again; a new mtime is', async () => {
    const file = join(root, 'modules/workflow/steps.controller.ts');
    const cache = createMemoryScanCache();
    const scanner = createWorkerScanner({ workerFile, remember: true });
    assert.ok(scanner);
    const paths = (s: SourceScan) => s.extracted.flatMap((e) => e.x.routes.map((r) => r.path)).sort();
    const req = { root, routes: true };
    const inThisThread = (r: typeof req) => Promise.resolve(scanTreeSync(r, Buffer.alloc(READ_BUFFER_BYTES), cache));
    try {
      for (const scan of [inThisThread, (r: typeof req) => scanner.scan(r)]) {
        writeFileSync(file, controller('steps'));
        utimesSync(file, 1_700_000_000, 1_700_000_000);
        const first = await scan(req);
        assert.ok(paths(first).includes('/steps/list'), paths(first).join());
        // New text, same size and mtime: the remembered scan stands (the file was not read).
        writeFileSync(file, `//${'x'.repeat(controller('steps').length - 3)}\n`);
        utimesSync(file, 1_700_000_000, 1_700_000_000);
        const second = await scan(req);
        assert.deepEqual(byFile(second), byFile(first));
        // A new mtime: read again, and the controller is gone.
        utimesSync(file, 1_700_000_100, 1_700_000_100);
        const third = await scan(req);
        assert.ok(!paths(third).includes('/steps/list'), paths(third).join());
      }
    } finally {
      writeFileSync(file, controller('steps'));
      await scanner.close();
    }
  });

  test('no worker bundle: the worker scanner is absent, and the source scanner reads on this thread with the same answers', async () => {
    assert.equal(createWorkerScanner({ workerFile: join(dir, 'missing.js'), remember: false }), undefined);
    const scanner = createSourceScanner({ workerFile: join(dir, 'missing.js'), remember: false });
    assert.equal(scanner.where(), 'main thread');
    const expected = scanTreeSync({ root, routes: true }, Buffer.alloc(READ_BUFFER_BYTES));
    const got = await scanner.scan({ root, routes: true });
    assert.deepEqual(got.files, expected.files);
    assert.deepEqual(byFile(got), byFile(expected));
    await scanner.close();
  });

  test('a worker that fails to load rejects its scans; the source scanner then reads on this thread, and says so', async () => {
    const broken = join(dir, 'broken.js');
    writeFileSync(broken, "throw new Error('cannot load');\n");
    const worker = createWorkerScanner({ workerFile: broken, remember: false });
    assert.ok(worker);
    try {
      await assert.rejects(worker.scan({ root, routes: true }), /cannot load|stopped/);
    } finally {
      await worker.close();
    }
    const logged: string[] = [];
    const scanner = createSourceScanner({ workerFile: broken, remember: false, log: { log: (_l, m) => logged.push(m) } });
    try {
      assert.equal(scanner.where(), 'worker thread');
      const expected = scanTreeSync({ root, routes: true }, Buffer.alloc(READ_BUFFER_BYTES));
      const got = await scanner.scan({ root, routes: true });
      assert.deepEqual(byFile(got), byFile(expected));
      assert.equal(scanner.where(), 'main thread');
      assert.ok(logged.some((m) => /the scan worker failed .*main thread from now on/.test(m)), logged.join('\n'));
    } finally {
      await scanner.close();
    }
  });

  test('while the worker still boots, the walk for compose files runs on this thread: the same answer, no listings kept', async () => {
    const scanner = createSourceScanner({ workerFile, remember: false });
    try {
      assert.equal(scanner.online(), false, 'a worker thread does not run JavaScript as soon as it is made');
      const found = await scanner.walkComposeFolders(dir, {});
      assert.deepEqual(found, await walkComposeFolders(createNodeFs(), dir, {}));
      assert.equal(found.listings, undefined, 'nothing kept for the source walks: they read their folders');
      await untilOnline(scanner);
      assert.equal(typeof (await scanner.walkComposeFolders(dir, {})).listings, 'number', 'once it runs, the worker walks');
    } finally {
      await scanner.close();
    }
  });

  test('the walk for compose files runs in the worker once it is up, and the same check\'s source walk takes its folder listings from there', async () => {
    const scanner = createSourceScanner({ workerFile, remember: false });
    const late = join(root, 'modules', 'workflow', 'late.ts');
    try {
      await untilOnline(scanner);
      const found = await scanner.walkComposeFolders(dir, {});
      assert.deepEqual({ ...found, listings: undefined }, { ...(await walkComposeFolders(createNodeFs(), dir, {})), listings: undefined });
      assert.equal(typeof found.listings, 'number', 'the worker kept its listings');
      writeFileSync(late, 'export {};\n'); // after the walk read the folder
      const listed = await scanner.scan({ root, routes: true, listings: found.listings });
      assert.equal(listed.files.includes(late), false, 'the folder as the walk listed it: not read again');
      assert.equal((await scanner.scan({ root, routes: true, listings: found.listings })).files.includes(late), true, 'each listing serves one walk');
      assert.equal(scanner.where(), 'worker thread');
    } finally {
      rmSync(late, { force: true });
      await scanner.close();
    }
  });
});

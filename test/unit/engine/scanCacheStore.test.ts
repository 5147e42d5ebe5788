// The scan cache on disk (src/engine/scanCacheStore.ts): what it keeps, what it refuses to
// believe, and that a second scan of a root in a new process reads only what changed.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PREFILTER_ID } from '../../../src/core/routes/mayDeclareRoutes';
import type { ScanEntry } from '../../../src/core/routes/scanCache';
import { READ_BUFFER_BYTES } from '../../../src/engine/nodeFs';
import { cacheFileOf, createDiskScanCache, defaultScanCacheDir, loadCacheFile, SCAN_CACHE_FORMAT, SCAN_CACHE_VERSION } from '../../../src/engine/scanCacheStore';
import { scanTreeSync } from '../../../src/engine/scanTree';

const ROUTES = "import { Router } from 'express';\nexport const r = Router();\nr.get('/items', () => undefined);\n";
const PLAIN = (k: number) => `export function helper${k}() { return ${k}; }\n`;

/** What a cache file says: its paths, sizes and mtimes, as [path, size, mtime] rows. */
interface CacheBody {
  root: string;
  format: string;
  paths: string;
  sizes: number[];
  mtimes: number[];
}
const rowsOf = (body: CacheBody): [string, number, number][] => body.paths.split('\n').map((p, i) => [p, body.sizes[i] ?? -1, body.mtimes[i] ?? -1]);
const readBody = (path: string): [string, number, number][] => rowsOf(JSON.parse(readFileSync(path, 'utf8')) as CacheBody);

suite('scan cache on disk', () => {
  let dir = '';
  let root = '';
  let cacheDir = '';
  const T = 1_700_000_000;

  setup(() => {
    dir = mkdtempSync(join(tmpdir(), 'rd-scancache-'));
    root = join(dir, 'ws', 'src');
    cacheDir = join(dir, 'cache', 'scans');
    mkdirSync(join(root, 'modules', 'a'), { recursive: true });
    writeFileSync(join(root, 'routes.ts'), ROUTES);
    for (let k = 0; k < 5; k++) writeFileSync(join(root, 'modules', 'a', `f${k}.ts`), PLAIN(k));
    writeFileSync(join(root, 'readme.md'), '# not a route source\n');
    for (const f of ['routes.ts', 'readme.md', ...[0, 1, 2, 3, 4].map((k) => `modules/a/f${k}.ts`)]) utimesSync(join(root, f), T, T);
  });
  teardown(() => rmSync(dir, { recursive: true, force: true }));

  /** One scan as a fresh process runs it: a new cache object over the same folder (`extractor`: the route parser it loads). */
  const scanAsNewProcess = (extractor?: string) => {
    const cache = createDiskScanCache(cacheDir, { memory: false, ...(extractor !== undefined ? { extractor } : {}) });
    assert.ok(cache, 'the cache folder is usable');
    return scanTreeSync({ root, routes: true }, Buffer.alloc(READ_BUFFER_BYTES), cache);
  };
  const routePaths = (scan: ReturnType<typeof scanAsNewProcess>) => scan.extracted.flatMap((e) => e.x.routes.map((r) => r.path)).sort();

  test('the default folder: $XDG_CACHE_HOME, else ~/.cache; a relative or missing one is not used', () => {
    assert.equal(defaultScanCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }), '/x/cache/runtime-drift/scans');
    assert.equal(defaultScanCacheDir({ XDG_CACHE_HOME: 'rel/cache', HOME: '/home/u' }), '/home/u/.cache/runtime-drift/scans');
    assert.equal(defaultScanCacheDir({}), undefined);
  });

  test('a second scan in a new process reads only the files that changed and those that declare routes', () => {
    const first = scanAsNewProcess();
    assert.equal(first.read, 6, 'every route source read the first time');
    assert.deepEqual(routePaths(first), ['/items']);
    const second = scanAsNewProcess();
    assert.equal(second.read, 1, 'only the file that declares a route');
    assert.deepEqual(second.files, first.files);
    assert.deepEqual(Array.from(second.mtimes), Array.from(first.mtimes));
    assert.deepEqual(routePaths(second), ['/items']);
    // A changed file (new mtime) is read; one changed without a new size or mtime is not: the
    // cache says only "read before, nothing in it, at this size and mtime".
    writeFileSync(join(root, 'modules/a/f1.ts'), `${PLAIN(1)}export const x = 1;\n`);
    const sameStat = join(root, 'modules/a/f2.ts');
    const planted = "r.get('/x', f);\n".padEnd(PLAIN(2).length - 1, ' ') + '\n';
    assert.equal(planted.length, PLAIN(2).length);
    writeFileSync(sameStat, planted);
    utimesSync(sameStat, T, T);
    const third = scanAsNewProcess();
    assert.equal(third.read, 2, 'the route file and the changed file');
    // A new file is read too.
    writeFileSync(join(root, 'modules/a/new.ts'), PLAIN(9));
    assert.equal(scanAsNewProcess().read, 2);
  });

  test('with the route parser named, what a file declared is kept too, and believed only by the same parser', () => {
    assert.equal(scanAsNewProcess('parser-1').read, 6);
    const second = scanAsNewProcess('parser-1');
    assert.equal(second.read, 0, 'nothing changed: nothing read, the route file included');
    assert.deepEqual(routePaths(second), ['/items']);
    assert.deepEqual(
      rowsOf(JSON.parse(readFileSync(cacheFileOf(cacheDir, root), 'utf8')) as CacheBody).map((f) => f[0]),
      ['modules/a/f0.ts', 'modules/a/f1.ts', 'modules/a/f2.ts', 'modules/a/f3.ts', 'modules/a/f4.ts', 'routes.ts'],
    );
    // A changed route file is read again, and its new routes kept.
    writeFileSync(join(root, 'routes.ts'), `${ROUTES}r.post('/items', () => undefined);\n`);
    const changed = scanAsNewProcess('parser-1');
    assert.equal(changed.read, 1);
    assert.deepEqual(routePaths(changed), ['/items', '/items']);
    assert.equal(scanAsNewProcess('parser-1').read, 0);
    // Another parser (an update of the extension) does not believe the old one's findings; a
    // process that names none neither (the files that declare nothing still stand for both).
    const other = scanAsNewProcess('parser-2');
    assert.equal(other.read, 1, 'the route file is read by the new parser');
    assert.deepEqual(routePaths(other), ['/items', '/items']);
    assert.equal(scanAsNewProcess().read, 1);
  });

  test('only files the pre-filter found nothing in are kept; nothing is rewritten when nothing changed', () => {
    scanAsNewProcess();
    const path = cacheFileOf(cacheDir, root);
    const body = JSON.parse(readFileSync(path, 'utf8')) as CacheBody;
    assert.equal(body.format, SCAN_CACHE_FORMAT);
    assert.equal(body.root, root);
    assert.deepEqual(rowsOf(body).map((f) => f[0]), ['modules/a/f0.ts', 'modules/a/f1.ts', 'modules/a/f2.ts', 'modules/a/f3.ts', 'modules/a/f4.ts']);
    assert.deepEqual(rowsOf(body).find((f) => f[0] === 'modules/a/f0.ts')?.slice(1), [PLAIN(0).length, T * 1000]);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(statSync(cacheDir).mode & 0o777, 0o700);
    const written = statSync(path).mtimeMs;
    utimesSync(path, T, T);
    scanAsNewProcess();
    assert.equal(statSync(path).mtimeMs, T * 1000, 'not rewritten');
    assert.ok(written > T * 1000);
    assert.deepEqual(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
  });

  test('a file whose name holds a line break is not kept (read every time), the others are', () => {
    writeFileSync(join(root, 'modules/a/odd\nname.ts'), PLAIN(7));
    assert.equal(scanAsNewProcess().read, 7);
    assert.ok(!readBody(cacheFileOf(cacheDir, root)).some((f) => f[0].includes('odd')));
    const second = scanAsNewProcess();
    assert.equal(second.read, 2, 'the route file and the one not kept');
    assert.ok(second.files.includes(join(root, 'modules/a/odd\nname.ts')));
  });

  test('a long-lived process (memory too): an unchanged re-scan reads nothing and writes nothing; a change is written once', () => {
    const cache = createDiskScanCache(cacheDir, { memory: true });
    assert.ok(cache);
    const scan = () => scanTreeSync({ root, routes: true }, Buffer.alloc(READ_BUFFER_BYTES), cache);
    const first = scan();
    assert.equal(first.read, 6);
    const path = cacheFileOf(cacheDir, root);
    utimesSync(path, T, T);
    const second = scan();
    assert.equal(second.read, 0, 'the route file is remembered in memory');
    assert.deepEqual(routePaths(second), ['/items']);
    assert.deepEqual(second.files, first.files);
    assert.equal(statSync(path).mtimeMs, T * 1000, 'not rewritten');
    writeFileSync(join(root, 'modules/a/f1.ts'), `${PLAIN(1)}export const y = 2;\n`);
    assert.equal(scan().read, 1);
    const rewritten = statSync(path).mtimeMs;
    assert.ok(rewritten > T * 1000, 'the change is written');
    assert.equal(readBody(path).find((f) => f[0] === 'modules/a/f1.ts')?.[1], `${PLAIN(1)}export const y = 2;\n`.length);
    utimesSync(path, T, T);
    assert.equal(scan().read, 0);
    assert.equal(statSync(path).mtimeMs, T * 1000, 'unchanged again: not rewritten');
    rmSync(join(root, 'modules/a/f4.ts'));
    const fewer = scan();
    assert.equal(fewer.read, 0);
    assert.ok(!fewer.files.some((f) => f.endsWith('f4.ts')));
    assert.ok(!readBody(path).some((f) => f[0] === 'modules/a/f4.ts'), 'a file gone is dropped from the cache file');
  });

  suite('a cache file that is not ours, not this root, or malformed is ignored (everything is read)', () => {
    const valid = () => ({ format: SCAN_CACHE_FORMAT, version: SCAN_CACHE_VERSION, root, prefilter: PREFILTER_ID, extractor: null, paths: 'modules/a/f0.ts\nmodules/a/f1.ts', sizes: [PLAIN(0).length, PLAIN(1).length], mtimes: [T * 1000, T * 1000], found: [0, 0] });
    const plant = (body: unknown, mode = 0o600) => {
      mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      writeFileSync(cacheFileOf(cacheDir, root), typeof body === 'string' ? body : JSON.stringify(body), { mode });
      chmodSync(cacheFileOf(cacheDir, root), mode);
    };
    const loaded = (): ReadonlyMap<string, ScanEntry> => loadCacheFile(cacheDir, root);

    test('a well-formed file of ours is read (the control case)', () => {
      plant(valid());
      assert.deepEqual([...loaded().keys()], [join(root, 'modules/a/f0.ts'), join(root, 'modules/a/f1.ts')]);
      assert.deepEqual(loaded().get(join(root, 'modules/a/f1.ts')), { size: PLAIN(1).length, mtimeMs: T * 1000, extracted: null });
      assert.equal(loaded().get(join(root, 'modules/a/f2.ts')), undefined);
      assert.equal(scanAsNewProcess().read, 4);
    });

    test('asked in any order, what a map of each path to its entry answers (a path written twice: its last entry)', () => {
      const rel = ['a.ts', 'a/b.ts', 'a/c.ts', 'a0.ts', 'b/a.ts', 'b/b.ts', 'B.ts', 'é.ts', 'a/b.tsx'];
      const layouts: Array<[string, string[]]> = [
        ['sorted, as a walk writes them', [...rel].sort()],
        ['not sorted (files a later wave kept)', [...rel].sort().reverse()],
        ['a path twice', [...[...rel].sort(), 'a/b.ts']],
        ['a path twice, next to each other', ['a.ts', 'a/b.ts', 'a/b.ts', 'b/a.ts']],
        ['one path', ['a.ts']],
      ];
      for (const [name, order] of layouts) {
        const body = { ...valid(), paths: order.join('\n'), sizes: order.map((_, i) => i), mtimes: order.map((_, i) => T * 1000 + i), found: order.map(() => 0) };
        plant(body);
        const expected = new Map(order.map((p, i) => [join(root, p), { size: i, mtimeMs: T * 1000 + i, extracted: null }]));
        const asked = [...rel, 'c.ts', 'a', 'a/b', 'a/b.t', 'a/b.tsxx', `${root}x/a.ts`, join(dir, 'a.ts')].map((p) => (p.startsWith('/') ? p : join(root, p)));
        for (const askOrder of [[...asked].sort(), [...asked].sort().reverse(), asked]) {
          const got = loaded();
          assert.equal(got.size, expected.size, name);
          // Each path asked twice in a row (has, then get), as a scan does.
          for (const p of askOrder) {
            assert.equal(got.has(p), expected.has(p), `${name}: has ${p}`);
            assert.deepEqual(got.get(p), expected.get(p), `${name}: get ${p}`);
          }
          assert.deepEqual([...got.entries()].sort(), [...expected.entries()].sort(), name);
        }
      }
    });

    const cases: Array<[string, () => void]> = [
      ['not JSON', () => plant('{"format": "runtime-drift.scan-cache", ')],
      ['another format', () => plant({ ...valid(), format: 'something-else' })],
      ['another version', () => plant({ ...valid(), version: 99 })],
      ['another root (a file copied from elsewhere)', () => plant({ ...valid(), root: '/elsewhere/src' })],
      ['another pre-filter', () => plant({ ...valid(), prefilter: 'old' })],
      ['a size of the wrong shape', () => plant({ ...valid(), sizes: [-1, 1] })],
      ['an mtime of the wrong shape', () => plant({ ...valid(), mtimes: [T * 1000, 'now'] })],
      ['more paths than numbers', () => plant({ ...valid(), paths: 'modules/a/f0.ts\nmodules/a/f1.ts\nmodules/a/f2.ts' })],
      ['fewer paths than numbers', () => plant({ ...valid(), paths: 'modules/a/f0.ts' })],
      ['an empty path', () => plant({ ...valid(), paths: 'modules/a/f0.ts\n' })],
      ['a path with a NUL', () => plant({ ...valid(), paths: 'modules/a/f0.ts\nmodules/a/f1.ts\0' })],
      ['the old format (an array per file)', () => plant({ ...valid(), paths: undefined, files: [['modules/a/f0.ts', PLAIN(0).length, T * 1000]] })],
      ['findings not of the shape a scan makes', () => plant({ ...valid(), extractor: 'p', found: [0, { routes: 'GET /x' }] })],
      ['findings as an array', () => plant({ ...valid(), extractor: 'p', found: [0, []] })],
      ['fewer findings than numbers', () => plant({ ...valid(), found: [0] })],
      ['no findings at all (the format before)', () => plant({ ...valid(), found: undefined })],
      ['a parser named by a number', () => plant({ ...valid(), extractor: 7 })],
      ['an absolute path', () => plant({ ...valid(), paths: 'modules/a/f0.ts\n/etc/passwd' })],
      ['a file others may write', () => plant(valid(), 0o666)],
      [
        'a symbolic link',
        () => {
          mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
          writeFileSync(join(dir, 'elsewhere.json'), JSON.stringify(valid()), { mode: 0o600 });
          symlinkSync(join(dir, 'elsewhere.json'), cacheFileOf(cacheDir, root));
        },
      ],
    ];
    for (const [name, make] of cases) {
      test(name, () => {
        make();
        assert.equal(loaded().size, 0);
        assert.equal(scanAsNewProcess().read, 6, 'every route source read');
      });
    }

    test('a cache folder others may write is not used at all', () => {
      mkdirSync(cacheDir, { recursive: true });
      chmodSync(cacheDir, 0o777);
      assert.equal(createDiskScanCache(cacheDir, { memory: true }), undefined);
    });
  });
});

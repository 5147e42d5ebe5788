// nodeFs's fast paths (walkTree, readEach) against the plain per-entry calls on a real folder:
// same files, same mtimes, same texts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FsLike } from '../../../src/core/ports';
import { walkFileStats } from '../../../src/core/mapping/walk';
import { createNodeFs, MAX_PLAIN_READ_BYTES } from '../../../src/engine/nodeFs';
import { scanMessageText } from '../../../src/core/scanTexts';

/** The same node:fs, without the optional fast paths: the core's per-entry fallback runs. */
function plain(fs: FsLike): FsLike {
  return { readFile: fs.readFile, stat: fs.stat, readdir: fs.readdir };
}

suite('nodeFs: tree walk and batched reads', () => {
  let root = '';
  const big = `// ${'é'.repeat(50_000)}\nexport const big = 1;\n`; // > 64 KB, multi-byte

  suiteSetup(() => {
    root = mkdtempSync(join(tmpdir(), 'rd-nodefs-'));
    const write = (rel: string, text: string) => {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), text);
    };
    write('src/main.ts', 'export {};\n');
    write('src/modules/workflow/steps.controller.ts', "@Controller('steps') export class S {}\n");
    write('src/modules/workflow/big.ts', big);
    write('src/.hidden/skip.ts', 'x');
    write('src/node_modules/dep/index.ts', 'x');
    write('src/.env', 'A=1\n');
    write('src/generated/out.ts', 'x');
    write('shared/util.ts', 'export const u = 1;\n');
    symlinkSync(join(root, 'shared'), join(root, 'src', 'linked'));
    symlinkSync(join(root, 'nowhere'), join(root, 'src', 'dangling.ts'));
  });

  suiteTeardown(() => rmSync(root, { recursive: true, force: true }));

  test('walkTree finds what readdir + stat per entry finds, with the same mtimes', async () => {
    const fs = createNodeFs();
    assert.ok(fs.walkTree, 'nodeFs has the fast path');
    const exclude = (rel: string) => rel === 'generated';
    const fast = await walkFileStats(fs, join(root, 'src'), { exclude });
    const slow = await walkFileStats(plain(fs), join(root, 'src'), { exclude });
    assert.deepEqual(fast.files, slow.files);
    assert.deepEqual([...fast.mtimes].sort(), [...slow.mtimes].sort());
    assert.deepEqual(
      fast.files.map((f) => f.slice(root.length + 1)),
      ['src/.env', 'src/linked/util.ts', 'src/main.ts', 'src/modules/workflow/big.ts', 'src/modules/workflow/steps.controller.ts'],
    );
  });

  test('readFile reads a workspace file whole (a large multi-byte one too) but refuses one over the plain read limit with EFBIG, unread', async () => {
    const fs = createNodeFs();
    assert.equal(await fs.readFile(join(root, 'src/modules/workflow/big.ts')), big);
    const huge = join(root, 'huge-compose.yaml');
    writeFileSync(huge, 'services:\n');
    truncateSync(huge, MAX_PLAIN_READ_BYTES + 1); // sparse: no disk written
    try {
      await assert.rejects(fs.readFile(huge), (err: NodeJS.ErrnoException) => err.code === 'EFBIG' && /over the 32(\.0)? MB/.test(err.message));
      truncateSync(huge, MAX_PLAIN_READ_BYTES);
      assert.equal((await fs.readFile(huge)).length, MAX_PLAIN_READ_BYTES);
    } finally {
      rmSync(huge);
    }
  });

  test('walkTree of a missing folder is empty', async () => {
    const tree = await walkFileStats(createNodeFs(), join(root, 'nope'));
    assert.deepEqual(tree.files, []);
  });

  test('readEach hands over every text in order, a large multi-byte file whole, and skips a vanished file', async () => {
    const fs = createNodeFs();
    const paths = [join(root, 'src/main.ts'), join(root, 'src/gone.ts'), join(root, 'src/modules/workflow/big.ts'), join(root, 'shared/util.ts')];
    const seen: [string, string][] = [];
    await fs.readEach?.(paths, (p, text) => seen.push([p, text]));
    assert.deepEqual(seen.map(([p]) => p), [paths[0], paths[2], paths[3]]);
    assert.equal(seen[1]?.[1], big);
    for (const [p, text] of seen) assert.equal(text, await fs.readFile(p));
  });

  test('readEach names what it cannot read (here a folder) to onSkip, and passes on a throwing callback', async () => {
    const fs = createNodeFs();
    const skipped: [string, string][] = [];
    await fs.readEach?.([join(root, 'src')], () => assert.fail('a folder has no text'), (p, reason) => skipped.push([p, scanMessageText(reason)]));
    assert.deepEqual(skipped, [[join(root, 'src'), 'not a regular file']]);
    await assert.rejects(
      fs.readEach?.([join(root, 'src/main.ts')], () => {
        throw new Error('extractor failed');
      }) ?? Promise.resolve(),
      /extractor failed/,
    );
  });
  test('realpath answers as Node\'s realpathSync does: links resolved (a chain, a folder link), absent for a missing path, a dangling link, a path through a file and a link loop', async () => {
    const fs = createNodeFs();
    symlinkSync(join(root, 'src', 'linked'), join(root, 'chain'));
    symlinkSync(join(root, 'loop-a'), join(root, 'loop-b'));
    symlinkSync(join(root, 'loop-b'), join(root, 'loop-a'));
    try {
      const paths = [root, join(root, 'src/main.ts'), join(root, 'src/linked'), join(root, 'src/linked/util.ts'), join(root, 'chain/util.ts'), join(root, 'src/modules/../main.ts'), join(root, 'src/dangling.ts'), join(root, 'missing/x.ts'), join(root, 'src/main.ts/x'), join(root, 'loop-a'), join(root, 'loop-a/x')];
      const js = (p: string) => {
        try {
          return realpathSync(p);
        } catch {
          return undefined;
        }
      };
      const got = await Promise.all(paths.map((p) => fs.realpath?.(p)));
      assert.deepEqual(got, paths.map(js));
      assert.equal(got[4], join(realpathSync(root), 'shared/util.ts'), 'through two links');
      assert.equal(got.filter((p) => p === undefined).length, 5);
    } finally {
      for (const l of ['chain', 'loop-a', 'loop-b']) rmSync(join(root, l));
    }
  });

  test('a file the reader does not own is still read: O_NOATIME is refused (EPERM) and the plain open used', async () => {
    // Root may use O_NOATIME on any file: the reader is then `nobody`, in a child process.
    const script = `
      const { createNodeFs } = require(${JSON.stringify(join(__dirname, '../../../src/engine/nodeFs.ts'))});
      const fs = createNodeFs();
      const seen = [];
      fs.readEach(['/etc/passwd', '/etc/passwd'], (p, text) => seen.push(text.length > 0)).then(
        () => console.log('read', seen.join(',')),
        (err) => console.log('failed', err.code),
      );
    `;
    const asRoot = process.getuid?.() === 0;
    const run = asRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-r', 'tsx/cjs', '-e', script], { cwd: join(__dirname, '../../..'), encoding: 'utf8', env: { ...process.env, HOME: '/tmp' } })
      : spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: join(__dirname, '../../..'), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'read true,true');
  });
});

// The source walk's guards, the same in both of its homes: the scan worker's synchronous walk
// (scanTreeSync) and the in-process one (nodeFs.walkTree through walkFileStats).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkFileStats } from '../../../src/core/mapping/walk';
import { createNodeFs, READ_BUFFER_BYTES } from '../../../src/engine/nodeFs';
import { scanTreeSync } from '../../../src/engine/scanTree';
import { scanMessageText } from '../../../src/core/scanTexts';

suite('source walk guards', () => {
  let ws: string;
  let src: string;
  setup(() => {
    ws = realpathSync(mkdtempSync(join(tmpdir(), 'rd-walk-')));
    src = join(ws, 'src');
    mkdirSync(join(src, 'modules/a'), { recursive: true });
    mkdirSync(join(ws, 'shared'), { recursive: true });
    writeFileSync(join(src, 'modules/a/a.ts'), 'export const a = 1;\n');
    writeFileSync(join(ws, 'shared/util.ts'), 'export const u = 1;\n');
    symlinkSync('.', join(src, 'here')); // loop to itself
    symlinkSync('../..', join(src, 'modules/up')); // loop to an ancestor
    symlinkSync('../shared', join(src, 'shared')); // inside the workspace: followed
    symlinkSync('/etc', join(src, 'etc')); // out of the workspace: not followed
    symlinkSync('nowhere', join(src, 'dangling')); // nothing there: nothing to say
  });
  teardown(() => rmSync(ws, { recursive: true, force: true }));

  test('loops and links out of the workspace are skipped with a reason; links inside it are followed', async () => {
    const worker = scanTreeSync({ root: src, routes: true, boundary: ws }, Buffer.alloc(READ_BUFFER_BYTES));
    const inProcess = await walkFileStats(createNodeFs(), src, { boundary: ws });
    for (const got of [worker, inProcess]) {
      assert.deepEqual(got.files, [join(src, 'modules/a/a.ts'), join(src, 'shared/util.ts')]);
      const reasons = new Map(got.skipped.map((s) => [s.path.slice(src.length + 1), scanMessageText(s.reason)]));
      assert.match(reasons.get('here') ?? '', /symlink loop/);
      assert.match(reasons.get('modules/up') ?? '', /symlink loop/);
      assert.match(reasons.get('etc') ?? '', /outside the workspace: not followed/);
      assert.equal(reasons.has('dangling'), false);
    }
  });

  test('a root outside the boundary is not read at all', () => {
    const got = scanTreeSync({ root: '/etc', routes: true, boundary: ws }, Buffer.alloc(READ_BUFFER_BYTES));
    assert.deepEqual(got.files, []);
    assert.deepEqual(got.skipped.map((s) => [s.path, scanMessageText(s.reason)]), [['/etc', 'outside the workspace: not read']]);
  });
});

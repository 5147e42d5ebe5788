import assert from 'node:assert/strict';
import { walkFileStats } from '../../../src/core/mapping/walk';
import { memFs } from '../helpers/memFs';

suite('mapping walk', () => {
  const walkFiles = async (...args: Parameters<typeof walkFileStats>) => (await walkFileStats(...args)).files;
  const fs = memFs(
    {
      '/ws/src/b.ts': '',
      '/ws/src/a/z.ts': '',
      '/ws/src/a/y.ts': '',
      '/ws/src/node_modules/dep/index.js': '',
      '/ws/src/.cache/x.ts': '',
      '/ws/src/.env': '',
      '/ws/src/gen/out.ts': '',
    },
    { mtimes: { '/ws/src/b.ts': 5, '/ws/src/a/z.ts': 9 } },
  );

  test('lists files recursively and sorted, skipping node_modules and dot-folders', async () => {
    assert.deepEqual(await walkFiles(fs, '/ws/src'), [
      '/ws/src/.env',
      '/ws/src/a/y.ts',
      '/ws/src/a/z.ts',
      '/ws/src/b.ts',
      '/ws/src/gen/out.ts',
    ]);
  });

  test('exclude receives POSIX paths relative to the walked folder', async () => {
    const seen: string[] = [];
    const files = await walkFiles(fs, '/ws/src', {
      exclude: (rel) => {
        seen.push(rel);
        return rel === 'gen' || rel.endsWith('y.ts');
      },
    });
    assert.deepEqual(files, ['/ws/src/.env', '/ws/src/a/z.ts', '/ws/src/b.ts']);
    assert.ok(seen.includes('a/z.ts'));
  });

  test('an absent folder has no files', async () => {
    assert.deepEqual(await walkFiles(fs, '/nope'), []);
  });

  test('each file comes with its own mtime, in the same order', async () => {
    const { files, mtimes } = await walkFileStats(fs, '/ws/src/a');
    assert.deepEqual(files, ['/ws/src/a/y.ts', '/ws/src/a/z.ts']);
    assert.equal(mtimes[1], 9);
  });
});

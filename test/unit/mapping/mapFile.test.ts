import assert from 'node:assert/strict';
import { COMPILED_REWRITES } from '../../../src/core/mapping/emit';
import { mapSourceFile, mapToBuildOutput } from '../../../src/core/mapping/mapFile';
import type { SourceMapping } from '../../../src/core/model';

const compiled: SourceMapping = {
  sourceRoot: '/ws/api/src',
  target: '/app/dist',
  buildOutDir: '/ws/api/dist',
  rewrites: { ...COMPILED_REWRITES },
  bundled: false,
  modulesDir: 'modules',
  evidence: [],
};

suite('mapping mapFile', () => {
  test('rewrites each TypeScript/JSX extension to what tsc emits', () => {
    const cases: [string, string][] = [
      ['a.ts', 'a.js'],
      ['b/c.tsx', 'b/c.js'],
      ['d.mts', 'd.mjs'],
      ['e.cts', 'e.cjs'],
      ['f.jsx', 'f.js'],
      ['g.js', 'g.js'],
      ['h.json', 'h.json'],
    ];
    for (const [src, out] of cases) {
      assert.equal(mapSourceFile(compiled, `/ws/api/src/${src}`), `/app/dist/${out}`);
      assert.equal(mapToBuildOutput(compiled, `/ws/api/src/${src}`), `/ws/api/dist/${out}`);
    }
  });

  test('no counterpart: outside the root, the root itself, declarations and tests', () => {
    for (const p of [
      '/ws/api/test/a.ts',
      '/ws/api/srcx/a.ts',
      '/ws/api/src',
      '/ws/api/src/types.d.ts',
      '/ws/api/src/a.d.mts',
      '/ws/api/src/a.spec.ts',
      '/ws/api/src/b.test.tsx',
      '/ws/api/src/c.test.js',
    ]) {
      assert.equal(mapSourceFile(compiled, p), undefined, p);
      assert.equal(mapToBuildOutput(compiled, p), undefined, p);
    }
  });

  test('a file merely named like a folder prefix is not inside the root', () => {
    assert.equal(mapSourceFile(compiled, '/ws/api/src-old/a.ts'), undefined);
  });

  test('copied as-is: names unchanged', () => {
    const m: SourceMapping = { ...compiled, target: '/srv/src', rewrites: {} };
    delete m.buildOutDir;
    assert.equal(mapSourceFile(m, '/ws/api/src/x/y.ts'), '/srv/src/x/y.ts');
    assert.equal(mapToBuildOutput(m, '/ws/api/src/x/y.ts'), undefined);
  });

  test('bundled mappings have no per-file counterpart', () => {
    assert.equal(mapSourceFile({ ...compiled, bundled: true }, '/ws/api/src/a.ts'), undefined);
    assert.equal(mapToBuildOutput({ ...compiled, bundled: true }, '/ws/api/src/a.ts'), undefined);
  });
});

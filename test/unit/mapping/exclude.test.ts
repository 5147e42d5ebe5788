import assert from 'node:assert/strict';
import { compileExclude } from '../../../src/core/mapping/exclude';

suite('exclude patterns (runtimeDrift.exclude)', () => {
  test('a folder leaves out everything below it, with or without a trailing slash', () => {
    const ex = compileExclude(['backend/src/generated', './web/legacy/']);
    assert.equal(ex('backend/src/generated/a.ts'), true);
    assert.equal(ex('backend/src/generated'), true);
    assert.equal(ex('web/legacy/x/y.tsx'), true);
    assert.equal(ex('backend/src/generatedToo/a.ts'), false);
    assert.equal(ex('backend/src/main.ts'), false);
  });

  test('globs: * stays in one segment, ** crosses segments, ? is one character', () => {
    const ex = compileExclude(['**/*.gen.ts', 'backend/src/modules/*/fixtures', 'tmp?.ts']);
    assert.equal(ex('backend/src/a.gen.ts'), true);
    assert.equal(ex('a.gen.ts'), true);
    assert.equal(ex('backend/src/a.ts'), false);
    assert.equal(ex('backend/src/modules/users/fixtures/seed.ts'), true);
    assert.equal(ex('backend/src/modules/users/deep/fixtures/seed.ts'), false);
    assert.equal(ex('tmp1.ts'), true);
    assert.equal(ex('tmp12.ts'), false);
  });

  test('nothing configured excludes nothing; regex characters in names are literal', () => {
    assert.equal(compileExclude(undefined)('anything.ts'), false);
    assert.equal(compileExclude([])('anything.ts'), false);
    assert.equal(compileExclude(['src/(legacy)*'])('src/(legacy)old.ts'), true);
    assert.equal(compileExclude(['src/(legacy)*'])('src/legacyold.ts'), false);
  });

  test('globs are picomatch globs: braces and classes choose, dot files are matched, **/ may match no folder', () => {
    const ex = compileExclude(['**/*.{gen,pb}.ts', 'src/[ab]/x', 'docs/**/draft']);
    assert.equal(ex('src/a.gen.ts'), true);
    assert.equal(ex('src/a.pb.ts'), true);
    assert.equal(ex('src/a.ts'), false);
    assert.equal(ex('src/.hidden/b.gen.ts'), true);
    assert.equal(ex('src/b/x/y.ts'), true);
    assert.equal(ex('src/c/x/y.ts'), false);
    assert.equal(ex('docs/draft/a.md'), true);
    assert.equal(ex('docs/2026/draft/a.md'), true);
  });
});

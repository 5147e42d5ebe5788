import assert from 'node:assert/strict';
import { compileExclude, compileGlob } from '../../../src/core/mapping/exclude';

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

  test('a glob of many stars (a .dockerignore or tsconfig line) is read in its length, not tried every way, and still matches as a glob', () => {
    // `*a*a*...*b` made a regular expression of a dozen lazy [^/]* runs that backtracked in a name's length to the power of its stars.
    const hostile = compileGlob(`${'*a'.repeat(12)}*b`);
    assert.equal(hostile.test('a'.repeat(80)), false);
    assert.equal(hostile.test(`${'a'.repeat(80)}b`), true);
    assert.equal(hostile.test(`dir/${'a'.repeat(12)}b`), false);
    // Globs of three or more stars as picomatch reads them: folders, sets, braces, what is inside a named folder.
    const tests = compileGlob('**/__tests__/**/*.test.[jt]s');
    assert.deepEqual(['__tests__/a.test.ts', 'x/__tests__/y/a.test.js', 'x/__tests__/a.test.mjs', 'x/tests/a.test.ts'].map((p) => tests.test(p)), [true, true, false, false]);
    const logs = compileGlob('{*.log,*.tmp,cache-*}');
    assert.deepEqual(['a.log', 'b.tmp', 'cache-1/x', 'x/a.log', 'a.logs'].map((p) => logs.test(p)), [true, true, true, false, false]);
    const nested = compileGlob('x/**/y/**/z');
    assert.deepEqual(['x/y/z', 'x/p/y/q/r/z', 'x/y/z/inside', 'x/y', 'a/x/y/z'].map((p) => nested.test(p)), [true, true, true, false, false]);
    // `**/` goes down whole folders: `.*` after it is a dotted folder's name, not a dot inside one; a trailing `/**` names the folder too.
    const dotted = compileGlob('**/.*/**/*.ts');
    assert.deepEqual(['a/.cache/b/c.ts', '.git/x.ts', 'a/types.d/c.ts', 'app/b.json/c.ts'].map((p) => dotted.test(p)), [true, true, false, false]);
    assert.deepEqual(['src/static', 'src/static/a/b', 'src/statics'].map((p) => compileGlob('**/static/**/**').test(p)), [true, true, false]);
    assert.equal(compileGlob('**/ui/**.*').test('ui/a/b.c'), false);
    assert.equal(compileGlob('[^a]*.*.*').test('a.b.c'), false);
    assert.equal(compileGlob('[^a]*.*.*').test('b.b.c'), true);
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

import assert from 'node:assert/strict';
import { commonFolder, foldersUpTo, isAtOrInside } from '../../../src/core/pathInside';

suite('isAtOrInside', () => {
  test('counts the folder itself and what is below it', () => {
    assert.equal(isAtOrInside('/w/api', '/w/api', '/'), true);
    assert.equal(isAtOrInside('/w/api', '/w/api/src/a.ts', '/'), true);
    assert.equal(isAtOrInside('/w/api/', '/w/api/src', '/'), true);
  });
  test('does not take a sibling that shares the prefix, or a parent', () => {
    assert.equal(isAtOrInside('/w/api', '/w/api2/a.ts', '/'), false);
    assert.equal(isAtOrInside('/w/api', '/w', '/'), false);
    assert.equal(isAtOrInside('/', '/etc/passwd', '/'), true);
  });
  test('uses the separator it is given', () => {
    assert.equal(isAtOrInside('C:\\w', 'C:\\w\\a.ts', '\\'), true);
    assert.equal(isAtOrInside('C:\\w', 'C:\\w2', '\\'), false);
  });
});

suite('foldersUpTo', () => {
  test('the start, then each folder above it, ending at the boundary', () => {
    assert.deepEqual([...foldersUpTo('/w/docker/dev', '/w')], ['/w/docker/dev', '/w/docker', '/w']);
    assert.deepEqual([...foldersUpTo('/w', '/w')], ['/w']);
  });
  test('nothing when the start is outside the boundary; the root ends the walk', () => {
    assert.deepEqual([...foldersUpTo('/elsewhere/a', '/w')], []);
    assert.deepEqual([...foldersUpTo('/w2/a', '/w')], []);
    assert.deepEqual([...foldersUpTo('/a/b', '/')], ['/a/b', '/a', '/']);
  });
});

suite('commonFolder', () => {
  test('the deepest folder holding both: the first when it holds the second, else a folder above it; a shared prefix is no folder', () => {
    assert.equal(commonFolder('/w/api', '/w/api/src/a.ts'), '/w/api');
    assert.equal(commonFolder('/w/api/src', '/w/api/dist'), '/w/api');
    assert.equal(commonFolder('/w/api', '/w/api2'), '/w');
    assert.equal(commonFolder('/w/api', '/elsewhere'), '/');
    assert.equal(['/w/a/x', '/w/a/y', '/w/b'].reduce(commonFolder), '/w');
  });
});

import assert from 'node:assert/strict';
import { isAtOrInside } from '../../../src/core/pathInside';

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

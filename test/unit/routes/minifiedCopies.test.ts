// A library shipped beside its own minified copy is left out of a route scan (isRouteSource.ts).
import assert from 'node:assert/strict';
import { minifiedCopyNames, minifiedCopySources } from '../../../src/core/routes/isRouteSource';

suite('sources beside their minified copy (isRouteSource.ts)', () => {
  test('`x.js` beside `x.min.js` or `x-min.js` (also .mjs/.cjs) is a library; a source with no copy, or a copy without its source, names nothing else', () => {
    const files = ['/w/public/libs/widget.js', '/w/public/libs/widget.min.js', '/w/public/libs/panel.mjs', '/w/public/libs/panel-min.mjs', '/w/src/admin.js', '/w/src/server.js', '/w/public/only.min.js'];
    const libraries = minifiedCopySources(files);
    assert.deepEqual([...libraries].filter((f) => files.includes(f)).sort(), ['/w/public/libs/panel.mjs', '/w/public/libs/widget.js']);
    assert.equal(libraries.has('/w/src/server.js'), false);
    assert.equal(libraries.has('/w/src/admin.js'), false, 'a name merely ending in "min" is no copy');
  });

  test("a file's minified copy's possible names: none for a TypeScript source or a minified file itself", () => {
    assert.deepEqual(minifiedCopyNames('/w/libs/widget.js'), ['/w/libs/widget.min.js', '/w/libs/widget-min.js']);
    assert.deepEqual(minifiedCopyNames('/w/libs/widget.cjs'), ['/w/libs/widget.min.cjs', '/w/libs/widget-min.cjs']);
    assert.deepEqual(minifiedCopyNames('/w/src/app.ts'), []);
    assert.deepEqual(minifiedCopyNames('/w/libs/widget.min.js'), []);
  });
});

import assert from 'node:assert/strict';
import { filterEnding, listedFiles } from '../../../src/core/routes/listedFolders';

// A folder a source file lists (readdirSync + a name filter, or a glob): which of the tree's files it names.
suite('listed folders', () => {
  const files = ['/s/src/routes/users.route.ts', '/s/src/routes/users.spec.ts', '/s/src/routes/admin/keys.route.ts', '/s/src/other/x.route.ts', `/s/src/routes/${'a'.repeat(150)}.ts`];

  test('an ending keeps the folder\'s own files that end so, a ! ending drops them; a glob names files below it', () => {
    assert.deepEqual(listedFiles('/s/src/app.ts', 'routes|.route.ts', files), ['users.route.ts']);
    assert.deepEqual(listedFiles('/s/src/app.ts', 'routes|.ts,!.spec.ts,!*a.ts', files), ['users.route.ts']);
    assert.deepEqual(listedFiles('/s/src/app.ts', 'routes||**/*.route.ts', files), ['admin/keys.route.ts', 'users.route.ts']);
    assert.deepEqual(listedFiles('/s/src/app.ts', 'routes||*.route.ts', files), ['users.route.ts']);
    assert.deepEqual(listedFiles('/s/src/app.ts', 'routes|=users*.spec.ts', files), ['users.spec.ts']);
  });

  test('a folder right below is an entry as readdirSync gives it when it holds an index module, or when a filter reads folder entries; a glob names files only', () => {
    const tree = ['/s/src/areas/top.ts', '/s/src/areas/books/index.ts', '/s/src/areas/books/shelf.ts', '/s/src/areas/notes/readme.md', '/s/src/areas/notes/deep/index.ts'];
    assert.deepEqual(listedFiles('/s/src/app.ts', 'areas|', tree), ['books', 'top.ts']);
    const folderTest = filterEnding('dirent', ['call', ['in'], 'isDirectory', []]);
    assert.deepEqual(listedFiles('/s/src/app.ts', `areas|${folderTest}`, tree), ['books', 'notes']);
    assert.deepEqual(listedFiles('/s/src/app.ts', 'areas||*', tree), ['top.ts']);
  });

  test('a filter of many stars (the workspace\'s text) is read in its length, not tried every way', () => {
    // As a regular expression, `*a*a*...*x` was a run of overlapping .* backtracking in a name's length to the power of its stars.
    assert.deepEqual(listedFiles('/s/src/app.ts', `routes|${'*a'.repeat(14)}*x`, files), []);
    assert.deepEqual(listedFiles('/s/src/app.ts', `routes||${'*a'.repeat(14)}*x.ts`, files), []);
    assert.deepEqual(listedFiles('/s/src/app.ts', `routes|${'*a'.repeat(14)}*.ts`, files), [`${'a'.repeat(150)}.ts`]);
  });
});

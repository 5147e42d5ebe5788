// The walk for compose files made where the source walks run (src/engine/composeListings.ts):
// on a real folder, the same answer as the walk over FsLike, and its folder listings serving the
// source walk of the same check, once, and never another check's.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkComposeFolders } from '../../../src/core/compose/walk';
import { ComposeListings } from '../../../src/engine/composeListings';
import { createNodeFs, READ_BUFFER_BYTES } from '../../../src/engine/nodeFs';
import { scanTreeSync } from '../../../src/engine/scanTree';

suite('compose walk with kept folder listings', () => {
  let ws = '';
  const write = (rel: string, text = 'x') => {
    mkdirSync(join(ws, rel, '..'), { recursive: true });
    writeFileSync(join(ws, rel), text);
  };

  setup(() => {
    ws = mkdtempSync(join(tmpdir(), 'rd-listings-'));
    write('compose.yaml', 'services: {}\n');
    write('api/src/main.ts', 'export {};\n');
    write('api/src/modules/users/users.ts');
    write('api/src/modules/orders/orders.ts');
    write('deploy/docker-compose.prod.yml', 'services: {}\n');
    write('deploy/docker-compose.staging.yml', 'services: {}\n');
    write('beside/compose.yml', 'services: {}\n');
    write('beside/compose.dev.yml', 'services: {}\n');
    write('a/b/c/d/compose.yaml', 'services: {}\n'); // depth 4: read
    write('a/b/c/d/e/compose.yaml', 'services: {}\n'); // depth 5: not
    write('.docker/compose.yaml', 'services: {}\n');
    write('.hidden/compose.yaml', 'services: {}\n');
    write('node_modules/p/compose.yaml', 'services: {}\n');
    write('excluded/compose.yaml', 'services: {}\n');
    write('elsewhere/compose.yaml', 'services: {}\n');
    symlinkSync(join(ws, 'elsewhere'), join(ws, 'linked')); // a link to a folder: descended as before
    symlinkSync(join(ws, 'compose.yaml'), join(ws, 'deploy', 'compose.yml')); // a linked base file
    symlinkSync(join(ws, 'nowhere'), join(ws, 'api', 'dangling'));
  });

  teardown(() => rmSync(ws, { recursive: true, force: true }));

  test('the same folders, base files and variants as the walk over FsLike', async () => {
    for (const opts of [{}, { exclude: ['excluded'] }, { maxDepth: 1 }, { maxDepth: 0 }]) {
      const expected = await walkComposeFolders(createNodeFs(), ws, opts);
      const { listings, ...got } = await new ComposeListings().walk(ws, opts);
      assert.equal(typeof listings, 'number');
      assert.deepEqual({ ...got, read: [...got.read].sort(), descended: [...got.descended].sort() }, { ...expected, read: [...expected.read].sort(), descended: [...expected.descended].sort() }, JSON.stringify(opts));
    }
    const found = await new ComposeListings().walk(ws, {});
    assert.deepEqual(found.baseDirs, [ws, join(ws, '.docker'), join(ws, 'a/b/c/d'), join(ws, 'beside'), join(ws, 'deploy'), join(ws, 'elsewhere'), join(ws, 'excluded'), join(ws, 'linked')].sort());
    assert.deepEqual(found.besideBase, [join(ws, 'beside/compose.dev.yml'), join(ws, 'deploy/docker-compose.prod.yml'), join(ws, 'deploy/docker-compose.staging.yml')]);
  });

  test("the source walk of the same check reads the walk's listings, once; another check's walk reads the folders", async () => {
    const root = join(ws, 'api', 'src');
    const listings = new ComposeListings();
    const { listings: id } = await listings.walk(ws, {});
    // Written after the walk read the folders: only a source walk that reads them again sees it.
    write('api/src/modules/users/late.ts');
    const scan = (listed?: ReturnType<ComposeListings['forScan']>) => scanTreeSync({ root, routes: false }, Buffer.alloc(READ_BUFFER_BYTES), undefined, listed).files.map((f) => f.slice(root.length + 1));
    const before = ['main.ts', 'modules/orders/orders.ts', 'modules/users/users.ts'];
    const now = ['main.ts', 'modules/orders/orders.ts', 'modules/users/late.ts', 'modules/users/users.ts'];
    assert.deepEqual(scan(listings.forScan(id)), before, 'the folders as the walk listed them: not read again');
    assert.deepEqual(scan(listings.forScan(id)), now, 'each listing serves one source walk');

    const { listings: second } = await listings.walk(ws, {});
    write('api/src/modules/orders/later.ts');
    assert.equal(listings.forScan(id), undefined, "an earlier walk's id: nothing");
    assert.equal(listings.forScan(second), undefined, 'which dropped what the newer walk kept');
    assert.deepEqual(scan(), [...now, 'modules/orders/later.ts'].sort());
    const { listings: third } = await listings.walk(ws, {});
    listings.drop(); // a file watcher's report
    assert.equal(listings.forScan(third), undefined);
  });

  test('with the listings, the same files, mtimes and warnings as a walk that reads every folder', async () => {
    const root = join(ws, 'api', 'src');
    const listings = new ComposeListings();
    const { listings: id } = await listings.walk(ws, {});
    const plain = scanTreeSync({ root, routes: true, boundary: ws }, Buffer.alloc(READ_BUFFER_BYTES));
    const shared = scanTreeSync({ root, routes: true, boundary: ws }, Buffer.alloc(READ_BUFFER_BYTES), undefined, listings.forScan(id));
    assert.deepEqual({ ...shared, mtimes: [...shared.mtimes] }, { ...plain, mtimes: [...plain.mtimes] });
  });
});

// The three scanners read the files of test folders the server imports alike (routes/testFolderImports.ts):
// the scan worker's scanTreeSync, the inline scanner, and a watched tree after changes.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { SourceScan } from '../../../src/core/ports';
import { scanSourceText } from '../../../src/core/routes/scanFile';
import { createInlineScanner } from '../../../src/engine/inlineScanner';
import { createMemoryScanCache } from '../../../src/engine/memoryScanCache';
import { createNodeFs, READ_BUFFER_BYTES } from '../../../src/engine/nodeFs';
import { scanTreeSync } from '../../../src/engine/scanTree';
import { createWatchedTrees } from '../../../src/engine/watchedTrees';
import { TEST_FOLDER_SERVER } from '../helpers/testFolderServer';

const READ = ['src/app.module.ts', 'src/main.ts', 'src/tests/diagnostics.controller.ts', 'src/tests/diagnostics.module.ts'];

suite('scanners: files of test folders the server imports', () => {
  let root = '';
  const buffer = Buffer.alloc(READ_BUFFER_BYTES);
  const write = (rel: string, text: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
    return join(root, rel);
  };
  const declared = (s: SourceScan) => s.extracted.map((e) => relative(root, e.file)).sort();

  setup(() => {
    root = mkdtempSync(join(tmpdir(), 'rd-testfolder-'));
    for (const [rel, text] of Object.entries(TEST_FOLDER_SERVER)) write(rel, text);
  });
  teardown(() => rmSync(root, { recursive: true, force: true }));

  test('scanTreeSync and the inline scanner read the imported `tests` module and its controller, never the harness nobody imports', async () => {
    const sync = scanTreeSync({ root, routes: true }, buffer);
    assert.deepEqual(declared(sync), READ);
    const inline = await createInlineScanner(createNodeFs(), { remember: false, scanText: () => scanSourceText }).scan({ root, routes: true });
    assert.deepEqual(declared(inline), READ);
    assert.ok(sync.files.includes(join(root, 'test/fake-upstream.ts')), 'the harness is still a walked file');
  });

  test('remembered: a second scan reuses what the second wave read, and reads a changed file again', async () => {
    const cache = createMemoryScanCache();
    assert.equal(scanTreeSync({ root, routes: true }, buffer, cache).read, 4);
    assert.equal(scanTreeSync({ root, routes: true }, buffer, cache).read, 0);
    const changed = write('src/tests/diagnostics.controller.ts', (TEST_FOLDER_SERVER['src/tests/diagnostics.controller.ts'] ?? '').replace("'ping'", "'pong'"));
    utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    const again = scanTreeSync({ root, routes: true }, buffer, cache);
    assert.equal(again.read, 1);
    assert.match(JSON.stringify(again.extracted.find((e) => e.file === changed)?.x.routes), /pong/);
  });

  test('a tree whose files declare nothing has no second wave: its test folders are not read, even where imported', () => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
    write('src/index.ts', "import { helper } from './tests/helper';\nexport const value = helper + 1;\n");
    write('src/tests/helper.ts', 'export const helper = 1;\n');
    write('src/tests/routes.controller.ts', "import { Controller, Get } from '@nestjs/common';\n@Controller('x')\nexport class X {\n  @Get() x() {}\n}\n");
    const scan = scanTreeSync({ root, routes: true }, buffer);
    assert.deepEqual(declared(scan), []);
    assert.equal(scan.read, 1, 'src/index.ts alone');
    assert.deepEqual(scan.files.map((f) => relative(root, f)), ['src/index.ts', 'src/tests/helper.ts', 'src/tests/routes.controller.ts']);
  });

  test('a watched tree follows an import added or dropped as a fresh walk would', () => {
    const trees = createWatchedTrees({ buffer, onMissed: () => undefined, refreshMs: 60_000 });
    trees.watcher(true);
    try {
      assert.deepEqual(declared(trees.scan({ root, routes: true })), READ);
      const module = write('src/app.module.ts', "import { Module } from '@nestjs/common';\n@Module({})\nexport class AppModule {}\n");
      utimesSync(module, new Date(), new Date(Date.now() + 5000));
      trees.changed([module]);
      const dropped = trees.scan({ root, routes: true });
      assert.equal(dropped.watchedChanges, 1, 'from the kept tree');
      assert.deepEqual(declared(dropped), ['src/app.module.ts', 'src/main.ts']);
      write('src/app.module.ts', TEST_FOLDER_SERVER['src/app.module.ts'] ?? '');
      utimesSync(module, new Date(), new Date(Date.now() + 10_000));
      trees.changed([module]);
      const back = trees.scan({ root, routes: true });
      assert.deepEqual(declared(back), READ);
      assert.deepEqual(declared(back), declared(scanTreeSync({ root, routes: true }, buffer)));
    } finally {
      trees.close();
    }
  });
});

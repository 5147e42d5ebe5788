// The second wave of a route scan: files of test folders are read only when the server code read imports them.
import * as assert from 'node:assert/strict';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { collectExtracted } from '../../../src/core/routes/collect';
import type { ExtractedFile } from '../../../src/core/routes/extracted';
import { inTestFolderOnly, isRouteSource } from '../../../src/core/routes/isRouteSource';
import { TestFolderImports } from '../../../src/core/routes/testFolderImports';
import { TEST_FOLDER_SERVER } from '../helpers/testFolderServer';

const ROOT = '/w';
const abs = (rel: string) => `${ROOT}/${rel}`;

/** The scanners' way: the route sources first, then the test-folder files reached, wave by wave; the waves, in order. */
function scanInWaves(texts: Record<string, string>, aliases = [] as { pattern: string; targets: string[] }[]): { waves: string[][]; extracted: { file: string; x: ExtractedFile }[] } {
  const files = Object.keys(texts).map(abs);
  const extract = (file: string) => ({ file, x: extractRoutesFromSource(texts[file.slice(ROOT.length + 1)] ?? '', file) });
  const extracted = files.filter((f) => isRouteSource(f, ROOT)).map(extract);
  const reach = new TestFolderImports(ROOT, files, aliases);
  for (const e of extracted) reach.add(e.file, e.x);
  const waves: string[][] = [];
  for (let wave = reach.wave(); wave.length > 0; wave = reach.wave()) {
    waves.push(wave.map((f) => f.slice(ROOT.length + 1)));
    for (const file of wave) {
      const e = extract(file);
      extracted.push(e);
      reach.add(file, e.x);
    }
  }
  return { waves, extracted };
}

suite('files of test folders the server imports (testFolderImports.ts)', () => {
  test('a file is left out for its test folder alone (or a name that may be a feature\'s, `speed-test.ts`), not for a test name, a declaration file or a non-source', () => {
    assert.equal(inTestFolderOnly('/w/src/tests/diagnostics.module.ts', ROOT), true);
    assert.equal(inTestFolderOnly('/w/test/helpers/server.js', ROOT), true);
    assert.equal(inTestFolderOnly('/w/test/app.e2e-spec.ts', ROOT), false, 'a test by its name is never read');
    assert.equal(inTestFolderOnly('/w/src/users.test.ts', ROOT), false);
    assert.equal(inTestFolderOnly('/w/src/routes/speed-test.ts', ROOT), true, 'a name ending in -test may be a feature: read when imported');
    assert.equal(isRouteSource('/w/src/routes/speed-test.ts', ROOT), false, 'not in the first wave');
    assert.equal(inTestFolderOnly('/w/tests/types.d.ts', ROOT), false);
    assert.equal(inTestFolderOnly('/w/tests/fixture.json', ROOT), false);
    assert.equal(inTestFolderOnly('/w/src/app.module.ts', ROOT), false, 'a route source is read in the first wave');
    assert.equal(inTestFolderOnly('/ci/tests/checkout/src/app.ts', '/ci/tests/checkout'), false, 'a test folder above the root does not count');
  });

  test('the module a server registers from a `tests` folder is read, then the controller it imports; the harness nobody imports is not', () => {
    const { waves, extracted } = scanInWaves(TEST_FOLDER_SERVER);
    assert.deepEqual(waves, [['src/tests/diagnostics.module.ts'], ['src/tests/diagnostics.controller.ts']]);
    const routes = collectExtracted(extracted, { moduleOf: () => undefined }).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(routes, ['GET /diagnostics/ping']);
  });

  test('without the import the test folder stays out: no wave, no route of it', () => {
    const texts = { ...TEST_FOLDER_SERVER, 'src/app.module.ts': "import { Module } from '@nestjs/common';\n@Module({})\nexport class AppModule {}\n" };
    const { waves, extracted } = scanInWaves(texts);
    assert.deepEqual(waves, []);
    assert.deepEqual(collectExtracted(extracted, { moduleOf: () => undefined }).routes, []);
  });

  test('a helper named like a test (`probe-test.ts`) that a router file imports to attach a route is read in the second wave; one nobody imports is not', () => {
    const texts = {
      'src/app.ts': "import express from 'express';\nimport tools from './routes/tools';\nconst app = express();\napp.use('/tools', tools);\napp.listen(3000);\n",
      'src/routes/tools.ts': "import { Router } from 'express';\nimport { attachProbe } from './probe-test';\nconst router = Router();\nattachProbe(router);\nrouter.get('/list', h);\nexport default router;\n",
      'src/routes/probe-test.ts': "export function attachProbe(router) {\n  router.post('/probe', h);\n}\n",
      'src/routes/tools-test.ts': "import express from 'express';\nconst app = express();\napp.get('/harness', h);\napp.listen(4000);\n",
    };
    const { waves, extracted } = scanInWaves(texts);
    assert.deepEqual(waves, [['src/routes/probe-test.ts']]);
    const routes = collectExtracted(extracted, { moduleOf: () => undefined }).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(routes.sort(), ['GET /tools/list', 'POST /tools/probe']);
  });

  test("an import through the root's path alias is followed as the join resolves it", () => {
    const texts = { ...TEST_FOLDER_SERVER, 'src/app.module.ts': (TEST_FOLDER_SERVER['src/app.module.ts'] ?? '').replace('./tests/diagnostics.module', '@app/tests/diagnostics.module') };
    assert.deepEqual(scanInWaves(texts).waves, [], 'no alias: not resolved');
    assert.deepEqual(scanInWaves(texts, [{ pattern: '@app/*', targets: ['/w/src/*'] }]).waves, [['src/tests/diagnostics.module.ts'], ['src/tests/diagnostics.controller.ts']]);
  });
});

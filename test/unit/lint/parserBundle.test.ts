// The TypeScript compiler (about 9 MB of JavaScript, 40-60 MB resident once loaded) lives in one
// bundle, dist/routeParser.js, loaded on first need (src/engine/routeParserLoader.ts). A core
// module on the engine side or the command's path that imports it directly (a shared constant of
// a parser-using file is enough) puts it in that bundle's start-up: session 16's build-script
// reader and a constant collect.ts took from routeSyntax.ts did, and the command's peak memory on a
// 2,000-file check went from 93 to 153 MB. Built here as scripts/build.mjs builds them.
import * as assert from 'node:assert/strict';
import { isAscii } from 'node:buffer';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const REPO = join(__dirname, '..', '..', '..');

interface Entry {
  entryPoints: string[];
  outfile: string;
  [k: string]: unknown;
}

async function buildScript(): Promise<{ common: object; entries: Entry[] }> {
  return (await import(pathToFileURL(join(REPO, 'scripts', 'build.mjs')).href)) as { common: object; entries: Entry[] };
}

suite('the TypeScript compiler is in the route parser bundle only', () => {
  test('the engine side, the command and the scan worker bundle no TypeScript; the parser bundle does, its source ASCII', async function () {
    this.timeout(120_000);
    const script = await buildScript();
    const holdsTypeScript: Record<string, boolean> = {};
    for (const e of script.entries) {
      const result = await build({ ...script.common, ...e, entryPoints: e.entryPoints.map((p) => join(REPO, p)), write: false, metafile: true, logLevel: 'silent' });
      holdsTypeScript[e.outfile] = Object.keys(result.metafile.inputs).some((f) => /node_modules\/typescript\//.test(f));
      // The parser's source is ASCII: no two-byte string of it kept for the worker's life, and read without a UTF-8 decode (routeParserLoader.ts sourceText).
      const code = result.outputFiles.find((f) => f.path.endsWith('.js'));
      if (e.outfile.endsWith('routeParser.js')) assert.ok(code && isAscii(code.contents), `${e.outfile} holds a character beyond ASCII`);
    }
    assert.deepEqual(holdsTypeScript, {
      'dist/extension.js': false,
      'dist/engine.js': false,
      'dist/scanWorker.js': false,
      'dist/routeParser.js': true,
      'dist/cli.js': false,
      'dist/cliMain.js': false,
    });
  });

  test("a build script's bundler call and a route config are read through the loader, from the parser bundle", async function () {
    this.timeout(120_000);
    const script = await buildScript();
    const dir = mkdtempSync(join(tmpdir(), 'rd-parser-'));
    try {
      const parser = script.entries.find((e) => e.outfile.endsWith('routeParser.js'));
      assert.ok(parser);
      const opts = { ...script.common, sourcemap: false, logLevel: 'error' as const };
      await build({ ...opts, ...parser, entryPoints: parser.entryPoints.map((p) => join(REPO, p)), outfile: join(dir, 'routeParser.js') });
      await build({ ...opts, entryPoints: [join(REPO, 'src/engine/routeParserLoader.ts')], outfile: join(dir, 'loader.js') });
      const loader = require(join(dir, 'loader.js')) as typeof import('../../../src/engine/routeParserLoader');
      const found = loader.readBundleCall("import { build } from 'esbuild';\nawait build({ entryPoints: ['src/main.ts'], bundle: true, outdir: 'out' });\n", 'build.mjs');
      assert.deepEqual(found, { tool: 'esbuild', entries: [{ rel: 'src/main.ts', fromScript: false }], output: { rel: 'out', fromScript: false } });
      // A React Router route config built in code is run there too (remixRouteConfig.ts).
      const config = "import { route } from '@react-router/dev/routes';\nexport default [route('ping', 'routes/ping.ts')];\n";
      const run = loader.runRouteConfig(new Map([['/a/app/routes.ts', config]]), '/a/app/routes.ts', [], ['', '.ts']);
      assert.deepEqual(run, { paths: new Map([['routes/ping.ts', ['/ping']]]) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

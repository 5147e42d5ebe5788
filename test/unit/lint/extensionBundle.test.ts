// The extension's first bundle (dist/extension.js, loaded at activation on the extension host's
// main thread) stays small: the compose YAML parser and the engine side load later, in
// the engine bundle. A core module that only needs a constant must not drag them in.
import * as assert from 'node:assert/strict';
import { build } from 'esbuild';

suite('the extension bundle loaded at activation', () => {
  test('holds no YAML parser, no compose file parser, no engine client and no TypeScript compiler', async function () {
    this.timeout(30_000);
    const result = await build({ bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'cpu-features'], logLevel: 'silent', entryPoints: ['src/extension.ts'], outfile: 'dist/extension-check.js', write: false, metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    const heavy = inputs.filter((f) => /node_modules\/(yaml|dockerode|undici|typescript)\//.test(f) || f === 'src/core/compose/parse.ts');
    assert.deepEqual(heavy, []);
    assert.ok(inputs.includes('src/extension.ts'), 'the metafile lists the bundle inputs');
  });
});

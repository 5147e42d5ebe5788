// Paths a bundler config computes through constants of its own file, read as the literal paths they give.
import assert from 'node:assert/strict';
import { withConfigPaths } from '../../../src/core/mapping/configPaths';

const CONFIG = [
  "import path from 'path';",
  'export default (env) => {',
  "  const top = env.top || path.resolve(__dirname, '..', '..');",
  "  const code = path.resolve(top, 'lib');",
  "  const serverCode = path.join(code, 'backend');",
  "  const out = path.resolve(top, 'out-server');",
  "  return makeConfig({ entry: path.resolve(serverCode, 'main.ts'), output: out, other: env.dir });",
  '};',
].join('\n');

suite('bundler config paths computed from constants of the file', () => {
  test('a resolve/join call over __dirname, literals and such constants is the path it gives from the project folder', () => {
    const text = withConfigPaths(CONFIG, 'tools/server');
    assert.match(text, /entry: 'lib\/backend\/main\.ts'/);
    assert.match(text, /output: 'out-server'/);
  });

  test('at the project root, __dirname is the project folder', () => {
    assert.match(withConfigPaths("module.exports = { output: { path: path.join(__dirname, 'build', 'api') } };", '.'), /path: 'build\/api'/);
  });

  test('a value known only at run time, an absolute literal, or a first argument relative to the working folder stays as written', () => {
    const kept = ["const a = path.resolve(process.cwd(), 'x');", "const b = path.resolve(__dirname, '/abs');", "const c = path.join('rel', 'x');", 'module.exports = { entry: a, output: { path: b }, context: c, d: path.resolve(env.dir, "y") };'].join('\n');
    assert.equal(withConfigPaths(kept, '.'), kept);
  });

  test("a method named resolve or join of another object (Promise.resolve, an array's join) is not a path call", () => {
    const text = "const parts = ['a', 'b'].join(__dirname);\nconst p = Promise.resolve(__dirname);\n";
    assert.equal(withConfigPaths(text, '.'), text);
  });

  test('a constant holding a relative folder literal (`const outputDirectory = \'dist\'`) is that folder after the first argument', () => {
    const text = withConfigPaths("const outputDirectory = 'dist'\nmodule.exports = { output: { path: path.join(__dirname, outputDirectory) } };", '.');
    assert.match(text, /path: 'dist'/);
    assert.match(withConfigPaths("const abs = '/var/out';\nmodule.exports = { output: { path: path.join(__dirname, abs) } };", '.'), /path\.join\(__dirname, abs\)/);
  });
});

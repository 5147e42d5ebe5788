import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';

// The layering rules of eslint.config.mjs, run on fixture files placed (by name) in each folder:
// if a rule stopped matching, `npm run lint` would pass on a real violation; this fails instead.
const root = resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The messages the project's lint config gives `fixture` as if it were the file `asPath`. */
async function lintAs(fixture: string, asPath: string): Promise<string[]> {
  const text = readFileSync(join(root, 'test/fixtures/lint', fixture), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: join(root, asPath) });
  assert.ok(result, 'eslint returned no result');
  return result.messages.map((m) => `${m.line}: ${m.ruleId ?? 'fatal'}: ${m.message}`);
}

function assertFlagged(messages: string[], count: number, reason: RegExp): void {
  assert.equal(messages.length, count, messages.join('\n'));
  for (const m of messages) assert.match(m, reason);
}

suite('lint: the layering boundary', function () {
  this.timeout(60_000);

  test('src/core, src/engine and src/cli may not import vscode, not even its types', async () => {
    for (const folder of ['src/core', 'src/engine', 'src/cli', 'src/core/routes']) {
      assertFlagged(await lintAs('importsVscode.ts', `${folder}/lintFixture.ts`), 1, /no-restricted-imports: .*Packages must not import vscode/);
      assertFlagged(await lintAs('importsVscodeTypes.ts', `${folder}/lintFixture.ts`), 1, /no-restricted-imports: .*Packages must not import vscode/);
    }
  });

  test('require("vscode") and import("vscode") are caught as well', async () => {
    for (const folder of ['src/core', 'src/engine', 'src/cli']) {
      assertFlagged(await lintAs('loadsVscode.ts', `${folder}/lintFixture.ts`), 2, /no-restricted-syntax: Packages must not import vscode/);
    }
  });

  test('src/vscode and src/extension.ts may import vscode', async () => {
    assert.deepEqual(await lintAs('importsVscode.ts', 'src/vscode/lintFixture.ts'), []);
    assert.deepEqual(await lintAs('loadsVscode.ts', 'src/lintFixture.ts'), []);
  });

  test('src/core may not touch the file system, processes or the engine adapters', async () => {
    assertFlagged(await lintAs('readsFiles.ts', 'src/core/lintFixture.ts'), 2, /src\/core is pure/);
    assertFlagged(await lintAs('loadsFiles.ts', 'src/core/mapping/lintFixture.ts'), 2, /no-restricted-syntax: src\/core is pure/);
    assertFlagged(await lintAs('importsEngine.ts', 'src/core/lintFixture.ts'), 1, /no-restricted-imports: .*src\/core is pure/);
  });

  test('the engine adapters may, and the core may import its own pure modules', async () => {
    assert.deepEqual(await lintAs('readsFiles.ts', 'src/engine/lintFixture.ts'), []);
    assert.deepEqual(await lintAs('importsEngine.ts', 'src/cli/lintFixture.ts'), []);
    assert.deepEqual(await lintAs('pure.ts', 'src/core/lintFixture.ts'), []);
  });

  test('a function over 60 lines of code is flagged in every folder; blank lines and comments do not count', async () => {
    for (const folder of ['src/core', 'src/engine', 'src/cli', 'src/vscode']) {
      assertFlagged(await lintAs('longFunction.ts', `${folder}/lintFixture.ts`), 1, /max-lines-per-function: Function 'tooLong' has too many lines \(61\)/);
    }
  });
});

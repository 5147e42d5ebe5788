// The layering as lint rules (shared/STYLE.md): only src/vscode and src/extension.ts talk to
// VS Code; the core is pure (no file system, no processes, no engine adapters).
// test/unit/lint/boundary.test.ts lints bad files under these rules, so they cannot go quiet.
import tseslint from 'typescript-eslint';

const toVscode = 'Packages must not import vscode: only src/vscode and src/extension.ts talk to VS Code.';
const pureCore = 'src/core is pure: it reaches files, processes and the engine only through the ports in src/core/ports.ts.';
const vscode = { name: 'vscode', message: toVscode };
const io = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process'].map((name) => ({ name, message: pureCore }));
const engine = { group: ['**/engine', '**/engine/**'], message: pureCore };

/** `require(…)` and `import(…)` of a module, which no-restricted-imports does not see. */
const loads = (source, message) => [
  { selector: `CallExpression[callee.name='require'][arguments.0.value=${source}]`, message },
  { selector: `ImportExpression[source.value=${source}]`, message },
];
const loadsVscode = loads("'vscode'", toVscode);
const loadsIo = loads('/^(node:)?(fs|fs\\u002Fpromises|child_process)$|(^|\\u002F)engine(\\u002F|$)/', pureCore);

export default [
  { ignores: ['dist/**', 'out/**', 'node_modules/**'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    // Functions a person can hold in their head (issue #13): 60 lines of code, blank lines and
    // comments not counted.
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/engine/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [vscode] }],
      'no-restricted-syntax': ['error', ...loadsVscode],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [vscode, ...io], patterns: [engine] }],
      'no-restricted-syntax': ['error', ...loadsVscode, ...loadsIo],
    },
  },
];

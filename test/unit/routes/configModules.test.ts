// A config module run over a small part of JavaScript (configModules.ts): fixtures of our own.
import * as assert from 'node:assert/strict';
import ts from '../../../src/core/routes/compiler';
import { defaultExportOf, NotStatic, type ModuleSet } from '../../../src/core/routes/configModules';

function modules(files: Record<string, string>, hosts: ModuleSet['hosts'] = {}): ModuleSet {
  const sources = new Map(Object.entries(files).map(([f, t]) => [f, ts.createSourceFile(f, t, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)]));
  const resolve = (_from: string, spec: string) => [`/m/${spec.slice(2)}.ts`, `/m/${spec.slice(2)}/index.ts`].find((f) => sources.has(f));
  return { sources, resolve, hosts };
}

suite('defaultExportOf', () => {
  test('functions, loops, filters, templates and constants of another module (its barrel re-export) give concrete values', () => {
    const set = modules({
      '/m/main.ts': [
        "import { kinds, isHidden } from './shared';",
        'const tagged = (item: { name?: string }, kind: string) => ({ ...item, name: item.name ? `${kind}-${item.name}` : kind });',
        'async function build() {',
        "  const base = [{ name: 'alpha' }, { name: 'beta' }, {}];",
        '  const shown = base.filter((b) => !isHidden(b.name));',
        '  const more: object[] = [];',
        '  for (const kind of kinds) {',
        '    for (const b of shown) more.push(tagged(b, kind));',
        '  }',
        '  return [...base, ...more];',
        '}',
        'export default build();',
      ].join('\n'),
      '/m/shared/index.ts': "export * from './values';\n",
      '/m/values.ts': [
        "const all = ['x', 'y', 'z'];",
        "export const kinds = all.filter((k) => k !== 'x');",
        'const HIDDEN: RegExp[] = [/^beta$/];',
        'export const isHidden = (n: string | undefined): boolean => {',
        '  if (n === undefined) return false;',
        '  return HIDDEN.some((re) => re.test(n));',
        '};',
      ].join('\n'),
    });
    set.resolve = (_from, spec) => (spec === './shared' ? '/m/shared/index.ts' : '/m/values.ts');
    assert.deepEqual(defaultExportOf(set, '/m/main.ts'), [{ name: 'alpha' }, { name: 'beta' }, {}, { name: 'y-alpha' }, { name: 'y' }, { name: 'z-alpha' }, { name: 'z' }]);
  });

  test("a package's exports are the host functions handed in; a call of anything else, or a method of no listed kind, is not static", () => {
    const host = { pkg: { twice: (s: unknown) => `${String(s)}${String(s)}` } };
    assert.equal(defaultExportOf(modules({ '/m/a.ts': "import { twice } from 'pkg';\nexport default twice('ab');\n" }, host), '/m/a.ts'), 'abab');
    assert.throws(() => defaultExportOf(modules({ '/m/b.ts': "import { other } from 'elsewhere';\nexport default other();\n" }, host), '/m/b.ts'), NotStatic);
    assert.throws(() => defaultExportOf(modules({ '/m/c.ts': "const o = { a: 1 };\nexport default o.toString();\n" }), '/m/c.ts'), NotStatic);
    assert.throws(() => defaultExportOf(modules({ '/m/d.ts': 'export default new Date();\n' }), '/m/d.ts'), NotStatic);
  });

  test('a regular expression of the module that may backtrack without end is not run: the module is not static', () => {
    // (a+)+$ on a run of a's ending otherwise tries every split of them; .*a six times over, every placing.
    const nested = `const long = '${'a'.repeat(40)}!';\nexport default long.replace(/(a+)+$/, '');\n`;
    assert.throws(() => defaultExportOf(modules({ '/m/g.ts': nested }), '/m/g.ts'), NotStatic);
    const repeats = `const long = '${'a'.repeat(300)}';\nexport default long.replace(/.*a.*a.*a.*a.*a.*b/, '');\n`;
    assert.throws(() => defaultExportOf(modules({ '/m/h.ts': repeats }), '/m/h.ts'), NotStatic);
    assert.equal(defaultExportOf(modules({ '/m/i.ts': "export default 'v1-users'.replace(/^v\\d+-/, '');\n" }), '/m/i.ts'), 'users');
  });

  test('a recursion or a loop without end stops the run as not static', () => {
    const recursion = 'const spin = (n: number): number => spin(n);\nexport default spin(1);\n';
    assert.throws(() => defaultExportOf(modules({ '/m/e.ts': recursion }), '/m/e.ts'), NotStatic);
    const loop = 'const grow = () => {\n  const list = [1];\n  for (const n of list) list.push(n);\n  return list;\n};\nexport default grow();\n';
    assert.throws(() => defaultExportOf(modules({ '/m/f.ts': loop }), '/m/f.ts'), NotStatic);
  });
});

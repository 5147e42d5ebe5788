// A mount prefix reading a setting of a module whose value is computed at run time (a configuration
// file merged over an exported defaults object, its keys re-cased): the default that object writes,
// with a warning naming where (settingDefaults.ts, collect.ts settingDefaultText). Fixtures of our own.
import * as assert from 'node:assert/strict';
import ts from '../../../src/core/routes/compiler';
import { collectRoutes } from '../helpers/collectText';
import { readSettingDefaults } from '../../../src/core/routes/settingDefaults';
import { closureSettingDefault } from '../../../src/core/routes/settingClosure';

const collect = (files: Record<string, string>) => {
  const { routes, warnings } = collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases: [], settings: {} },
  );
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
};

const app = (prefix: string) =>
  ["const express = require('express');", "const { SITE } = require('./options')();", 'const app = express();', `app.use(${prefix}, require('./shelf'));`, 'module.exports = app;'].join('\n');
const SHELF = ["const shelf = require('express').Router();", "shelf.get('/books', (req, res) => res.json([]));", 'module.exports = shelf;'].join('\n');
// The options module re-cases what a loader merges over the defaults: its value is not static.
const OPTIONS = ["const load = require('./loader');", "const { upper } = require('./casing');", 'module.exports = () => upper(load());'].join('\n');
const LOADER = ["const fs = require('fs');", "const base = require('./base');", "module.exports = () => Object.assign({}, base, JSON.parse(fs.readFileSync('site.json', 'utf8')));"].join('\n');
const base = (root: string) => `module.exports = {\n  theme: 'dark',\n  site: {\n    root: ${root},\n  },\n};\n`;

suite('setting defaults of a computed settings module', () => {
  const files = (root: string) => ({
    '/s/app.js': app('`${SITE.ROOT}/library`'),
    '/s/shelf.js': SHELF,
    '/s/options.js': OPTIONS,
    '/s/loader.js': LOADER,
    '/s/base.js': base(root),
    '/s/casing.js': 'module.exports.upper = (o) => o;',
  });

  test('the prefix takes the default a module it loads (through others) writes, its key compared without case, and names it', () => {
    const empty = collect(files("''"));
    assert.deepEqual(empty.routes, ['GET /library/books']);
    assert.equal(empty.warnings.length, 1);
    assert.match(empty.warnings[0] ?? '', /^\/s\/app\.js:4: .*SITE\.ROOT.*'',.*\.\/base\.js:4/);
    assert.deepEqual(collect(files("'/shop'")).routes, ['GET /shop/library/books']);
  });

  test('no default written for the key, or two modules writing different ones: the prefix stays unknown, its literal parts kept', () => {
    const none = { ...files("''"), '/s/base.js': "module.exports = { theme: 'dark' };\n" };
    assert.deepEqual(collect(none).routes, ['GET /…/library/books']);
    const two = { ...files("''"), '/s/casing.js': "module.exports = { upper: (o) => o, site: { root: '/other' } };\n" };
    assert.deepEqual(collect(two).routes, ['GET /…/library/books']);
  });
});

suite('readSettingDefaults', () => {
  const read = (text: string) => readSettingDefaults(ts.createSourceFile('/m/a.ts', text, ts.ScriptTarget.Latest, true));

  test('keeps the path-like texts of exported object literals by lower-cased key path, with their lines', () => {
    const text = ["export const Server = {", "  basePath: '/api',", "  name: 'main service',", "  nested: { mount: '' },", '};', "export default { docs: '/docs', count: '3' };"].join('\n');
    assert.deepEqual(read(text), { 'server.basepath': { value: '/api', line: 2 }, 'server.nested.mount': { value: '', line: 4 }, docs: { value: '/docs', line: 6 } });
  });

  test('an object that is not exported, and texts that are no path, give nothing', () => {
    assert.equal(read("const local = { base: '/x' };\nexport const label = { title: 'a b' };\n"), undefined);
  });
});

suite('closureSettingDefault', () => {
  const graph: Record<string, string[]> = { a: ['b'], b: ['c', 'a'], c: [] };
  const loads = (f: string) => graph[f] ?? [];

  test('the value found among the loaded modules; the same value written twice is still one', () => {
    const defaults: Record<string, Record<string, { value: string; line: number }>> = { c: { 'x.y': { value: '/v', line: 7 } }, b: { 'x.y': { value: '/v', line: 2 } } };
    assert.deepEqual(closureSettingDefault('a', 'x.y', loads, (f) => defaults[f]), { file: 'b', found: { value: '/v', line: 2 } });
    assert.equal(closureSettingDefault('a', 'x.z', loads, (f) => defaults[f]), undefined);
  });
});

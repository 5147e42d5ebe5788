// A settings module that builds its export at run time from a YAML file of defaults it loads by a
// literal path (merged with an optional file of overrides, run through a list of steps): a guard
// reading that export is decided by the YAML file's value, as for a module exporting an object
// literal (configDefaultGuards.test.ts). Not when an override file the module loads under a test is
// in the tree, when it loads two files unconditionally, or for a comparison with a section of the
// file (only its truth is known). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import { memFs } from '../helpers/memFs';
import { packagesAbove, yamlSettingsOf } from '../../../src/core/gather/routes';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';
import type { CollectedRoutes } from '../../../src/core/routes/collect';

const LOADER =
  "'use strict';\nvar fs = require('fs'), jsyaml = require('js-yaml');\nvar state = { base: {}, local: {} };\nvar steps = [\n" +
  "  function base(s) {\n    var text = fs.readFileSync('conf/base.yaml', 'utf8');\n    s.base = jsyaml.safeLoad(text);\n  },\n" +
  "  function local(s) {\n    if (fs.existsSync('conf/local.yaml')) {\n      s.local = jsyaml.load(fs.readFileSync('conf/local.yaml', 'utf8')) || {};\n    }\n  },\n" +
  '  function merged(s) { s.out = Object.assign({}, s.base, s.local); },\n];\nsteps.forEach(function (step) { step(state); });\nmodule.exports = state.out;\n';

const BASE = 'uploads:\n  enabled: false\n  limit: 5\nchat:\n  enabled: true\n  mode: rooms\nsecure:\n  on: false\n';

const lines = (c: CollectedRoutes) => c.routes.map((r) => `${r.method} ${r.path}${r.notServed !== undefined ? ' (not served)' : ''}`).sort();

/** The server (`body` in its index.js, lib/settings.js the loader) collected with what yamlSettingsOf read of the tree `tree`. */
async function server(body: string, tree: Record<string, string>, loader = LOADER): Promise<CollectedRoutes> {
  const files = [
    { file: '/w/lib/settings.js', text: loader },
    { file: '/w/index.js', text: `const express = require('express');\nconst settings = require('./lib/settings');\nconst uploads = require('./lib/settings').uploads;\nconst app = express();\n${body}\napp.get('/health', (req, res) => res.send('ok'));\napp.listen(3000);\n` },
  ];
  const fs = memFs({ '/w/package.json': '{}', ...tree });
  const extracted = files.map((f) => ({ file: f.file, x: extractRoutesFromSource(f.text, f.file) }));
  const yamlSettings = await yamlSettingsOf(fs, packagesAbove(fs, '/w', '/w'), '/w', extracted);
  return collectRoutes(files, { moduleOf: () => undefined, aliases: [], ...(yamlSettings ? { yamlSettings } : {}) });
}

suite('routes: configuration flags decided by a YAML file of defaults a settings module loads', () => {
  test('the module is read at all (the pre-filter keeps it) and names the file it always loads and the one it loads under a test', () => {
    assert.equal(mayDeclareRoutes(LOADER), true);
    assert.deepEqual(extractRoutesFromSource(LOADER, '/w/lib/settings.js').yamlDefaults, { file: 'conf/base.yaml', optional: ['conf/local.yaml'] });
  });

  test('a flag false in the YAML file, read on the export or on a section taken at the require: not served, no warning; one true there: served', async () => {
    const tree = { '/w/conf/base.yaml': BASE };
    const off = await server("function files() {\n  if (!uploads.enabled) return;\n  app.post('/files', (req, res) => res.send('f'));\n}\nfiles();", tree);
    assert.deepEqual(lines(off), ['GET /health', 'POST /files (not served)']);
    assert.deepEqual(off.warnings, []);
    assert.equal(off.routes.find((r) => r.path === '/files')?.notServed, 'not served: registered only when uploads.enabled holds, and it does not with the values conf/base.yaml gives; not probed');
    const on = await server("if (settings.chat.enabled && settings.chat.mode === 'rooms') app.get('/rooms', (req, res) => res.send('r'));", tree);
    assert.deepEqual([lines(on), on.warnings], [['GET /health', 'GET /rooms'], []]);
  });

  test('a section tested for its truth before its flag (`settings.secure && settings.secure.on`) is decided by the flag', async () => {
    const c = await server("const secure = settings.secure && settings.secure.on;\nif (secure) app.get('/redirect', (req, res) => res.send('r'));", { '/w/conf/base.yaml': BASE });
    assert.deepEqual([lines(c), c.warnings], [['GET /health', 'GET /redirect (not served)'], []]);
  });

  test('warned of as before: an override file in the tree, the defaults file missing, a section compared, a number, a key the file lacks', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['!uploads.enabled', { '/w/conf/base.yaml': BASE, '/w/conf/local.yaml': 'uploads:\n  enabled: true\n' }],
      ['!uploads.enabled', {}],
      ['settings.chat === true', { '/w/conf/base.yaml': BASE }],
      ['uploads.limit === 5', { '/w/conf/base.yaml': BASE }],
      ['settings.mail.enabled', { '/w/conf/base.yaml': BASE }],
    ];
    for (const [test, tree] of cases) {
      const c = await server(`if (${test}) app.post('/x', (req, res) => res.send('x'));`, tree);
      assert.deepEqual(lines(c), ['GET /health', 'POST /x'], test);
      assert.equal(c.warnings.length, 1, test);
      assert.match(c.warnings[0] ?? '', /POST \/x: registered only when/, test);
    }
  });

  test('a defaults file or an override named by a path leaving the folder (`../x.yaml`, absolute) is not read: the guard stays warned, nothing outside is opened', async () => {
    const outside = (base: string, local: string) => LOADER.replace("'conf/base.yaml'", `'${base}'`).replace(/'conf\/local\.yaml'/g, `'${local}'`);
    const tree = { '/w/conf/base.yaml': BASE, '/x.yaml': BASE, '/w/x.yaml': BASE };
    for (const loader of [outside('../x.yaml', 'conf/local.yaml'), outside('conf/../../x.yaml', 'conf/local.yaml'), outside('/x.yaml', 'conf/local.yaml'), outside('conf/base.yaml', '../local.yaml')]) {
      const c = await server("if (uploads.enabled) app.post('/x', (req, res) => res.send('x'));", tree, loader);
      assert.deepEqual(lines(c), ['GET /health', 'POST /x'], loader);
      assert.equal(c.warnings.length, 1, loader);
    }
    // Inside the folder, through a `..` that stays in it: read.
    const inside = await server("if (uploads.enabled) app.post('/x', (req, res) => res.send('x'));", tree, outside('conf/../x.yaml', 'conf/local.yaml'));
    assert.deepEqual([lines(inside), inside.warnings], [['GET /health', 'POST /x (not served)'], []]);
  });

  test('a module loading two YAML files unconditionally, or one only under a test, names no defaults', () => {
    const two = "const yaml = require('js-yaml');\nconst fs = require('fs');\nmodule.exports = Object.assign(yaml.load(fs.readFileSync('a.yml', 'utf8')), yaml.load(fs.readFileSync('b.yml', 'utf8')));\n";
    const maybe = "import { parse } from 'yaml';\nimport { existsSync, readFileSync } from 'fs';\nexport default existsSync('a.yml') ? parse(readFileSync('a.yml', 'utf8')) : {};\n";
    assert.equal(extractRoutesFromSource(two, '/w/two.js').yamlDefaults, undefined);
    assert.equal(extractRoutesFromSource(maybe, '/w/maybe.js').yamlDefaults, undefined);
    // The named import of the `yaml` package is a parser too: one unconditional load is found.
    const named = "import { parse } from 'yaml';\nimport { readFileSync } from 'fs';\nconst settings = parse(readFileSync('conf.yaml', 'utf8'));\nexport default { ...settings };\n";
    assert.deepEqual(extractRoutesFromSource(named, '/w/named.js').yamlDefaults, { file: 'conf.yaml', optional: [] });
  });
});

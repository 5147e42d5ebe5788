// A registration made only when a configuration flag holds, where the flag is read from a module
// of the repository imported by a literal path that exports an object literal: the committed value
// decides. Off there, the route is listed as not served (with why, never probed), as a route a
// service's environment rules out; on there, served with no warning. So does a flag read on a
// parameter of a function (`function initialize(config)`) that the entry calls with that imported
// object. A flag the file does not give (a parameter no caller gives such an object, or callers
// giving different ones; a module computing its export; a value read from the environment) keeps
// the warning. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';
import type { CollectedRoutes } from '../../../src/core/routes/collect';

const CONFIG = "module.exports = {\n  port: 8080,\n  uploads: { enabled: false },\n  chat: { enabled: true, mode: 'rooms' },\n  tokens: { enabled: process.env.TOKENS === 'on' },\n};\n";
const COMPUTED = "const loaded = readSettings();\nmodule.exports = loaded;\n";

/** An Express server whose index.js holds `body`, beside config.js (`CONFIG`) and computed.js. */
const server = (body: string, config = CONFIG): CollectedRoutes =>
  collectRoutes(
    [
      { file: '/w/src/config.js', text: config },
      { file: '/w/src/computed.js', text: COMPUTED },
      { file: '/w/src/index.js', text: `const express = require('express');\nconst config = require('./config');\nconst settings = require('./computed');\nconst app = express();\n${body}\napp.get('/health', (req, res) => res.send('ok'));\napp.listen(3000);\n` },
    ],
    { moduleOf: () => undefined, aliases: [] },
  );

const lines = (c: CollectedRoutes) => c.routes.map((r) => `${r.method} ${r.path}${r.notServed !== undefined ? ' (not served)' : ''}`).sort();

suite('routes: configuration flags decided by the committed defaults', () => {
  test('a flag false in the imported configuration object: the route is listed as not served, with why, and not warned of', () => {
    const c = server("if (config.uploads.enabled) {\n  app.post('/files', (req, res) => res.send('f'));\n}");
    assert.deepEqual(lines(c), ['GET /health', 'POST /files (not served)']);
    assert.deepEqual(c.warnings, []);
    assert.equal(c.routes.find((r) => r.path === '/files')?.notServed, 'not served: registered only when config.uploads.enabled holds, and it does not with the values /w/src/config.js gives; not probed');
  });

  test('a flag true there, or a comparison that holds: served, no warning', () => {
    for (const test of ['config.chat.enabled', "config.chat.mode === 'rooms'", '!config.uploads.enabled']) {
      const c = server(`if (${test}) app.get('/rooms', (req, res) => res.send('r'));`);
      assert.deepEqual(lines(c), ['GET /health', 'GET /rooms'], test);
      assert.deepEqual(c.warnings, [], test);
    }
  });

  test('an early return on a false flag: not served', () => {
    const c = server("function files() {\n  if (!config.uploads.enabled) return;\n  app.get('/files', (req, res) => res.send('f'));\n}\nfiles();");
    assert.deepEqual(lines(c), ['GET /files (not served)', 'GET /health']);
    assert.deepEqual(c.warnings, []);
  });

  test('a router mounted under a false flag, in an ES module importing `export default { ... }`: its routes not served, no warning', () => {
    const c = collectRoutes(
      [
        { file: '/w/settings.js', text: 'const settings = { oauth: { enabled: false }, prefix: "/" };\nexport default settings;\n' },
        { file: '/w/oauth.js', text: "import { Router } from 'express';\nconst r = Router();\nr.get('/auth/callback', (req, res) => res.send('c'));\nexport default r;\n" },
        { file: '/w/main.js', text: "import express from 'express';\nimport settings from './settings.js';\nimport oauth from './oauth.js';\nconst app = express();\nif (settings.oauth.enabled === true) {\n  app.use('/', oauth);\n}\napp.get('/', (req, res) => res.send('home'));\napp.listen(3000);\n" },
      ],
      { moduleOf: () => undefined, aliases: [] },
    );
    assert.deepEqual(lines(c), ['GET /', 'GET /auth/callback (not served)']);
    assert.deepEqual(c.warnings, []);
  });

  test('a flag the object computes from the environment or does not write, or a module whose export is not an object literal: warned of as today', () => {
    // A key the object does not write (it may be set on it later) is not known either, nor a number (kept as text).
    for (const test of ['config.tokens.enabled', 'settings.files.enable', 'config.chat.archive', 'config.port === 8080']) {
      const c = server(`if (${test}) app.post('/x', (req, res) => res.send('x'));`);
      assert.deepEqual(lines(c), ['GET /health', 'POST /x'], test);
      assert.equal(c.warnings.length, 1, test);
      assert.match(c.warnings[0] ?? '', /POST \/x: registered only when/);
    }
  });

  suite('a flag read on a parameter of the function making the app, given the imported configuration by its caller', () => {
    const APP =
      "import express from 'express';\nimport oauth from './oauth.js';\nfunction initialize(config) {\n  const app = express();\n  const router = express.Router();\n" +
      "  if (config.oauth === true) {\n    router.use(oauth);\n  }\n  if (config.editing) {\n    router.post('/edit', (req, res) => res.send('e'));\n  }\n  router.get('/', (req, res) => res.send('home'));\n  app.use('/', router);\n" +
      "  if (config.base_url !== '') {\n    const wrap = express();\n    wrap.use(config.base_url, app);\n    return wrap;\n  }\n  return app;\n}\nexport default initialize;\n";
    const OAUTH = "import { Router } from 'express';\nconst r = Router();\nr.get('/auth/callback', (req, res) => res.send('c'));\nexport default r;\n";
    const SETTINGS = "export default { oauth: false, editing: true, base_url: '' };\n";
    const ENTRY = "import makeApp from './app/index.js';\nimport config from './settings.js';\nconst app = makeApp(config);\napp.listen(3000);\n";
    const run = (files: Record<string, string>) => collectRoutes(Object.entries(files).map(([file, text]) => ({ file, text })), { moduleOf: () => undefined, aliases: [] });

    test('the committed values decide: a router mounted under a false flag is not served, a true flag serves, the app returned unwrapped keeps its routes', () => {
      const c = run({ '/w/app/index.js': APP, '/w/app/oauth.js': OAUTH, '/w/settings.js': SETTINGS, '/w/server.js': ENTRY });
      assert.deepEqual(lines(c), ['GET /', 'GET /auth/callback (not served)', 'POST /edit']);
      assert.deepEqual(c.warnings, []);
    });

    test('the entry handing the app the settings passes the pre-filter', () => {
      assert.equal(mayDeclareRoutes(ENTRY), true);
    });

    test('no caller giving an imported object, or callers giving different values: warned of as before', () => {
      const other = "import makeApp from './app/index.js';\nimport config from './other.js';\nmakeApp(config).listen(4000);\n";
      for (const files of <Array<Record<string, string>>>[
        { '/w/app/index.js': APP, '/w/app/oauth.js': OAUTH, '/w/settings.js': SETTINGS },
        { '/w/app/index.js': APP, '/w/app/oauth.js': OAUTH, '/w/settings.js': SETTINGS, '/w/server.js': ENTRY, '/w/other.js': "export default { oauth: true, editing: true, base_url: '' };\n", '/w/two.js': other },
      ]) {
        const c = run(files);
        assert.ok(lines(c).includes('GET /auth/callback'), Object.keys(files).join());
        assert.ok(c.warnings.some((w) => /config\.oauth === true/.test(w)), c.warnings.join('\n'));
      }
    });
  });
});

// Route paths built by a helper joining its arguments with slashes (`joinUrl(conf.mount, 'api/items')`)
// over a settings object the file fills by merging others into an empty one at load time
// (`const conf = {}; if (dev) merge(conf, base, dev); else merge(conf, base, prod); export default conf`).
// Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';
import { scanSourceText } from '../../../src/core/routes/scanFile';

const JOIN = "const tidy = (s) => s.replace(/\\/+/g, '/');\nconst joinUrl = function (...parts) {\n  const joined = [].slice.call(parts, 0).join('/');\n  return tidy(joined);\n};\nexport default joinUrl;\n";
const BASE = "export default { verbose: 0, mount: '/base', admin: '/admin' };\n";
const DEV = "export default { mount: '/', admin: '/tools' };\n";
const PROD = "export default { mount: '/' };\n";
const APP = (conf: string) =>
  `import express from 'express';\nimport joinUrl from './lib/join';\nimport conf from './conf';\nconst app = express();\n${conf}\napp.listen(3000);\n`;

const project = (confText: string, routes: string) =>
  routesAndWarnings({
    '/w/src/lib/join.js': JOIN,
    '/w/src/conf/base.js': BASE,
    '/w/src/conf/dev.js': DEV,
    '/w/src/conf/prod.js': PROD,
    '/w/src/conf/index.js': `import merge from 'lodash/merge';\nimport base from './base';\nimport dev from './dev';\nimport prod from './prod';\nconst mode = process.env.NODE_ENV || 'production';\n${confText}\nexport default conf;\n`,
    '/w/src/app.js': APP(routes),
  });

const BRANCHES = "const conf = {};\nif (mode === 'development') {\n  merge(conf, base, dev, { mode });\n} else {\n  merge(conf, base, prod, { mode });\n}";

suite('routes: a settings object merged into an empty one, paths joined by a helper', () => {
  test('merges in the two branches of an if: the key both give alike; a helper of another file joining its arguments', () => {
    const { routes, warnings } = project(BRANCHES, "app.get(joinUrl(conf.mount, 'api/items'), (req, res) => res.send('x'));\napp.post(joinUrl(conf.mount, '/api/items/', ':id'), (req, res) => res.send('x'));");
    assert.deepEqual(routes, ['GET /api/items', 'POST /api/items/:id']);
    assert.deepEqual(warnings, []);
  });

  test('merges one after another: the later object\'s key over the earlier\'s, the earlier\'s where the later has none', () => {
    const { routes, warnings } = project("const conf = {};\nmerge(conf, base);\nmerge(conf, prod);", "app.get(joinUrl(conf.mount, 'api/items'), (req, res) => res.send('x'));\napp.get(joinUrl(conf.admin, 'v1/stats'), (req, res) => res.send('x'));");
    assert.deepEqual(routes, ['GET /admin/v1/stats', 'GET /api/items']);
    assert.deepEqual(warnings, []);
  });

  test('branches giving different values: not known, the route warned of, never guessed', () => {
    const { routes, warnings } = project(BRANCHES, "app.get(joinUrl(conf.admin, 'v1/stats'), (req, res) => res.send('x'));\napp.get('/health', (req, res) => res.send('ok'));");
    // development's admin is /tools, production's base's /admin: which one runs is not known statically.
    assert.deepEqual(routes, ['GET /health']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /app\.js:5: .*joinUrl\(conf\.admin, 'v1\/stats'\).* not .*statically/);
  });

  test('an object also changed by an assignment is not read as the merges make it', () => {
    const { routes, warnings } = project("const conf = {};\nmerge(conf, base, prod);\nconf.mount = process.argv[2];", "app.get(joinUrl(conf.mount, 'api/items'), (req, res) => res.send('x'));");
    assert.deepEqual(routes, []);
    assert.equal(warnings.length, 1);
  });

  test("a joining helper of the file itself, an arrow over its rest parameter", () => {
    const { routes } = routesAndWarnings({
      '/w/src/app.js': "import express from 'express';\nconst join = (...bits) => bits.join('/');\nconst root = '/v1';\nconst app = express();\napp.get(join(root, 'users', ':id'), (req, res) => res.send('x'));\napp.listen(3000);\n",
    });
    assert.deepEqual(routes, ['GET /v1/users/:id']);
  });

  test('a helper joining with another separator, or not over its rest parameter, builds no path', () => {
    const { routes, warnings } = routesAndWarnings({
      '/w/src/app.js': "import express from 'express';\nconst join = (...bits) => bits.join('-');\nconst root = '/v1';\nconst app = express();\napp.get(join(root, 'users'), (req, res) => res.send('x'));\napp.listen(3000);\n",
    });
    assert.deepEqual(routes, []);
    assert.equal(warnings.length, 1);
  });

  test("the pre-filter reads an exported joining helper's file, whose export no quote follows", () => {
    assert.notEqual(scanSourceText('/w/src/lib/join.js', JOIN), null);
    assert.equal(scanSourceText('/w/src/lib/join.js', JOIN.replace('export default joinUrl;\n', '')), null);
  });
});

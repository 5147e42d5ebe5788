// Settings whose defaults a configuration library declares (convictSchema.ts): a convict schema's
// `default:` by dotted key, read by `.get('a.b')` or through `getProperties()`. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const SCHEMA = [
  "const convict = require('convict');",
  'const conf = convict({',
  "  http: { prefix: { doc: 'where the API lives', format: String, default: 'v', env: 'HTTP_PREFIX' }, revision: { doc: 'API revision', default: 3 } },",
  "  port: { default: 8080, env: 'PORT' },",
  '});',
  'conf.validate();',
  'module.exports = conf;',
].join('\n');

suite('settings a configuration library declares the defaults of', () => {
  test("a convict schema's default read through getProperties() builds the path the server serves", () => {
    const table = [
      "const settings = require('./settings').getProperties();",
      'const revision = settings.http.revision;',
      "const express = require('express');",
      'const router = express.Router();',
      "function at(url) { return '/r' + revision + url; }",
      "router.get(at('/items'), (req, res) => res.send('x'));",
      'module.exports = router;',
    ].join('\n');
    const app = ["const express = require('express');", "const items = require('./items');", 'const app = express();', "app.use(items);"].join('\n');
    assert.deepEqual(routesAndWarnings({ '/s/settings.js': SCHEMA, '/s/items.js': table, '/s/app.js': app }).routes, ['GET /r3/items']);
  });

  test("a convict schema's default read by its dotted key (conf.get('http.prefix'))", () => {
    const app = ["const conf = require('./settings');", "const express = require('express');", 'const app = express();', "app.get('/' + conf.get('http.prefix') + '/status', (req, res) => res.send('ok'));"].join('\n');
    assert.deepEqual(routesAndWarnings({ '/s/settings.js': SCHEMA, '/s/app.js': app }).routes, ['GET /v/status']);
  });

  test('the same call of a function not from the convict package declares no defaults: the path stays unknown', () => {
    const local = SCHEMA.replace("require('convict')", "require('./schemaHelper')");
    const app = ["const conf = require('./settings');", "const express = require('express');", 'const app = express();', "app.get('/' + conf.get('http.prefix') + '/status', (req, res) => res.send('ok'));"].join('\n');
    const { routes, warnings } = routesAndWarnings({ '/s/settings.js': local, '/s/app.js': app });
    assert.deepEqual(routes, []);
    assert.equal(warnings.length, 1);
  });
});

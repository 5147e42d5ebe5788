// Warnings about calls that are no route at all, or said twice: a user reads each one, so a false
// one (a front end's class calling its own methods, an OAuth client's request in a passport
// strategy, Node's path.resolve in a loop) costs trust. Beside each, the true warning it must keep.
import * as assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

suite('routes: warnings only about what may be a route', () => {
  test('`this[method](rows, source)` in a subclass that gives the class no route is the instance calling its own methods: no warning; beside a route of the class it is warned of', () => {
    const listener =
      "import { Disposable } from './disposable';\nexport class RowListener extends Disposable {\n  subscribe(source: Source) {\n    source.on('change', (kind: string, rows: number[]) => {\n      const method = handlers[kind];\n      this[method](rows, source);\n    });\n  }\n}\n";
    assert.deepEqual(routesAndWarnings({ '/s/client/rows.ts': listener }), { routes: [], warnings: [] });
    const controller =
      "const { Controller } = require('./base');\nclass Users extends Controller {\n  init() {\n    this.app.get('/users', (req, res) => res.json([]));\n    this[this.verb]('/x', (req, res) => res.json({}));\n  }\n}\nmodule.exports = Users;\n";
    assert.deepEqual(routesAndWarnings({ '/s/users.js': controller }), {
      routes: ['GET /users'],
      warnings: ['/s/users.js:5: class Users[this.verb] method is not known statically; route skipped (list it in x-runtime-drift.routes)'],
    });
  });

  test("`this._oauth2.get(this._profileURL, token, cb)` in a subclass, the field set from the constructor's options, is a client's request: no route and no warning; a field path beside a route of the class is still warned of", () => {
    const strategy =
      "const { Strategy } = require('passport-oauth2');\nclass CustomStrategy extends Strategy {\n  constructor(options, verify) {\n    super(options, verify);\n    this._profileURL = options.profileURL;\n  }\n  userProfile(accessToken, done) {\n    this._oauth2.get(this._profileURL, accessToken, function (err, body) { done(err, body); });\n  }\n}\nmodule.exports = CustomStrategy;\n";
    assert.deepEqual(routesAndWarnings({ '/s/auth/strategy.js': strategy }), { routes: [], warnings: [] });
    const controller =
      "const { Controller } = require('./base');\nclass Users extends Controller {\n  constructor(options) {\n    super();\n    this.profilePath = options.profilePath;\n  }\n  init() {\n    this.app.get('/users', (req, res) => res.json([]));\n    this.app.get(this.profilePath, (req, res) => res.json({}));\n  }\n}\nmodule.exports = Users;\n";
    assert.deepEqual(routesAndWarnings({ '/s/users.js': controller }), {
      routes: ['GET /users'],
      warnings: ['/s/users.js:9: GET route path this.profilePath not found statically; route skipped (list it in x-runtime-drift.routes)'],
    });
  });

  test("`path.resolve(base, name)` in a loop over `['/', dir]` is no route: what is pushed to that list is not warned of; a router's loop over a list pushed to is", () => {
    const resolver =
      "import path from 'path-browserify';\nexport function find(name: string, dir: string, known: Set<string>) {\n  const bases = ['/'];\n  if (dir !== '/') bases.push(dir);\n  for (const base of bases) {\n    const full = path.resolve(base, name);\n    if (known.has(full)) return full;\n  }\n  return null;\n}\n";
    assert.deepEqual(routesAndWarnings({ '/s/front/find.ts': resolver }), { routes: [], warnings: [] });
    const router =
      "import express from 'express';\nconst app = express();\nconst paths = ['/a'];\nif (process.env.B) paths.push(process.env.B);\nfor (const p of paths) {\n  app.get(p, h);\n}\n";
    assert.deepEqual(routesAndWarnings({ '/s/app.ts': router }), {
      routes: ['GET /a'],
      warnings: ['/s/app.ts:4: routes merged into a route table from process.env.B are not known statically; they are skipped (list them in x-runtime-drift.routes)'],
    });
  });

  test('a route path list not known statically, read once per path of the list, is warned of once', () => {
    const app =
      "import express from 'express';\nimport { Config } from './config';\nconst app = express();\nConfig.languages.forEach((l) => {\n  app.get(['/' + l + '/', '/' + l + '/login', '/' + l + '/search'], render);\n});\napp.get('/x', h);\n";
    assert.deepEqual(routesAndWarnings({ '/s/app.ts': app }), {
      routes: ['GET /x'],
      warnings: ["/s/app.ts:5: GET route path ['/' + l + '/', '/' + l + '/login', '/' + l + '/search'] not found statically; route skipped (list it in x-runtime-drift.routes)"],
    });
  });
});

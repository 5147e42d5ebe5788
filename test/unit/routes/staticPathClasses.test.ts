// Page classes each naming their path in a static method or getter returning a literal
// (`static route() { return '/shelf'; }`), loaded from a listed folder's modules and registered in a loop.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const page = (name: string, member: string) => `class ${name} {\n  ${member}\n}\nmodule.exports = ${name};\n`;

const app = (register: string) =>
  [
    "const express = require('express');",
    "const fs = require('fs');",
    "const path = require('path');",
    'const app = express();',
    "const dir = path.join(__dirname, 'pages');",
    "for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.js'))) {",
    '  const Page = require(path.join(dir, name));',
    `  ${register}`,
    '}',
    'app.listen(3000);',
  ].join('\n');

const run = (register: string, pages: Array<{ file: string; text: string }>) => {
  const sources = [{ file: '/k/src/app.js', text: app(register) }, ...pages];
  const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
};

suite('paths named by static members of classes loaded from a listed folder', () => {
  const methods = [
    { file: '/k/src/pages/shelf.js', text: page('Shelf', "static route() { return '/shelf'; }") },
    { file: '/k/src/pages/basket.js', text: page('Basket', "static route() {\n    return '/basket';\n  }") },
  ];

  test("a static method returning a literal, called on each loaded class, is that literal for each file's class", () => {
    const out = run('app.get(Page.route(), (req, res) => res.end());\n  app.post(Page.route(), (req, res) => res.end());', methods);
    assert.deepEqual(out, { routes: ['GET /basket', 'GET /shelf', 'POST /basket', 'POST /shelf'], warnings: [] });
  });

  test("an instance made of each loaded class (new Page(...)) names its path through its constructor's static method", () => {
    const out = run('const page = new Page(name);\n  app.get(page.constructor.route(), (req, res) => res.end());', methods);
    assert.deepEqual(out, { routes: ['GET /basket', 'GET /shelf'], warnings: [] });
  });

  test('a static getter returning a literal, read as a property of each loaded class', () => {
    const getters = [{ file: '/k/src/pages/till.js', text: page('Till', "static get route() { return '/till'; }") }];
    assert.deepEqual(run('app.get(Page.route, (req, res) => res.end());', getters), { routes: ['GET /till'], warnings: [] });
  });

  test('a class whose method returns what is not known statically is warned of, never guessed', () => {
    const unknown = [...methods, { file: '/k/src/pages/search.js', text: page('Search', 'static route() { return process.argv[2]; }') }];
    const out = run('app.get(Page.route(), (req, res) => res.end());', unknown);
    assert.deepEqual(out.routes, ['GET /basket', 'GET /shelf']);
    assert.equal(out.warnings.length, 1, out.warnings.join('\n'));
  });
});

// Servers that name each route by its file's name (`things.$id.DELETE.ts` -> DELETE /api/things/:id):
// a loop over a folder listed at start-up computes the method and path with string and array
// operations, run on each file of the tree (entryPrograms.ts), never guessed.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import { entryProgram } from '../../../src/core/routes/entryPrograms';
import { runProgram } from '../../../src/core/routes/entryProgramRun';
import ts from '../../../src/core/routes/compiler';

const server = (methodLine: string) =>
  [
    "import express from 'express';",
    "import fs from 'node:fs';",
    "import path from 'node:path';",
    'const app = express();',
    'async function register() {',
    "  const folder = path.join(__dirname, '/handlers');",
    '  for (const name of fs.readdirSync(folder)) {',
    "    const pieces = name.split('.');",
    "    let at = pieces.indexOf('GET');",
    "    if (at === -1) at = pieces.indexOf('POST');",
    "    if (at === -1) at = pieces.indexOf('DELETE');",
    '    if (at === -1) continue;',
    `    ${methodLine}`,
    "    const route = '/api/' + pieces.slice(0, at).map((p) => (p.startsWith('$') ? p.replace('$', ':') : p)).join('/');",
    '    const handlers = await import(path.join(folder, name)).then((m) => m.default);',
    '    app[verb](route, ...handlers);',
    '  }',
    '}',
    'register();',
    'app.listen(3000);',
  ].join('\n');

const tree = ['things.GET.ts', 'things.POST.ts', 'things.$id.DELETE.ts', 'things.$id.parts.$partId.GET.ts', 'readme.md'].map((n) => ({ file: `/s/src/handlers/${n}`, text: 'export default [];\n' }));

suite('routes named by their file names', () => {
  test('each file of the listed folder gives the method and path its name makes, through a let changed by ifs, slice, map and join', () => {
    const sources = [{ file: '/s/src/app.ts', text: server("const verb = pieces[at].toLowerCase() as 'get';") }, ...tree, { file: '/s/src/other/stray.GET.ts', text: 'export default [];\n' }];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), ['DELETE /api/things/:id', 'GET /api/things', 'GET /api/things/:id/parts/:partId', 'POST /api/things']);
    assert.deepEqual(warnings, []);
  });

  test("a filter of the listing written with string operations (`!n.includes('.spec.')`) leaves out the files it drops", () => {
    const filtered = server("const verb = pieces[at].toLowerCase() as 'get';").replace('fs.readdirSync(folder))', "fs.readdirSync(folder).filter((n) => !n.includes('.spec.')))");
    const sources = [{ file: '/s/src/app.ts', text: filtered }, ...tree, { file: '/s/src/handlers/gadgets.GET.spec.ts', text: 'export default [];\n' }];
    const { routes } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), ['DELETE /api/things/:id', 'GET /api/things', 'GET /api/things/:id/parts/:partId', 'POST /api/things']);
    const unfiltered = [{ file: '/s/src/app.ts', text: server("const verb = pieces[at].toLowerCase() as 'get';") }, ...sources.slice(1)];
    const all = collectRoutes(unfiltered, { moduleOf: () => undefined, files: unfiltered.map((s) => s.file) });
    assert.ok(all.routes.some((r) => r.path === '/api/gadgets'));
  });

  test('a method made by a call of the project (not a string operation) stays not known: a warning, no route', () => {
    const sources = [{ file: '/s/src/app.ts', text: server('const verb = pickVerb(pieces, at);') }, ...tree];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    assert.deepEqual(routes, []);
    assert.ok(warnings.some((w) => w.includes('app[verb] method is not known statically')), warnings.join('\n'));
  });

  test('without the tree’s files the folder is not known: no route', () => {
    const sources = [{ file: '/s/src/app.ts', text: server("const verb = pieces[at].toLowerCase() as 'get';") }];
    assert.deepEqual(collectRoutes(sources, { moduleOf: () => undefined }).routes, []);
  });
});

suite('routes named by their whole paths and the names their modules export', () => {
  const plugin = [
    "const app = require('fastify')();",
    "const { join } = require('path');",
    "const { files } = require('node-dir');",
    "const base = join(__dirname, '/endpoints');",
    'files(base, { exclude: /^\\./, match: /.js$/, sync: true }).forEach((file) => {',
    "  const url = file.substring(0, file.length - 3).substring(base.length).replace(/\\[(\\w+)\\]/gi, ':$1').replace('/index', '') || '/';",
    '  const spec = require(file);',
    '  Object.keys(spec).forEach((verb) => app.route({ method: verb.toUpperCase(), url, ...spec[verb](app) }));',
    '});',
    'app.listen({ port: 3000 });',
  ].join('\n');
  const handler = (verbs: string[]) => verbs.map((v) => `module.exports.${v} = (app) => ({ handler: async () => ({}) });`).join('\n');

  test('a whole path cut and rewritten with string operations, once per name each file exports (exports.get, exports.post)', () => {
    const sources = [
      { file: '/s/src/server.js', text: plugin },
      { file: '/s/src/endpoints/index.js', text: handler(['get']) },
      { file: '/s/src/endpoints/boxes/index.js', text: handler(['get', 'post']) },
      { file: '/s/src/endpoints/boxes/[box].js', text: handler(['get', 'patch', 'delete']) },
      { file: '/s/src/endpoints/boxes/[box]/@mine.js', text: handler(['get', 'helper']) },
      { file: '/s/src/elsewhere/stray.js', text: handler(['get']) },
    ];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), ['DELETE /boxes/:box', 'GET /', 'GET /boxes', 'GET /boxes/:box', 'GET /boxes/:box/@mine', 'PATCH /boxes/:box', 'POST /boxes']);
    assert.deepEqual(warnings, []);
  });
});

suite('entry programs', () => {
  const compile = (code: string) => {
    const sf = ts.createSourceFile('x.ts', `const e = ${code};`, ts.ScriptTarget.Latest, true);
    const stmt = sf.statements[0] as ts.VariableStatement;
    const init = stmt.declarationList.declarations[0]?.initializer as ts.Expression;
    return entryProgram(init, { isEntry: (id) => id.text === 'file', declaration: () => undefined, known: (x) => (x.getText() === 'PREFIX' ? '/x' : undefined) });
  };

  test('string operations run as JavaScript runs them, on the entry given', () => {
    const p = compile("file.substring(0, file.length - 3).replace(/\\[(\\w+)\\]/gi, ':$1').replace('/index', '') || '/'");
    assert.ok(p);
    assert.equal(runProgram(p, '/a/[id]/index.js', '/'), '/a/:id');
    assert.equal(runProgram(p, '/index.js', '/'), '/');
  });

  test('a value known statically is a literal; an expression not reading the entry, or calling what is not allowed, is no program', () => {
    const p = compile('PREFIX + file');
    assert.ok(p);
    assert.equal(runProgram(p, '/y', '/'), '/x/y');
    assert.equal(compile("PREFIX + '/y'"), undefined);
    assert.equal(compile('file.constructor(1)'), undefined);
    assert.equal(compile('lookup(file)'), undefined);
  });

  test("the workspace's patterns and lengths that could hang or exhaust the check are not run: no value, where a plain pattern runs", () => {
    const evil = compile("file.replace(/^(a+)+$/, 'x')");
    assert.ok(evil);
    // `(a+)+$` against thirty a's and a stop backtracks 2^30 ways: not run at all.
    assert.equal(runProgram(evil, `${'a'.repeat(30)}!`, '/'), undefined);
    for (const source of ["file.replace(/(a|ab)*c/, '')", "file.replace(/(\\w)\\1/, '')", "file.replace(/(?:x*y){2,}/, '')", "file.padStart(1e9, '-')"]) {
      const p = compile(source);
      assert.ok(p, source);
      assert.equal(runProgram(p, 'aab', '/'), undefined, source);
    }
    const plain = compile("file.replace(/\\[(\\w+)\\]/g, ':$1').replace(/(\\.ts)?$/, '').padStart(6, '/')");
    assert.ok(plain);
    assert.equal(runProgram(plain, '[id].ts', '/'), '///:id');
  });

  test('what would throw at run time (a method of undefined) gives no value', () => {
    const p = compile("file.split('.')[5].toLowerCase()");
    assert.ok(p);
    assert.equal(runProgram(p, 'a.b', '/'), undefined);
  });
});

// express-openapi: initialize({ app, apiDoc, paths }) serves its path modules' operations on app.
import assert from 'node:assert/strict';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { collectExtracted } from '../../../src/core/routes/collect';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

const ROOT = '/w';

function collect(texts: Record<string, string>): { routes: string[]; warnings: string[] } {
  const extracted = Object.entries(texts)
    .filter(([, text]) => mayDeclareRoutes(text))
    .map(([rel, text]) => ({ file: `${ROOT}/${rel}`, x: extractRoutesFromSource(text, `${ROOT}/${rel}`) }));
  const out = collectExtracted(extracted, { moduleOf: () => undefined, files: Object.keys(texts).map((rel) => `${ROOT}/${rel}`) });
  return { routes: out.routes.map((r) => `${r.method} ${r.path} ${(r.file ?? '').slice(ROOT.length + 1)}`).sort(), warnings: out.warnings };
}

const SERVER = (init: string) =>
  `import express from 'express';\nimport { initialize } from 'express-openapi';\nimport doc from './doc';\nimport names from './names';\nconst app = express();\nconst api = express();\n${init}\napp.use('/api', api);\napp.listen(3000);\n`;
const DOC = "const doc = { swagger: '2.0', basePath: '/v2/', info: { title: 't', version: '1' }, paths: {} };\nexport default doc;\n";
// A module exporting a function that returns its operations (called with the dependencies), one an object, one named exports.
const BOOKS = "export default function () {\n  const operations = { GET, POST };\n  async function GET(req, res) { res.json([]); }\n  async function POST(req, res) { res.json({}); }\n  async function DELETE(req, res) {}\n  return operations;\n}\n";
const BOOK = "module.exports = {\n  get: (req, res) => res.json({}),\n  del: [auth, (req, res) => res.end()],\n  parameters: [],\n};\n";
const HEALTH = 'module.exports = {\n  GET(req, res) {\n    res.end();\n  },\n};\n';

suite('express-openapi', () => {
  test("paths mapped from another file's list: each module's operations at the app's mount + apiDoc's basePath + the path, {id} as :id; functions not among the operations are no routes", () => {
    const texts = {
      'src/server.ts': SERVER("initialize({\n  app: api,\n  apiDoc: doc,\n  paths: names.map((n) => ({ path: '/' + n, module: require(`./ops/${n}`) })),\n});"),
      'src/doc.ts': DOC,
      'src/names.ts': "const names = [\n  'books',\n  'books/{bookId}',\n  'health',\n];\nexport default names;\n",
      'src/ops/books/index.ts': BOOKS,
      'src/ops/books/{bookId}.js': BOOK,
      'src/ops/health.ts': HEALTH,
    };
    const { routes, warnings } = collect(texts);
    assert.deepEqual(routes, [
      'DELETE /api/v2/books/:bookId src/ops/books/{bookId}.js',
      'GET /api/v2/books src/ops/books/index.ts',
      'GET /api/v2/books/:bookId src/ops/books/{bookId}.js',
      'GET /api/v2/health src/ops/health.ts',
      'POST /api/v2/books src/ops/books/index.ts',
    ]);
    assert.deepEqual(warnings, []);
  });

  test("each path module's operations belong to the module folder holding that path file, not the folder of the file calling initialize", () => {
    const texts: Record<string, string> = {
      'src/server.ts': SERVER("initialize({ app: api, apiDoc: doc, paths: names.map((n) => ({ path: '/' + n, module: require(`./ops/${n}`) })) });"),
      'src/doc.ts': DOC,
      'src/names.ts': "export default ['books', 'health'];\n",
      'src/ops/books/index.ts': BOOKS,
      'src/ops/health.ts': HEALTH,
    };
    const extracted = Object.entries(texts)
      .filter(([, text]) => mayDeclareRoutes(text))
      .map(([rel, text]) => ({ file: `${ROOT}/${rel}`, x: extractRoutesFromSource(text, `${ROOT}/${rel}`) }));
    const moduleOf = (file: string) => (file.startsWith(`${ROOT}/src/ops/books/`) ? 'ops/books' : file.startsWith(`${ROOT}/src/`) ? 'root' : undefined);
    const out = collectExtracted(extracted, { moduleOf, files: Object.keys(texts).map((rel) => `${ROOT}/${rel}`) });
    assert.deepEqual(out.routes.map((r) => `${r.method} ${r.path} ${r.module ?? '-'}`).sort(), ['GET /api/v2/books ops/books', 'GET /api/v2/health root', 'POST /api/v2/books ops/books']);
  });

  test('a list of specs written in place, and a list of this file mapped; OpenAPI 3 servers give the base paths', () => {
    const doc3 = "const doc = { openapi: '3.0.0', servers: [{ url: 'https://example.test/v3' }], paths: {} };\nexport default doc;\n";
    const inPlace = SERVER("initialize({ app: api, apiDoc: doc, paths: [{ path: '/health', module: require('./ops/health') }] });");
    assert.deepEqual(collect({ 'src/server.ts': inPlace, 'src/doc.ts': doc3, 'src/ops/health.ts': HEALTH }).routes, ['GET /api/v3/health src/ops/health.ts']);
    const local = SERVER("const list = ['health'];\ninitialize({ app: api, apiDoc: doc, paths: list.map((n) => ({ path: `/${n}`, module: require('./ops/' + n) })) });");
    assert.deepEqual(collect({ 'src/server.ts': local, 'src/doc.ts': DOC, 'src/ops/health.ts': HEALTH }).routes, ['GET /api/v2/health src/ops/health.ts']);
  });

  test('a folder of path files: each file its path (index files their folder), {id} names a parameter; routesGlob and routesIndexFileRegExp read', () => {
    const files = { 'src/doc.ts': DOC, 'src/paths/books/index.ts': BOOKS, 'src/paths/books/{bookId}.ts': BOOK, 'src/paths/health.ts': HEALTH };
    const byDirname = SERVER("initialize({ app: api, apiDoc: doc, paths: path.join(__dirname, 'paths') });");
    const expected = ['DELETE /api/v2/books/:bookId', 'GET /api/v2/books', 'GET /api/v2/books/:bookId', 'GET /api/v2/health', 'POST /api/v2/books'];
    assert.deepEqual(collect({ ...files, 'src/server.ts': byDirname }).routes.map((r) => r.replace(/ \S+$/, '')), expected);
    // Relative to the working folder (the package's): found from a folder above the file.
    const fromCwd = SERVER("initialize({ app: api, apiDoc: doc, paths: './src/paths' });");
    assert.deepEqual(collect({ ...files, 'src/server.ts': fromCwd }).routes.map((r) => r.replace(/ \S+$/, '')), expected);
    // Only .ts files, and `index.ts` keeps its name when the index expression names another file.
    const globbed = SERVER("initialize({ app: api, apiDoc: doc, paths: './src/paths', routesGlob: '**/*.ts', routesIndexFileRegExp: /(?:main)?\\.ts$/ });");
    const some = { ...files, 'src/paths/books/{bookId}.ts': undefined, 'src/paths/legacy.js': BOOK, 'src/paths/main.ts': HEALTH };
    const texts = Object.fromEntries(Object.entries({ ...some, 'src/server.ts': globbed }).filter((e): e is [string, string] => e[1] !== undefined));
    assert.deepEqual(collect(texts).routes.map((r) => r.replace(/ \S+$/, '')), ['GET /api/v2/', 'GET /api/v2/books/index', 'GET /api/v2/health', 'POST /api/v2/books/index'].map((r) => r.replace(/\/$/, '')));
  });

  test('a routesGlob of many stars is read in its length; a routesIndexFileRegExp that may backtrack without end is not run (the default index is) but warned of', () => {
    const long = `${'a'.repeat(150)}.ts`;
    const files = { 'src/doc.ts': DOC, 'src/paths/health.ts': HEALTH, [`src/paths/${long}`]: HEALTH };
    const routesOf = (init: string) => collect({ ...files, 'src/server.ts': SERVER(init) });
    // As a regular expression, `*a*a*...*x` was overlapping [^/]* runs backtracking in a name's length to the power of its stars.
    const starred = (ending: string) => routesOf(`initialize({ app: api, apiDoc: doc, paths: './src/paths', routesGlob: '${'*a'.repeat(14)}${ending}' });`);
    assert.deepEqual(starred('*x.ts').routes, []);
    assert.deepEqual(starred('*{x,a}.ts').routes.map((r) => r.replace(/ \S+$/, '')), [`GET /api/v2/${'a'.repeat(150)}`]);
    // (a+)+$ against a long name that does not end so tries every split of its a's.
    const nested = routesOf("initialize({ app: api, apiDoc: doc, paths: './src/paths', routesIndexFileRegExp: /(a+)+$/ });");
    assert.deepEqual(nested.routes.map((r) => r.replace(/ \S+$/, '')), [`GET /api/v2/${'a'.repeat(150)}`, 'GET /api/v2/health']);
    assert.match(nested.warnings.join('\n'), /routesIndexFileRegExp/);
  });

  test('what cannot be known statically is warned of at the initialize call: a paths value, an apiDoc read from a file, handlers by operationId', () => {
    const unknown = SERVER("initialize({ app: api, apiDoc: './api.yml', paths: loadPaths() });");
    const byOperationId = SERVER("initialize({ app: api, apiDoc: doc, operations: { listBooks: (req, res) => res.json([]) } });");
    const { routes, warnings } = collect({ 'src/server.ts': unknown });
    assert.deepEqual(routes, []);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0] ?? '', /src\/server\.ts:7: express-openapi initialize on api: paths not read statically/);
    assert.match(warnings[1] ?? '', /apiDoc basePath not known statically/);
    const operations = collect({ 'src/server.ts': byOperationId, 'src/doc.ts': DOC });
    assert.deepEqual(operations.routes, []);
    assert.deepEqual(operations.warnings.map((w) => w.replace(/ \(list .*$/, '')), ["/w/src/server.ts:7: express-openapi initialize on api: operations (handlers by the apiDoc paths' operationId) not read statically"]);
  });

  test("a module's operations: its default export's or module.exports' method keys, else its named exports", () => {
    const ops = (text: string) => extractRoutesFromSource(text, '/w/ops.ts').openApiOperations?.map((o) => `${o.method}@${o.line}`);
    assert.deepEqual(ops(BOOKS), ['GET@2', 'POST@2']);
    assert.deepEqual(ops(BOOK), ['GET@2', 'DELETE@3']);
    assert.deepEqual(ops('export function GET(req, res) {}\nexport const del = (req, res) => {};\nexport const helper = 1;\n'), ['GET@1', 'DELETE@2']);
    assert.equal(ops('export default function () {\n  return { list: [] };\n}\nexport function GET() {}\n'), undefined);
  });

  test('a module file holding only its operations passes the pre-filter', () => {
    assert.equal(mayDeclareRoutes(BOOKS), true);
    assert.equal(mayDeclareRoutes("const names = ['a', 'b'];\nexport default names;\n"), true);
    assert.equal(mayDeclareRoutes('export default function () {\n  return helper();\n}\n'), false);
  });

  test('path modules of named exports (no quote, no route call in them) are read from a folder of paths: functions named by methods in capitals, handlers named in lower case', () => {
    const upper = 'export async function GET(req, res) {\n  res.json(await listShelves());\n}\nexport function POST(req, res) {\n  create(req.body).then((made) => res.status(201).json(made));\n}\nPOST.apiDoc = { summary: summaries.create };\n';
    const lower = 'export const del = async (req, res) => {\n  await remove(req.params.shelfId);\n  res.end();\n};\nexport async function put(req, res) {\n  res.json(await save(req.params.shelfId, req.body));\n}\n';
    const server = SERVER("initialize({ app: api, apiDoc: doc, paths: path.join(__dirname, 'paths') });");
    const { routes, warnings } = collect({ 'src/server.ts': server, 'src/doc.ts': DOC, 'src/paths/shelves.ts': upper, 'src/paths/shelves/{shelfId}.ts': lower });
    assert.deepEqual(routes, [
      'DELETE /api/v2/shelves/:shelfId src/paths/shelves/{shelfId}.ts',
      'GET /api/v2/shelves src/paths/shelves.ts',
      'POST /api/v2/shelves src/paths/shelves.ts',
      'PUT /api/v2/shelves/:shelfId src/paths/shelves/{shelfId}.ts',
    ]);
    assert.deepEqual(warnings, []);
  });

  test('the pre-filter keeps named operations taking (req, res), not getters, constants named like a lower-case method or a Next.js handler outside a handler path', () => {
    assert.equal(mayDeclareRoutes('export function POST(req, res) {}\n'), true);
    assert.equal(mayDeclareRoutes('export const get = async (req, res) => res.end();\n'), true);
    assert.equal(mayDeclareRoutes('function get(req, res) {}\nget.apiDoc = { tags };\nexport { get };\n'), true);
    assert.equal(mayDeclareRoutes('export async function GET(request: Request) {\n  return Response.json(await list());\n}\n'), false);
    assert.equal(mayDeclareRoutes('export function get(key) {\n  return cache.read(key);\n}\nexport const put = (key, value) => store.set(key, value);\n'), false);
  });
});

// A router made by calling a function declared with `function` in the same file
// (`function makeBase() { return new Hono() }`, then `const app = makeBase(); ...; return app` in
// the file's exported factory), as one made by an arrow function is. Two apps from that factory,
// one mounted on the other (`root.route('/v2', api)`), keep each its own mounts. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as routesOf } from '../helpers/collectText';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';

const factory = (declared: boolean) =>
  [
    "import { Hono } from 'hono';",
    declared ? 'function makeBase() {' : 'const makeBase = () => {',
    '  return new Hono({ strict: false });',
    declared ? '}' : '};',
    'export default function buildApp() {',
    '  const app = makeBase();',
    '  app.use(async (_c, next) => next());',
    '  return app;',
    '}',
  ].join('\n');

const SHELVES = ["import { Hono } from 'hono';", 'const shelves = new Hono();', "shelves.get('/:shelf', (c) => c.json({}));", "shelves.post('/', (c) => c.json({}));", 'export const shelvesRouter = shelves;'].join('\n');

const DOCS = ['export default function describe(app) {', "  app.get('/spec', (c) => c.json({}));", '}'].join('\n');

const SERVER = [
  "import buildApp from './build';",
  "import describe from './describe';",
  "import { shelvesRouter } from './shelves';",
  'const root = buildApp();',
  'const api = buildApp();',
  'describe(api);',
  "api.route('/shelves', shelvesRouter);",
  "root.route('/v2', api);",
  'export default root;',
].join('\n');

const files = (declared: boolean) => ({ '/s/build.ts': factory(declared), '/s/describe.ts': DOCS, '/s/shelves.ts': SHELVES, '/s/server.ts': SERVER });

suite('routers made by a function declared in the same file', () => {
  test('two apps of a factory whose router comes from a `function` declaration: the mounted one keeps its mounts, under its own mount path', () => {
    assert.deepEqual(routesOf(files(true)).routes, ['GET /v2/shelves/:shelf', 'GET /v2/spec', 'POST /v2/shelves']);
  });

  test('the same with an arrow function makes the same routes', () => {
    assert.deepEqual(routesOf(files(false)).routes, routesOf(files(true)).routes);
  });

  test('a declared function that returns no router makes none: what is read on its result is no route', () => {
    const notRouter = ["function makeMap() { return new Map(); }", 'const lookup = makeMap();', "lookup.get('/not-a-route');", 'export default lookup;'].join('\n');
    assert.deepEqual(routesOf({ '/s/lookup.ts': notRouter }).routes, []);
  });

  test("a declared helper returning a value no router is (a split path, a joined string) makes no router: a call handing its result on is no mount", () => {
    const helpers = [
      'function splitPath(p: string) { return p.split("/").filter(Boolean); }',
      "function joinPath(...parts: string[]) { return '/' + parts.join('/'); }",
      'function compare(pattern: string[], actual: string[]) { return pattern.length === actual.length ? {} : undefined; }',
      'export function match(pattern: string[], url: string) {',
      '  const actual = splitPath(url);',
      '  const found = compare(pattern, actual);',
      '  return found ? joinPath(url) : undefined;',
      '}',
    ].join('\n');
    const x = extractRoutesFromSource(helpers, '/s/match.ts');
    assert.deepEqual(x.mounts, []);
    assert.equal(x.routerMakers, undefined);
  });
});

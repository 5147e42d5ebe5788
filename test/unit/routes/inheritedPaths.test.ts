import assert from 'node:assert/strict';
import { collectRoutes, routesAndWarnings } from '../helpers/collectText';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';

const base = [
  "import { Router, type RequestHandler } from 'express';",
  'export default abstract class Resource {',
  '  private readonly _router = Router();',
  '  constructor(private readonly _name: string, private readonly _base: string) {}',
  '  get base(): string { return this._base; }',
  '  get router(): Router { return this._router; }',
  '  protected readPairs(pairs: [string, RequestHandler][]): void {',
  '    for (const pair of pairs) {',
  '      const [tail, handler] = pair;',
  '      this.router.get(`${this.base}${tail}`, handler);',
  '    }',
  '  }',
  '  protected writePairs(pairs: [string, RequestHandler][]): void {',
  '    for (const [tail, handler] of pairs) this.router.put(this.base + tail, handler);',
  '  }',
  '}',
].join('\n');

suite('router classes whose subclasses give the base class its paths (inheritedPaths.ts)', () => {
  test("a subclass's super(name, '/path') fills the base's constructor field (read through its getter): the routes of its calls of the base's pair methods (each [suffix, handler] pair) and its own routes at that field", () => {
    const shelves = [
      "import Resource from './Resource';",
      'export class Shelves extends Resource {',
      "  constructor(name: string) { super(name, '/shelves'); this.init(); }",
      '  private init(): void {',
      "    this.readPairs([['', this.list], ['/:shelf', this.one]]);",
      "    this.writePairs([['/:shelf', this.one]]);",
      '    this.router.post(this.base, this.list);',
      "    this.router.delete(`${this.base}/:shelf`, this.one);",
      '  }',
      '  list = (_q: unknown, r: { send(s: string): void }) => r.send("x");',
      '  one = (_q: unknown, r: { send(s: string): void }) => r.send("x");',
      '}',
    ].join('\n');
    const { routes, warnings } = routesAndWarnings({ '/s/Resource.ts': base, '/s/Shelves.ts': shelves });
    assert.deepEqual(routes, ['DELETE /shelves/:shelf', 'GET /shelves', 'GET /shelves/:shelf', 'POST /shelves', 'PUT /shelves/:shelf']);
    assert.deepEqual(warnings, []);
  });

  test('a path the subclass gives as no literal (super(name, pathOf(name))) is a warning naming the class and the field; the base alone registers nothing', () => {
    const dynamic = [
      "import Resource from './Resource';",
      'export class Dynamic extends Resource {',
      '  constructor(name: string) { super(name, pathOf(name)); }',
      "  init(): void { this.readPairs([['/x', this.h]]); }",
      '  h = () => undefined;',
      '}',
    ].join('\n');
    const { routes, warnings } = routesAndWarnings({ '/s/Resource.ts': base, '/s/Dynamic.ts': dynamic });
    assert.deepEqual(routes, []);
    assert.deepEqual(warnings, ['/s/Dynamic.ts:4: a GET route of Dynamic reads this.base, which Dynamic does not give its base class as a literal in super(...); route skipped (list it in x-runtime-drift.routes)']);
  });

  test('the pre-filter reads a file whose class hands its base class a path in super(...), and nothing else of routes', () => {
    assert.equal(mayDeclareRoutes("export class A extends B {\n  constructor(x: string) {\n    super(\n      x,\n      '/a/:id',\n    );\n  }\n}"), true);
    assert.equal(mayDeclareRoutes("export class A extends B {\n  constructor(x: string) { super(x, 'name'); }\n}"), false);
  });

  test("a file naming `class` thousands of times and never `super(` nor a kept constructor parameter is told apart in one pass, not one search to the text's end per `class` (seconds before)", () => {
    const text = `${Array.from({ length: 6000 }, (_, i) => `// the class of model ${i}`).join('\n')}\nexport const n = 1;`;
    const started = performance.now();
    assert.equal(extractRoutesFromSource(text, '/m/models.ts').pathClasses, undefined);
    const ms = performance.now() - started;
    assert.ok(ms < 500, `${ms.toFixed(0)} ms`);
  });

  test('a constructor keeping a parameter after a mention of `super(` above the first class is read (the two searches in order)', () => {
    const text = "// calls super() in its constructor\nexport class R {\n  constructor(private readonly path: string) {}\n  get where() { return this.path; }\n}";
    assert.deepEqual(extractRoutesFromSource(text, '/r/r.ts').pathClasses, { R: { fields: { path: 0, where: 0 } } });
  });
});

suite('collectRoutes: a started app mounting routers in a loop over values not known', () => {
  const items = { file: '/ws/x/src/items/items.ts', text: "import { Router } from 'express';\nexport class Items { router = Router(); constructor() { this.router.get('/items', h); } }" };
  const registry = { file: '/ws/x/src/items/index.ts', text: "import { Items } from './items';\nexport const registry = { items: Items };" };
  const chains = { file: '/ws/x/src/chains.ts', text: "import { registry } from './items';\nexport function pick(names: string[]) { return names.map((n) => new registry[n]()); }" };
  const main = (loop: string) => ({
    file: '/ws/x/src/main.ts',
    text: `import express from 'express';\nimport { pick } from './chains';\nconst app = express();\napp.get('/', h);\nfunction mountAll(controllers) {\n  ${loop}\n}\nmountAll(pick(process.argv.slice(2)));\napp.listen(3000);`,
  });
  const served = (loop: string) => collectRoutes([main(loop), chains, registry, items], { moduleOf: () => undefined, entry: '/ws/x/src/main.ts' }).routes.map((r) => `${r.method} ${r.path}`).sort();

  test('every file serves: the app mounts what a run-time list gives (for (const c of controllers) app.use(c.router)), not only the files its mounts and imports reach', () => {
    assert.deepEqual(served("for (const c of controllers) app.use('/', c.router);"), ['GET /', 'GET /items']);
  });

  test('an app mounting nothing in such a loop serves only what its mounts and imports reach', () => {
    assert.deepEqual(served('for (const c of controllers) console.log(c);'), ['GET /']);
  });
});

suite('a base class method registering routes at the path it is given, called by subclasses (inheritedPaths.ts paramRoutes)', () => {
  const provider = [
    "import type { Application } from 'express';",
    'export abstract class Provider {',
    '  constructor(protected app: Application, protected secret: string) { this.routes(); }',
    '  protected abstract routes(): void;',
    '  serveAt(endpoint: string): void {',
    "    this.app.options(endpoint, (_q: unknown, r: { send(s: string): void }) => r.send(''));",
    '    this.app.get(endpoint, async (_q: unknown, r: { send(s: string): void }) => r.send(this.secret));',
    '  }',
    '}',
  ].join('\n');
  const sub = (name: string, call: string) =>
    [
      "import type { Application } from 'express';",
      "import { Provider } from './Provider';",
      `export class ${name} extends Provider {`,
      '  constructor(protected app: Application, secret: string) { super(app, secret); }',
      `  routes(): void { ${call} }`,
      '}',
    ].join('\n');

  test("each subclass's super.serveAt('/x') (or this.serveAt) registers the base method's routes at its path", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/Provider.ts': provider,
      '/s/Colours.ts': sub('Colours', "super.serveAt('/colours/list');"),
      '/s/Shapes.ts': sub('Shapes', 'this.serveAt(`/shapes/list`);'),
    });
    assert.deepEqual(routes, ['GET /colours/list', 'GET /shapes/list', 'OPTIONS /colours/list', 'OPTIONS /shapes/list']);
    assert.deepEqual(warnings, []);
  });

  test('a path given as no literal is warned of at the call, naming the class and the method; no route is guessed', () => {
    const { routes, warnings } = routesAndWarnings({ '/s/Provider.ts': provider, '/s/Odd.ts': sub('Odd', 'super.serveAt(process.argv[2] ?? "");') });
    assert.deepEqual(routes, []);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0] ?? '', /^\/s\/Odd\.ts:5: .*Odd.*serveAt.*not found statically/);
  });

  test('the base alone registers nothing at its parameter', () => {
    assert.deepEqual(routesAndWarnings({ '/s/Provider.ts': provider }).routes, []);
  });
});

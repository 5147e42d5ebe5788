import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

const handler = [
  "import type { Express } from 'express';",
  'export abstract class Handler {',
  "  protected base = '';",
  '  constructor(protected readonly server: { app: Express }) {}',
  '  public setBase(base: string): this {',
  '    this.base = base;',
  '    return this;',
  '  }',
  '  public mount(): void { this.attach(); }',
  '  protected abstract attach(): void;',
  '}',
].join('\n');

const list = [
  "import { Handler } from './Handler';",
  'export class ListItems extends Handler {',
  '  protected attach(): void { this.server.app.get(this.base, (_q, r) => r.json([])); }',
  '}',
].join('\n');

const one = [
  "import { Handler } from './Handler';",
  'export class OneItem extends Handler {',
  "  protected attach(): void { this.server.app.get(this.base.concat('/:id'), (_q, r) => r.json({})); }",
  '  public extra(): void { this.server.app.delete(`${this.base}/:id`, (_q, r) => r.end()); }',
  '}',
].join('\n');

const legacy = [
  "import { Handler } from './Handler';",
  'export class LegacyFind extends Handler {',
  "  protected attach(): void { this.server.app.post(this.base + '/find', (_q, r) => r.json([])); }",
  '}',
].join('\n');

const server = (loops: string): string =>
  [
    "import express from 'express';",
    "import { ERAS } from './eras';",
    "import { ListItems } from './ListItems';",
    "import { OneItem } from './OneItem';",
    "import { LegacyFind } from './LegacyFind';",
    'export function start(): void {',
    '  const app = express();',
    '  const table = {',
    "    old: { handlers: [new ListItems(server), new LegacyFind(server)], bases: ['/v1/items'] },",
    "    current: { handlers: [new ListItems(server), new OneItem(server)], bases: ['/v2/items', '/items'] },",
    '  };',
    loops,
    '  app.listen(3000);',
    '}',
  ].join('\n');

const files = (loops: string): Record<string, string> => ({
  '/s/Handler.ts': handler,
  '/s/ListItems.ts': list,
  '/s/OneItem.ts': one,
  '/s/LegacyFind.ts': legacy,
  '/s/server.ts': server(loops),
});

suite('routes at a path a setter gives the instance (setterPaths.ts)', () => {
  test("loops over a literal table's entries pair each entry's instances with its own values only: the setter fills the field, the method called after it reaches the subclass's routes", () => {
    const { routes, warnings } = routesAndWarnings(
      files(['  for (const [n, era] of ERAS.entries()) {', '    for (const h of table[era].handlers) {', '      for (const base of table[era].bases) h.setBase(base).mount();', '    }', '    console.log(n);', '  }'].join('\n')),
    );
    assert.deepEqual(routes, ['GET /items', 'GET /items/:id', 'GET /v1/items', 'GET /v2/items', 'GET /v2/items/:id', 'POST /v1/items/find']);
    // OneItem.extra is never called: its route stays unknown, warned of.
    assert.deepEqual(
      warnings.map((w) => w.split(':')[0]),
      ['/s/OneItem.ts'],
    );
  });

  test('a setter called on a new instance at once, and on a const of one, gives the path; a value not known statically leaves the warning', () => {
    const { routes, warnings } = routesAndWarnings(files(["  new OneItem(server).setBase('/one').mount();", '  const l = new ListItems(server);', "  l.setBase('/all').mount();", '  new LegacyFind(server).setBase(process.env.BASE ?? "/x").mount();'].join('\n')));
    assert.deepEqual(routes, ['GET /all', 'GET /one/:id']);
    assert.deepEqual(
      warnings.map((w) => w.split(':')[0]).sort(),
      ['/s/LegacyFind.ts', '/s/OneItem.ts'],
    );
  });

  test('the pre-filter reads a file whose only sign of routes is a setter returning the instance', () => {
    assert.equal(mayDeclareRoutes(handler), true);
    assert.equal(mayDeclareRoutes('export class Plain { set(v: number) { return v; } }'), false);
  });
});

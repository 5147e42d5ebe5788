// A warning about a value not known statically quotes its code, and for a name the file declares,
// what it was declared as (shownCode.ts): fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const warningsOf = (files: Record<string, string>) =>
  collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases: [] },
  ).warnings;

suite('warnings quote the code not known statically', () => {
  test('a route path held in a name: the warning shows what the function declared it as (a table name of generated code, say)', () => {
    const warnings = warningsOf({
      '/s/widgets.ts': [
        "import { Router } from 'express';",
        "import { Widgets } from '@acme/generated';",
        "import { slug } from './slug';",
        'export function widgetRoutes(router: Router) {',
        '  const base = `/${slug(Widgets.tableName)}`;',
        '  router.get(base, list);',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(warnings, ['/s/widgets.ts:6: router.get path base (= `/${slug(Widgets.tableName)}`) is not a string known statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  test('a long template cut short in the quote keeps its closing backquote after the ellipsis, within the same length', () => {
    const warnings = warningsOf({
      '/s/gadgets.ts': [
        "import { Router } from 'express';",
        "import { Gadgets } from '@acme/generated';",
        "import { slug } from './slug';",
        'export function gadgetRoutes(router: Router) {',
        '  const base = `/${slug(Gadgets.tableName)}/:gadgetId/maintenance-windows/:windowId`;',
        '  router.put(base, update);',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(warnings, ['/s/gadgets.ts:6: router.put path base (= `/${slug(Gadgets.tableName)}/:gadgetId/maintenance-windows…`) starts with a value not known statically; the route is shown under … and not probed (list it with its full path in x-runtime-drift.routes)']);
  });

  test('a destructured name or an expression is quoted as written: there is no initialiser of its own to show', () => {
    const warnings = warningsOf({
      '/s/mount.ts': [
        "import { Router } from 'express';",
        "import { settings } from './settings';",
        'const router = Router();',
        'const { where } = settings.paths();',
        'router.get(where, list);',
        "router.post(pathFor('x'), make);",
        'export default router;',
      ].join('\n'),
    });
    // `where` refers to another file's value (collect.ts looks for it there): warned of once that is not found, as written.
    assert.deepEqual(warnings, [
      "/s/mount.ts:6: router.post path pathFor('x') is not a string known statically; route skipped (list it in x-runtime-drift.routes)",
      '/s/mount.ts:5: GET route path where not found statically; route skipped (list it in x-runtime-drift.routes)',
    ]);
  });

  test('routes pushed into a route table from a name: the warning shows the call that made them', () => {
    const warnings = warningsOf({
      '/s/api.ts': [
        "import { Router } from 'express';",
        "import { fixedRoutes } from './fixed';",
        'const router = Router();',
        'const every = [...fixedRoutes];',
        'for (const kind of KINDS) {',
        '  const made = crudRoutesFor(kind.settings);',
        '  every.push(...made);',
        '}',
        'every.forEach((r) => router[r.verb](r.url, r.handler));',
        'export default router;',
      ].join('\n'),
      '/s/fixed.ts': "export const fixedRoutes = [{ verb: 'get', url: '/health', handler: h }];\n",
    });
    assert.deepEqual(warnings, ['/s/api.ts:7: routes merged into a route table from ...made (= crudRoutesFor(kind.settings)) are not known statically; they are skipped (list them in x-runtime-drift.routes)']);
  });
});

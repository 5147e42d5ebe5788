import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

function scan(files: Record<string, string>): string[] {
  const out = collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined },
  );
  return out.routes.map((r) => `${r.method} ${r.path}`).sort();
}

/** A settings module whose `base` is `tidy(<arg>)`, `tidy`'s first statement `if (<test>) return <value>;`. */
function settings(test: string, value: string, arg: string): string {
  return [
    'function tidy(p?: string): string {',
    `  if (${test}) {`,
    `    return ${value};`,
    '  }',
    "  return p.trim().replace(/\\/$/, '');",
    '}',
    'export function build(opt: { base?: string }) {',
    `  const base = tidy(${arg});`,
    "  return { base, port: 3 };",
    '}',
  ].join('\n');
}

const app = [
  "import express from 'express';",
  "import { build } from './settings';",
  'export function start(options) {',
  '  const conf = build(options);',
  '  const app = express();',
  '  const r = express.Router();',
  "  r.get('/a', h);",
  '  app.use(`${conf.base}/x`, r);',
  '}',
].join('\n');

suite('routes: a setting normalised by a function of the file when nothing sets it', () => {
  test("`tidy(opt.base || process.env.BASE_PATH)` of a factory another file calls with its options: what tidy's first test returns for undefined ('')", () => {
    const routes = scan({ '/s/settings.ts': settings("p === undefined || p === null || p.trim() === ''", "''", 'opt.base || process.env.BASE_PATH'), '/s/app.ts': app });
    assert.deepEqual(routes, ['GET /x/a']);
  });

  test('`tidy(process.env.BASE_PATH)` with `if (!p) return "/api"`: the literal for the variable unset', () => {
    const routes = scan({ '/s/settings.ts': settings('!p', "'/api'", 'process.env.BASE_PATH'), '/s/app.ts': app });
    assert.deepEqual(routes, ['GET /api/x/a']);
  });

  test('`typeof p === "undefined"` and `p == null` hold for undefined too', () => {
    assert.deepEqual(scan({ '/s/settings.ts': settings("typeof p === 'undefined'", "'/t'", 'process.env.BASE_PATH'), '/s/app.ts': app }), ['GET /t/x/a']);
    assert.deepEqual(scan({ '/s/settings.ts': settings('p == null', "'/n'", 'process.env.BASE_PATH'), '/s/app.ts': app }), ['GET /n/x/a']);
  });

  test('a test reading a property of the argument first (a TypeError for undefined), or one that does not hold for it, decides nothing: the prefix stays unknown', () => {
    assert.deepEqual(scan({ '/s/settings.ts': settings("p.trim() === '' || p === undefined", "''", 'process.env.BASE_PATH'), '/s/app.ts': app }), ['GET /…/a']);
    assert.deepEqual(scan({ '/s/settings.ts': settings('p === null', "''", 'process.env.BASE_PATH'), '/s/app.ts': app }), ['GET /…/a']);
  });

  test('an argument that is not an unset variable (a literal beside the option) is not taken for unset', () => {
    assert.deepEqual(scan({ '/s/settings.ts': settings('!p', "'/api'", "opt.base || 'v2'"), '/s/app.ts': app }), ['GET /…/a']);
  });
});

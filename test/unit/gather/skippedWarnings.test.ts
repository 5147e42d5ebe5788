// Files over the read limit are warned of only where they may hold the server's routes.
import * as assert from 'node:assert/strict';
import { skippedWarnings } from '../../../src/core/gather/workspaceFiles';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import type { SourceScan } from '../../../src/core/ports';

const WS = '/ws';
const over = (path: string): SourceScan['skipped'][number] => ({ path, reason: { id: 'overReadLimit', args: ['1.6 MB', '1 MB'] } });
const scan = (files: Record<string, string>, skipped: SourceScan['skipped']): SourceScan => ({
  files: [...Object.keys(files), ...skipped.map((s) => s.path)],
  mtimes: new Float64Array(0),
  extracted: Object.entries(files).map(([file, text]) => ({ file, x: extractRoutesFromSource(text, file) })),
  skipped,
});
const said = (s: SourceScan) => skippedWarnings(WS, s).map((w) => w.slice(0, w.indexOf(':')));

suite('gather: warnings of the files the walk left out', () => {
  const app =
    "import express from 'express';\nimport { table } from './data/table';\nimport { tools } from './tools';\nimport spec from './plugins/spec.json';\nconst app = express();\napp.get('/users', h);\n";
  const big = ['/ws/src/data/table.mjs', '/ws/src/tools/index.js', '/ws/public/lib/editor.js', '/ws/src/plugins/spec.json'].map(over);

  test('beside the routes of other files, a file over the read limit is said when a file read loads it by name (or its folder, for an index), never a JSON module, nor a vendored library no file loads', () => {
    assert.deepEqual(said(scan({ '/ws/src/app.ts': app }, big)), ['src/data/table.mjs', 'src/tools/index.js']);
  });

  test('with no route found in any other file, every source file over the read limit is said (the server may be in it); a JSON module still is not', () => {
    const none = scan({ '/ws/src/app.ts': "import express from 'express';\nexport const app = express();\n" }, big);
    assert.deepEqual(said(none), ['src/data/table.mjs', 'src/tools/index.js', 'public/lib/editor.js']);
  });

  test('what else the walk left out is said as before', () => {
    const loop = { path: '/ws/src/here', reason: { id: 'symlinkLoop' as const, args: [] as [] } };
    assert.deepEqual(said(scan({ '/ws/src/app.ts': app }, [loop])), ['src/here']);
  });
});

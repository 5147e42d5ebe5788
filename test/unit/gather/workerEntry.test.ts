// A Cloudflare Worker's started file: what wrangler's configuration names as `main`.
import * as assert from 'node:assert/strict';
import { workerEntry } from '../../../src/core/gather/workerEntry';
import { memFs } from '../helpers/memFs';

suite('workerEntry', () => {
  const sources = new Set(['/p/edge/worker/main.ts', '/p/edge/api/server.ts', '/p/cron/src/run.ts', '/p/built/src/index.ts']);

  test("wrangler.jsonc's main (comments and trailing commas allowed), relative to its folder", async () => {
    const fs = memFs({ '/p/edge/wrangler.jsonc': '{\n  // the edge\n  "name": "edge",\n  "main": "worker/main.ts",\n  "compatibility_date": "2026-01-01",\n}\n' });
    assert.equal(await workerEntry(fs, '/p/edge', sources), '/p/edge/worker/main.ts');
  });

  test("wrangler.toml's top-level main, not one of a table below it", async () => {
    const fs = memFs({
      '/p/cron/wrangler.toml': 'name = "cron"\nmain = \'src/run.ts\'\n\n[env.staging]\nmain = "src/other.ts"\n',
      '/p/edge/wrangler.toml': 'name = "edge"\n[build]\nmain = "worker/main.ts"\n',
    });
    assert.equal(await workerEntry(fs, '/p/cron', sources), '/p/cron/src/run.ts');
    assert.equal(await workerEntry(fs, '/p/edge', sources), undefined);
  });

  test('a main naming no source file (a build output), or no configuration, starts nothing known', async () => {
    const fs = memFs({ '/p/built/wrangler.json': '{ "main": "dist/index.js" }' });
    assert.equal(await workerEntry(fs, '/p/built', sources), undefined);
    assert.equal(await workerEntry(fs, '/p/edge', sources), undefined);
  });
});

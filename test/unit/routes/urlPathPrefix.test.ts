// A route prefix that is the path of a URL (`new URL(process.env.PUBLIC_URL || 'http://localhost:8080').pathname`,
// its trailing slash dropped, often in an IIFE guarding an empty or unparsable URL): the path of the URL the
// service's environment sets, else of the default in code; still shown under … with a warning when the URL is
// not known. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import type { ServiceEnv } from '../../../src/core/routes/settingGuardWarnings';
import type { CollectedRoutes } from '../../../src/core/routes/collect';

const env = (values: Record<string, string>): ServiceEnv => ({ service: 'web', values, where: Object.fromEntries(Object.keys(values).map((k, i) => [k, `compose.yaml:${20 + i}`])) });
const lines = (c: CollectedRoutes) => c.routes.map((r) => `${r.method} ${r.path}${r.prefixUnknown ? ' (prefix unknown)' : ''}`).sort();

const IIFE = [
  '(() => {',
  '  if (!PUBLIC_URL) {',
  "    log('no public URL');",
  "    return '';",
  '  }',
  '  try {',
  '    const parsed = new URL(PUBLIC_URL);',
  "    const trimmed = parsed.pathname.replace(/\\/$/, '');",
  '    return trimmed;',
  '  } catch {',
  "    return PUBLIC_URL.replace(/\\/$/, '');",
  '  }',
  '})()',
].join('\n');

/** A server whose ROOT prefix is `root`, PUBLIC_URL read from the environment with the default `fallback`. */
const server = (root: string, fallback: string, values?: Record<string, string>): CollectedRoutes => {
  const text = [
    "const express = require('express');",
    'const app = express();',
    'const PORT = process.env.PORT || 8080;',
    `const PUBLIC_URL = process.env.PUBLIC_URL || ${fallback};`,
    `const ROOT = ${root};`,
    "app.get(ROOT + '/sign-in', h);",
    'app.post(`${ROOT}/items/:id`, h);',
    "app.get('/api/status', h);",
    'app.listen(PORT);',
    '',
  ].join('\n');
  return collectRoutes([{ file: '/w/server.js', text }], { moduleOf: () => undefined, aliases: [], ...(values ? { serviceEnv: env(values) } : {}) });
};

const UNDER = (base: string) => ['GET /api/status', `GET ${base}/sign-in`, `POST ${base}/items/:id`].sort();

suite('routes: a prefix that is the path of a URL', () => {
  const roots: Record<string, string> = {
    'new URL(...).pathname': 'new URL(PUBLIC_URL).pathname',
    'its trailing slash dropped': "new URL(PUBLIC_URL).pathname.replace(/\\/$/, '')",
    'an IIFE with a guard and a catch': IIFE,
    'an arrow IIFE': "(() => new URL(PUBLIC_URL).pathname.replace(/\\/$/, ''))()",
  };
  for (const [how, root] of Object.entries(roots)) {
    test(`${how}: the path of the default URL in code, else of the URL the service sets (with a note of where)`, () => {
      // The default's path is '/', its routes at the root (a trailing slash joins as none).
      const byDefault = server(root, "'http://localhost:8080'");
      assert.deepEqual(lines(byDefault), UNDER(''));
      assert.deepEqual(byDefault.warnings, []);
      // A default built of another default (`http://localhost:${PORT}/shop/`): its path; the service's URL still wins.
      assert.deepEqual(lines(server(root, '`http://localhost:${PORT}/shop/`')), UNDER('/shop'));
      assert.deepEqual(lines(server(root, '`http://localhost:${PORT}/shop/`', { PUBLIC_URL: 'https://example.org/store/' })), UNDER('/store'));
      const set = server(root, "'http://localhost:8080'", { PUBLIC_URL: 'https://example.org/store/' });
      assert.deepEqual(lines(set), UNDER('/store'));
      assert.deepEqual(set.warnings, ['/w/server.js: the environment variable PUBLIC_URL in a route path or prefix is https://example.org/store/ for service web, as set at compose.yaml:20']);
    });
  }

  test("an IIFE's guards are set aside only for a URL's path: a try returning any other value, its catch another, is not known", () => {
    const other = "(() => {\n  try {\n    return '/main';\n  } catch {\n    return '/spare';\n  }\n})()";
    assert.deepEqual(lines(server(other, "'http://localhost:8080'")), ['GET /api/status', 'GET /…/sign-in (prefix unknown)', 'POST /…/items/:id (prefix unknown)']);
    assert.deepEqual(lines(server("(() => {\n  return '/main';\n})()", "'http://localhost:8080'")), UNDER('/main'));
  });

  test('a URL not known statically (no default, or one that is no URL): its routes under … with a warning, as before', () => {
    for (const fallback of ['settings.url', "'not a url'"]) {
      const out = server(IIFE, fallback);
      assert.deepEqual(lines(out), ['GET /api/status', 'GET /…/sign-in (prefix unknown)', 'POST /…/items/:id (prefix unknown)'], fallback);
      assert.equal(out.warnings.length, 2, fallback);
      assert.match(out.warnings[0] ?? '', /^\/w\/server\.js:\d+: app\.get path ROOT \+ '\/sign-in' starts with a value not known statically/);
    }
  });

  test('a URL read from the environment with no default, in an IIFE returning \'\' when it is unset: the path of the URL the service sets, else \'\'; with no guard and no URL set, not known', () => {
    const guarded = [
      '(() => {',
      '  if (!process.env.PUBLIC_URL) {',
      "    return '';",
      '  }',
      '  try {',
      '    const parsed = new URL(process.env.PUBLIC_URL);',
      "    const trimmed = parsed.pathname.replace(/\\/$/, '');",
      '    log(trimmed);',
      '    return trimmed;',
      '  } catch {',
      "    const trimmed = process.env.PUBLIC_URL.replace(/\\/$/, '');",
      '    return trimmed;',
      '  }',
      '})()',
    ].join('\n');
    assert.deepEqual(lines(server(guarded, "'http://localhost:8080'")), UNDER(''));
    const set = server(guarded, "'http://localhost:8080'", { PUBLIC_URL: 'https://example.org/store/' });
    assert.deepEqual(lines(set), UNDER('/store'));
    assert.deepEqual(set.warnings, ['/w/server.js: the environment variable PUBLIC_URL in a route path or prefix is https://example.org/store/ for service web, as set at compose.yaml:20']);
    assert.deepEqual(lines(server(guarded, "'http://localhost:8080'", { PUBLIC_URL: '' })), UNDER(''));
    const bare = 'new URL(process.env.PUBLIC_URL).pathname';
    assert.deepEqual(lines(server(bare, "'http://localhost:8080'", { PUBLIC_URL: 'https://example.org/store/' })), UNDER('/store'));
    assert.deepEqual(lines(server(bare, "'http://localhost:8080'")), ['GET /api/status', 'GET /…/sign-in (prefix unknown)', 'POST /…/items/:id (prefix unknown)']);
  });
});

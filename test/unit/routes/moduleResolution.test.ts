// How the join resolves imports (src/core/routes/moduleResolution.ts), and that what it remembers
// follows the set of files and the aliases, not the map it was asked with.
import * as assert from 'node:assert/strict';
import { resolvedKey, resolveSpecifier } from '../../../src/core/routes/moduleResolution';
import { collectRoutes } from '../helpers/collectText';

const names = (...keys: string[]) => new Map(keys.map((k) => [k, k.toUpperCase()]));

suite('module resolution', () => {
  test('a relative import: as written, with an extension, a .js written for a .ts, a folder index; a bare one through an alias only', () => {
    const byKey = names('/a/src/app.ts', '/a/src/users.ts', '/a/src/lib/index.ts', '/a/src/util/x.tsx');
    const aliases = [{ pattern: '@lib/*', targets: ['/a/src/util/*'] }];
    assert.equal(resolvedKey('/a/src/app.ts', './users', byKey, []), '/a/src/users.ts');
    assert.equal(resolvedKey('/a/src/app.ts', './users.js', byKey, []), '/a/src/users.ts');
    assert.equal(resolvedKey('/a/src/app.ts', './lib', byKey, []), '/a/src/lib/index.ts');
    assert.equal(resolvedKey('/a/src/app.ts', '@lib/x', byKey, aliases), '/a/src/util/x.tsx');
    assert.equal(resolvedKey('/a/src/app.ts', '@lib/x', byKey, []), undefined);
    assert.equal(resolvedKey('/a/src/app.ts', 'express', byKey, aliases), undefined);
    assert.equal(resolveSpecifier('/a/src/app.ts', './users', byKey, []), '/A/SRC/USERS.TS');
  });

  test('an answer is remembered per set of files: a file added (a new map of more names) is found, the same names in a new map answer alike', () => {
    const before = names('/b/app.ts', '/b/other.ts');
    assert.equal(resolvedKey('/b/app.ts', './routes', before, []), undefined);
    const after = names('/b/app.ts', '/b/other.ts', '/b/routes.ts');
    assert.equal(resolvedKey('/b/app.ts', './routes', after, []), '/b/routes.ts');
    const removed = names('/b/app.ts', '/b/other.ts', '/b/routes/index.ts');
    assert.equal(resolvedKey('/b/app.ts', './routes', removed, []), '/b/routes/index.ts');
    assert.equal(resolvedKey('/b/app.ts', './routes', names('/b/app.ts', '/b/other.ts'), []), undefined);
  });

  test('the same files under other aliases resolve anew', () => {
    const byKey = names('/c/src/a.ts', '/c/lib/a.ts');
    assert.equal(resolvedKey('/c/src/main.ts', '~/a', byKey, [{ pattern: '~/*', targets: ['/c/src/*'] }]), '/c/src/a.ts');
    assert.equal(resolvedKey('/c/src/main.ts', '~/a', new Map(byKey), [{ pattern: '~/*', targets: ['/c/lib/*'] }]), '/c/lib/a.ts');
  });

  test('a join after a file is saved with a new router reads it, though the files are the same', () => {
    const app = "import express from 'express'\nimport r from './r'\nconst app = express()\napp.use('/api', r)\n";
    const first = collectRoutes(
      [
        { file: '/d/app.ts', text: app },
        { file: '/d/r.ts', text: "import { Router } from 'express'\nconst r = Router()\nr.get('/a', (q, s) => s.end())\nexport default r\n" },
      ],
      { moduleOf: () => undefined },
    );
    const second = collectRoutes(
      [
        { file: '/d/app.ts', text: app },
        { file: '/d/r.ts', text: "import { Router } from 'express'\nconst r = Router()\nr.get('/b', (q, s) => s.end())\nexport default r\n" },
      ],
      { moduleOf: () => undefined },
    );
    assert.deepEqual(first.routes.map((r) => `${r.method} ${r.path}`), ['GET /api/a']);
    assert.deepEqual(second.routes.map((r) => `${r.method} ${r.path}`), ['GET /api/b']);
  });

  test("a specifier ending in a slash, '.' or '..' names a folder's index only, never the file of the same name beside it (as Node reads it)", () => {
    const byKey = names('/e/routes/v1.js', '/e/routes/v1/index.js', '/e/routes/v1/a.js', '/e/routes/index.js', '/e/index.js');
    assert.equal(resolvedKey('/e/routes/v1.js', './v1/', byKey, []), '/e/routes/v1/index.js');
    assert.equal(resolvedKey('/e/routes/other.js', './v1', byKey, []), '/e/routes/v1.js');
    assert.equal(resolvedKey('/e/routes/v1/a.js', '.', byKey, []), '/e/routes/v1/index.js');
    assert.equal(resolvedKey('/e/routes/v1/a.js', '..', byKey, []), '/e/routes/index.js');
    assert.equal(resolvedKey('/e/routes/v1/a.js', '../../', byKey, []), '/e/index.js');
    assert.equal(resolvedKey('/e/app.js', './lib/', byKey, []), undefined);
  });

  test('routers re-exported by a folder index required with a trailing slash are mounted under their prefixes', () => {
    const router = (verb: string, path: string) => `const r = require('express').Router();\nr.${verb}('${path}', (q, s) => s.end());\nmodule.exports = r;\n`;
    const found = collectRoutes(
      [
        { file: '/f/app.js', text: "const express = require('express');\nconst app = express();\napp.use('/v1', require('./routes/v1'));\napp.listen(3000);\n" },
        { file: '/f/routes/v1.js', text: "const router = require('express').Router();\nconst { aRouter, bRouter } = require('./v1/');\nrouter.use('/a', aRouter);\nrouter.use('/b', bRouter);\nmodule.exports = router;\n" },
        { file: '/f/routes/v1/index.js', text: "module.exports = {\n  aRouter: require('./a'),\n  bRouter: require('./b')\n};\n" },
        { file: '/f/routes/v1/a.js', text: router('get', '/x') },
        { file: '/f/routes/v1/b.js', text: router('post', '/:id') },
      ],
      { moduleOf: () => undefined },
    );
    assert.deepEqual(found.routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /v1/a/x', 'POST /v1/b/:id']);
  });
});

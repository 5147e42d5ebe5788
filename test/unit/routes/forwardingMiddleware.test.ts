// Middleware handing the request on to a router (forwardingMiddleware.ts): the router is mounted where
// the middleware is used. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const collect = (files: Record<string, string>) => {
  const { routes, warnings } = collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases: [] },
  );
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
};

suite('forwarding middleware', () => {
  test('app.use(prefix, (req, res, next) => router(req, res, next)) and a function that forwards behind a test: the router mounted there, under the prefix of the use', () => {
    const { routes, warnings } = collect({
      '/s/v2Router.js': "const r = require('express').Router();\nr.get('/items', (req, res) => res.json([]));\nmodule.exports = r;",
      '/s/betaRoutes.js': "const r = require('express').Router();\nr.post('/trial', (req, res) => res.end());\nmodule.exports = r;",
      '/s/server.js': [
        "const express = require('express');",
        "const v2Router = require('./v2Router');",
        "const betaRoutes = require('./betaRoutes');",
        'const app = express();',
        "app.use('/v2', (req, res, next) => v2Router(req, res, next));",
        "app.use('/beta', function (req, res, next) {",
        "  if (!req.headers['x-beta']) return next();",
        '  return betaRoutes(req, res, next);',
        '});',
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /v2/items', 'POST /beta/trial']);
    assert.deepEqual(warnings, []);
  });
});

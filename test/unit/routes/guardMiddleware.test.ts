// Guard middleware mounted with use (guardMiddleware.ts): a function that hands the request on in
// one branch and refuses it with an error status in the other answers nothing of its own. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const routesOf = (text: string): string[] =>
  collectRoutes([{ file: '/s/app.js', text }], { moduleOf: () => undefined, aliases: [] })
    .routes.map((r) => `${r.method} ${r.path}`)
    .sort();

suite('guard middleware', () => {
  test('use(path, fn) whose fn calls next() in one branch and answers only 4xx otherwise is middleware, as the early-return form is; one answering 200 in a branch, or handing the request to another function (which may answer it), stays a route', () => {
    const routes = routesOf(
      [
        "const express = require('express');",
        'const app = express();',
        "app.use('/staff', (req, res, next) => {",
        '  markPrivate(res);',
        "  if (req.get('x-key') === process.env.KEY) {",
        '    next();',
        '  } else {',
        "    res.status(403).json({ error: 'forbidden' });",
        '  }',
        '});',
        "app.use('/members', function (req, res, next) { if (req.session) next(); else res.sendStatus(401); });",
        "app.use('/hello', (req, res, next) => { if (req.query.skip) { next(); } else { res.status(200).send('hi'); } });",
        "app.use('/sso', async (req, res, next) => { if (req.path !== '/') { next(); return; } const ok = await login(req, res); if (!ok) res.status(401).end(); });",
        "app.get('/staff/report', (req, res) => res.json([]));",
        'app.listen(3000);',
      ].join('\n'),
    );
    assert.deepEqual(routes, ['ALL /hello', 'ALL /sso', 'GET /staff/report']);
  });
});

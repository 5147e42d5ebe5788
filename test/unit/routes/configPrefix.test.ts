// Configuration reads inside a prefix's text (values.ts CONFIG_KEY, collect.ts ValueResolver):
// node-config's defaults in template literals and concatenations. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const collect = (files: Record<string, string>, settings: Record<string, string> = {}) => {
  const { routes, warnings } = collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases: [], settings },
  );
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
};

const DOCS_ROUTES = ["const routes = require('express').Router();", "routes.get('/index.html', (req, res) => res.send('docs'));", 'module.exports = routes;'].join('\n');

suite('configuration reads inside a prefix', () => {
  const files = (prefix: string) => ({
    '/s/app.js': ["const config = require('config');", "const express = require('express');", "const docs = require('./docs');", 'const app = express();', `app.use(${prefix}, docs);`].join('\n'),
    '/s/docs.js': DOCS_ROUTES,
  });

  test("node-config's default in a template literal and in a concatenation: the prefix is the default's text with the literal parts", () => {
    const settings = { 'server.basePath': '/portal' };
    assert.deepEqual(collect(files("`${config.get('server.basePath')}/docs`"), settings).routes, ['GET /portal/docs/index.html']);
    assert.deepEqual(collect(files("config.get('server.basePath') + '/guide'"), settings).routes, ['GET /portal/guide/index.html']);
  });

  test("node-config's object read by its properties (config.server.basePath) is the same setting; a property with no default stays unknown", () => {
    const settings = { 'server.basePath': '/portal', 'health.path': '/ping' };
    assert.deepEqual(collect(files('`${config.server.basePath}/docs`'), settings).routes, ['GET /portal/docs/index.html']);
    assert.deepEqual(collect(files('config.health.path'), settings).routes, ['GET /ping/index.html']);
    assert.deepEqual(collect(files('`${config.server.missing}/docs`'), settings).routes, ['GET /…/docs/index.html']);
  });

  test('a key with no default: the prefix is not known, its routes shown under … with its literal parts and warned of', () => {
    const { routes, warnings } = collect(files("`${config.get('server.basePath')}/docs`"));
    assert.deepEqual(routes, ['GET /…/docs/index.html']);
    assert.equal(warnings.length, 1);
  });
});

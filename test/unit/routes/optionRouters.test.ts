// A router handed in as a field of an options object whose declared type (the file's own interface,
// type alias or a literal at the parameter) says it is an app or a router.
import * as assert from 'node:assert/strict';
import { routeLines } from '../helpers/collectText';

const routesOf = (files: Record<string, string>) => routeLines(Object.entries(files).map(([file, text]) => ({ file, text })));

const server = [
  "import express from 'express';",
  "import { buildSite, addExtras, addAdmin } from './site';",
  'const root = express();',
  'buildSite({ host: root, name: "x" });',
  'addExtras({ web: root });',
  'addAdmin({ srv: root });',
  'root.listen(8080);',
].join('\n');

suite('routes: routers in a typed options object', () => {
  test('an interface field typed Express: destructured later, read as options.host, or destructured at the parameter under another name', () => {
    const site = [
      "import type { Express } from 'express';",
      'export interface SiteOptions { host: Express; name: string }',
      'type Extras = { web: Express };',
      'export function buildSite(options: SiteOptions) {',
      '  const { host, name } = options;',
      "  host.get('/status', (req, res) => res.send(name));",
      "  options.host.post('/status/reset', (req, res) => res.end());",
      '}',
      'export function addExtras({ web: site }: Extras) {',
      "  site.delete('/cache', (req, res) => res.end());",
      '}',
      'export function addAdmin(o: { srv: Express }) {',
      "  o.srv.put('/admin/flags', (req, res) => res.end());",
      '}',
    ].join('\n');
    assert.deepEqual(routesOf({ '/p/server.ts': server, '/p/site.ts': site }), ['DELETE /cache', 'GET /status', 'POST /status/reset', 'PUT /admin/flags']);
  });

  test('a field of another type (a client, a string) is no router: its get/post calls stay requests', () => {
    const site = [
      "import type { AxiosInstance } from 'axios';",
      'export interface SiteOptions { host: AxiosInstance; name: string }',
      'export function buildSite(options: SiteOptions) {',
      '  const { host } = options;',
      "  return host.get('/status', { params: {} });",
      '}',
      'export function addExtras() {}',
      'export function addAdmin() {}',
    ].join('\n');
    assert.deepEqual(routesOf({ '/p/server.ts': server, '/p/site.ts': site }), []);
  });
});

// The incident's other half on a real engine: the month-end Workflow page. A small front end
// (React Router-style route objects with a lazy page) is bundled by esbuild in the test, served
// by a container that answers index.html for every path, and judged by the real CLI: the page
// is missing from the served bundle although GET /workflow answers 200, and rebuild fixes it.
import * as assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { checkService, composeUpBuilt, freeLoopbackPort as freePort, runtimeDrift as cli } from './support/runtimeDriftCli';
import { cleanupProject } from './support/cleanupProject';
import { uniqueProjectName } from './support/projectNames';
import { BUSYBOX_NODE } from './support/buildImage';
import type { RebuildResult } from '../../src/core/rebuild';

/** A static server with the SPA fallback every front-end host has: an unknown path gets index.html, 200. */
const SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, 'dist');
http.createServer((req, res) => {
  const file = path.join(root, path.normalize(req.url.split('?')[0]));
  const found = file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile();
  res.writeHead(200, { 'content-type': found && file.endsWith('.js') ? 'text/javascript' : 'text/html' });
  res.end(fs.readFileSync(found ? file : path.join(root, 'index.html')));
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const ROUTER = `export interface RouteObject { path: string; lazy?: () => Promise<unknown> }
export function createBrowserRouter(routes: RouteObject[]): RouteObject[] {
  return routes;
}
`;

function routes(withWorkflow: boolean): string {
  return [
    "import { createBrowserRouter } from './router';",
    '',
    'export const router = createBrowserRouter([',
    "  { path: '/', lazy: () => import('./pages/Home') },",
    ...(withWorkflow ? ["  { path: '/workflow', lazy: () => import('./pages/Workflow') },"] : []),
    ']);',
    '',
  ].join('\n');
}

suite('front-end pages on a real engine: the Workflow page in the served bundle', () => {
  let dir = '';
  let port = 0;
  const project = uniqueProjectName('rdpages');
  const env = { COMPOSE_PROJECT_NAME: project };
  const web = () => path.join(dir, 'dashboard');

  /** What the package.json build script does, run through esbuild's API (no shell, no download). */
  async function bundle(): Promise<void> {
    await rm(path.join(web(), 'dist'), { recursive: true, force: true });
    await build({
      entryPoints: [path.join(web(), 'src', 'main.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      outdir: path.join(web(), 'dist'),
      entryNames: 'assets/[name]-[hash]',
      chunkNames: 'assets/[name]-[hash]',
      logLevel: 'silent',
    });
    await writeFile(path.join(web(), 'dist', 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/main.js"></script>\n');
  }

  const check = () => checkService(dir, 'dashboard', env);

  suiteSetup(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-pages-'));
    port = await freePort();
    await mkdir(path.join(web(), 'src', 'pages'), { recursive: true });
    await writeFile(
      path.join(web(), 'package.json'),
      JSON.stringify({ name: 'dashboard', private: true, scripts: { build: 'esbuild src/main.ts --bundle --splitting --format=esm --minify --outdir=dist --entry-names=assets/[name]-[hash]' }, devDependencies: { esbuild: '*' } }, null, 2),
    );
    await writeFile(path.join(web(), 'src', 'router.ts'), ROUTER);
    await writeFile(path.join(web(), 'src', 'main.ts'), routes(false));
    await writeFile(path.join(web(), 'src', 'pages', 'Home.ts'), "export default function Home(): string {\n  return 'home';\n}\n");
    await writeFile(path.join(web(), 'server.js'), SERVER);
    await writeFile(path.join(web(), 'Dockerfile'), `FROM ${BUSYBOX_NODE}\nWORKDIR /srv\nCOPY server.js ./\nCOPY dist ./dist\nCMD ["node", "server.js"]\n`);
    await writeFile(
      path.join(dir, 'compose.yaml'),
      ['services:', '  dashboard:', '    build: ./dashboard', '    network_mode: host', '    environment:', `      PORT: "${port}"`, ''].join('\n'),
    );
    await bundle();
    await composeUpBuilt(dir, env);
  });

  suiteTeardown(async () => {
    await cleanupProject(project);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('before the feature: the one page is in the bundle the container serves', async () => {
    const { service, code, stdout: text } = await check();
    assert.equal(service.mapping?.bundled, true, text);
    assert.equal(service.mapping?.target, '/srv/dist');
    assert.deepEqual(service.pages.map((p) => [p.path, p.verdict, p.chunk]), [['/', 'served', 'Home']]);
    assert.equal(code, 0, text);
  });

  test('the Workflow page in the source but not in the served bundle: missing, though GET /workflow answers 200 (the SPA fallback)', async () => {
    await writeFile(path.join(web(), 'src', 'pages', 'Workflow.ts'), "export default function Workflow(): string {\n  return 'month-end';\n}\n");
    await writeFile(path.join(web(), 'src', 'main.ts'), routes(true));
    const { service, code } = await check();
    assert.equal(code, 1);
    const workflow = service.pages.find((p) => p.path === '/workflow');
    assert.equal(workflow?.verdict, 'missing');
    assert.equal(workflow?.file, 'dashboard/src/main.ts');
    assert.equal(workflow?.line, 5);
    assert.equal(workflow?.chunk, 'Workflow');
    assert.match(workflow?.evidence ?? '', /built without this page/);
    assert.match(service.summary, /page\(s\) not in the bundle the container serves \(\/workflow\)/);
    assert.equal(service.action?.kind, 'rebuild');
    // Why pages are not probed: the status of /workflow says nothing.
    const answer = await fetch(`http://127.0.0.1:${port}/workflow`);
    assert.equal(answer.status, 200);
    const text = await cli(['check', '--workspace', dir], env);
    assert.match(text.stdout, /an SPA answers 200 for every path/);
    assert.match(text.stdout, /✗ \/workflow/);
  });

  test('bundled and rebuilt: the page and its lazy chunk are served, verified', async () => {
    await bundle();
    const run = await cli(['rebuild', 'dashboard', '--workspace', dir, '--json'], env);
    const result = JSON.parse(run.stdout) as RebuildResult;
    assert.equal(result.verified, true, result.message + run.stderr);
    const workflow = result.after?.pages.find((p) => p.path === '/workflow');
    assert.equal(workflow?.verdict, 'served');
    assert.match(workflow?.evidence ?? '', /chunk assets\/Workflow-[A-Z0-9]+\.js/);
    assert.ok(result.changes.includes('page /workflow missing → served'), result.changes.join('\n'));
  });
});

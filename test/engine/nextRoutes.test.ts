// A Next.js app's own API routes on a real engine: the route handlers in app/api are read from
// source and probed on the running container. Next.js itself is not installed (no download in
// tests): the test's build step writes what `next build` leaves for each handler,
// .next/server/app/<path>/route.js, and the image runs a small stand-in for `next start` that answers
// a path when such a compiled handler exists for it (its dynamic [id] folders matching any segment),
// with the methods it exports, and 404 otherwise, as Next.js does.
import * as assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkService, composeUpBuilt, freeLoopbackPort as freePort, runtimeDrift as cli } from './support/runtimeDriftCli';
import { cleanupProject } from './support/cleanupProject';
import { runCli } from './support/dockerCli';
import { uniqueProjectName } from './support/projectNames';
import { BUSYBOX_NODE } from './support/buildImage';
import type { ServiceReport } from '../../src/core/model';
import type { RebuildResult } from '../../src/core/rebuild';
import { CLOCK_SLACK_MS } from '../../src/core/ladder/evaluate';

/** The stand-in for `next start`: a request reaches a compiled route handler whose folders match its path. */
const SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '.next', 'server', 'app');
function find(dir, segments) {
  if (segments.length === 0) return fs.existsSync(path.join(dir, 'route.js')) ? path.join(dir, 'route.js') : undefined;
  const [head, ...rest] = segments;
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  for (const name of names.filter((n) => n === head).concat(names.filter((n) => /^\\[[^.]+\\]$/.test(n)))) {
    const got = find(path.join(dir, name), rest);
    if (got) return got;
  }
  return undefined;
}
http.createServer((req, res) => {
  const file = find(root, req.url.split('?')[0].split('/').filter(Boolean));
  if (!file) return res.writeHead(404).end('not found');
  const methods = require(file);
  res.writeHead(methods[req.method] ? 200 : 405, { 'content-type': 'application/json' }).end('{}');
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

suite('Next.js route handlers on a real engine: read from source, probed on the container', () => {
  let dir = '';
  const project = uniqueProjectName('rdnext');
  const env = { COMPOSE_PROJECT_NAME: project };
  const web = (...p: string[]) => path.join(dir, 'web', ...p);
  let imageCreated = 0;

  /** What `next build` leaves for each route handler of the source: .next/server/app/<folders>/route.js with its methods. */
  async function nextBuild(handlers: Record<string, string[]>): Promise<void> {
    await rm(web('.next'), { recursive: true, force: true });
    await mkdir(web('.next', 'server', 'app'), { recursive: true });
    await writeFile(web('.next', 'server', 'app', 'page.js'), 'module.exports = {};\n');
    for (const [folder, methods] of Object.entries(handlers)) {
      await mkdir(web('.next', 'server', 'app', ...folder.split('/')), { recursive: true });
      await writeFile(web('.next', 'server', 'app', ...folder.split('/'), 'route.js'), `module.exports = ${JSON.stringify(Object.fromEntries(methods.map((m) => [m, true])))};\n`);
    }
  }

  const check = () => checkService(dir, 'web', env);

  const routesOf = (service: ServiceReport) => service.routes.map((r) => `${r.method} ${r.path} ${r.file}:${r.line} ${r.verdict}`);

  suiteSetup(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-next-'));
    const port = await freePort();
    await mkdir(web('app', 'api', 'health'), { recursive: true });
    await writeFile(web('package.json'), JSON.stringify({ name: 'web', private: true, scripts: { build: 'next build', start: 'next start' }, dependencies: { next: '15.0.0', react: '19.0.0', 'react-dom': '19.0.0' } }, null, 2));
    await writeFile(web('app', 'page.tsx'), 'export default function Home() {\n  return <main>reports</main>;\n}\n');
    await writeFile(web('app', 'api', 'health', 'route.ts'), "export function GET() {\n  return Response.json({ ok: true });\n}\n");
    // The project's name in the image: no layer cached by an earlier run stands for this build (its older creation time would read as source newer than the image).
    await writeFile(web('server.js'), `// ${project}\n${SERVER}`);
    await writeFile(web('Dockerfile'), `FROM ${BUSYBOX_NODE}\nWORKDIR /app\nCOPY server.js ./\nCOPY .next ./.next\nCMD ["node", "server.js"]\n`);
    await writeFile(path.join(dir, 'compose.yaml'), ['services:', '  web:', '    build: ./web', '    network_mode: host', '    environment:', `      PORT: "${port}"`, '    x-runtime-drift:', `      baseUrl: http://127.0.0.1:${port}`, ''].join('\n'));
    await nextBuild({ 'api/health': ['GET'] });
    await composeUpBuilt(dir, env);
  });

  suiteTeardown(async () => {
    await cleanupProject(project);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("before the feature: the handler's GET is a route at its folder's URL, live on the container; the page is served", async () => {
    const { service, code, stdout: text } = await check();
    imageCreated = Date.parse(service.image?.created ?? '');
    assert.deepEqual(routesOf(service), ['GET /api/health web/app/api/health/route.ts:1 live'], text);
    assert.deepEqual(service.pages.map((p) => [p.path, p.verdict]), [['/', 'served']], text);
    assert.equal(code, 0, text);
  });

  test('a new handler in the source, not in the running build: its GET answers 404 (missing), its POST is not sent; rebuild is the fix', async () => {
    // Written later than the image by more than the clock slack, as a change after a build is: a bundle is judged by the image's time.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, imageCreated + CLOCK_SLACK_MS + 500 - Date.now())));
    await mkdir(web('app', 'api', 'reports', '[id]'), { recursive: true });
    await writeFile(web('app', 'api', 'reports', '[id]', 'route.ts'), 'export async function GET() {\n  return Response.json({});\n}\n\nexport async function POST() {\n  return Response.json({});\n}\n');
    const { service, code, stdout: text } = await check();
    assert.deepEqual(routesOf(service), ['GET /api/health web/app/api/health/route.ts:1 live', 'GET /api/reports/:id web/app/api/reports/[id]/route.ts:1 missing', 'POST /api/reports/:id web/app/api/reports/[id]/route.ts:5 not-probed'], text);
    assert.equal(code, 1, text);
    assert.equal(service.action?.kind, 'rebuild', text);
    const human = await cli(['check', '--workspace', dir], env);
    assert.match(human.stdout, /GET \/api\/reports\/:id/);
  });

  test('built and rebuilt: the new route answers, verified', async () => {
    await nextBuild({ 'api/health': ['GET'], 'api/reports/[id]': ['GET', 'POST'] });
    const run = await cli(['rebuild', 'web', '--workspace', dir, '--json'], env);
    const result = JSON.parse(run.stdout) as RebuildResult;
    assert.equal(result.verified, true, result.message + run.stderr);
    const reports = result.after?.routes.find((r) => r.method === 'GET' && r.path === '/api/reports/:id');
    assert.equal(reports?.verdict, 'live', JSON.stringify(result.after?.routes));
  });

  test("a source file touched but not changed reads as newer than the bundle; a rebuild the layer cache serves whole (same image, its creation time unchanged) is judged from that build, so the service is in sync", async () => {
    const before = await check();
    assert.equal(before.service.verdict, 'in-sync', before.stdout);
    const image = before.service.image;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(image.lastTagged ?? image.created ?? '') + CLOCK_SLACK_MS + 500 - Date.now())));
    const now = new Date();
    await utimes(web('app', 'page.tsx'), now, now);
    const touched = await check();
    assert.match(touched.service.summary, /source changed after the image was built/, touched.stdout);
    assert.equal(touched.code, 1, touched.stdout);
    const build = await runCli('docker-compose', ['build', 'web'], { cwd: dir, env: { ...env, DOCKER_BUILDKIT: '0' }, timeoutMs: 300_000 });
    assert.equal(build.code, 0, build.stderr);
    const after = await check();
    assert.equal(after.service.image.id, image.id, 'every step came from the cache: the same image');
    assert.equal(after.service.image.created, image.created);
    assert.ok(Date.parse(after.service.image.lastTagged ?? '') >= now.getTime() - CLOCK_SLACK_MS, after.stdout);
    assert.equal(after.service.verdict, 'in-sync', after.stdout);
    assert.equal(after.code, 0, after.stdout);
  });
});

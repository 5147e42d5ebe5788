import assert from 'node:assert/strict';
import { formatReport, formatService, routeAnswer } from '../../../src/core/report/text';
import type { ModuleReport, PageReport, RouteReport, ServiceReport } from '../../../src/core/model';
import { idleDb, moduleReport, route as reportRoute, rungs, sampleReport, staleApi, syncedWeb } from '../vscode/sampleReport';

const route = (over: Partial<RouteReport>): RouteReport => ({
  method: 'GET', path: '/x', module: null, file: null, line: null, status: null, authStatus: null,
  verdict: 'not-probed', authVerdict: null, detail: null, ...over,
});

suite('report text: a route\'s answer', () => {
  test('a route not sent says why once, without nested brackets', () => {
    assert.equal(routeAnswer(route({ detail: 'probing disabled (--no-probe)' })), 'not sent: probing disabled (--no-probe)');
    assert.equal(routeAnswer(route({ detail: 'POST not sent: opt in with probe.methods' })), 'POST not sent: opt in with probe.methods');
    assert.equal(routeAnswer(route({})), 'not sent: not-probed');
  });

  test('a route under a prefix not known statically shows why it was not sent and what fixes it', () => {
    const detail = 'prefix not known statically: not sent, since a guessed URL would answer 404; list the route with its full path in x-runtime-drift.routes';
    assert.equal(routeAnswer(route({ path: '/…/users/:id', prefixUnknown: true, detail })), detail);
  });

  test('an answer shows its status, verdict and the answer with the token', () => {
    assert.equal(routeAnswer(route({ status: 401, verdict: 'needs-auth', authStatus: 200 })), '401 needs-auth, with token 200');
    assert.equal(routeAnswer(route({ verdict: 'unreachable', detail: 'connect ECONNREFUSED 127.0.0.1:3300' })), 'unreachable (connect ECONNREFUSED 127.0.0.1:3300)');
  });
});

// A project as users have them, nothing running: many modules whose ladders say the same thing,
// hundreds of routes not sent, a dozen warnings. (Hand-built; no repository's code.)
const skip = (evidence: string) => ({ status: 'skip' as const, evidence });
function idleModule(name: string, hasRoutes: boolean): ModuleReport {
  return moduleReport({
    name,
    source: `server/${name}`,
    target: `/app/server/${name}`,
    rungs: {
      source: { status: 'pass', evidence: `3 source file(s) in server/${name}` },
      build: skip('no local build output to compare (the image builds from source)'),
      image: skip('image shop-api not built yet: starting the service builds it'),
      container: skip('no container for service api: not running'),
      route: skip(hasRoutes ? 'routes not probed: probing disabled (--no-probe)' : 'no routes declared in this module'),
      auth: skip(hasRoutes ? 'no auth.bearerTokenEnv configured' : 'no routes declared in this module'),
    },
  });
}
const MODULE_NAMES = ['endpoints', ...Array.from({ length: 15 }, (_, i) => `endpoints/api/part${i}`), ...Array.from({ length: 12 }, (_, i) => `utils/tool${i}`)];
function idleApi(over: Partial<ServiceReport> = {}): ServiceReport {
  return idleDb({
    name: 'api',
    project: 'shop',
    summary: 'not running (no container); image shop-api not built',
    image: { ref: 'shop-api', id: null, created: null },
    mapping: { sourceRoot: '/ws/server', target: '/app/server', bundled: false, evidence: [] },
    baseUrl: 'http://127.0.0.1:3001',
    modules: MODULE_NAMES.map((n) => idleModule(n, !n.startsWith('utils/'))),
    routes: Array.from({ length: 300 }, (_, i) =>
      reportRoute({ path: `/api/thing${i}`, module: i < 200 ? 'endpoints' : `endpoints/api/part${i % 15}`, status: null, verdict: 'not-probed', detail: 'probing disabled (--no-probe)' }),
    ),
    warnings: Array.from({ length: 12 }, (_, i) => `server/router${i}.js:${i + 1}: router.get path is not a string known statically; route skipped (list it in x-runtime-drift.routes)`),
    fix: 'start it (not running): docker compose up -d api',
    action: { kind: 'start', label: 'Start api', steps: [['up', '-d', 'api']], command: 'docker compose up -d api' },
    ...over,
  });
}
const textOf = (s: ServiceReport, verbose = false): string[] => formatService(s, { verbose });
const count = (lines: readonly string[], needle: string): number => lines.filter((l) => l.includes(needle)).length;

suite('report text: one screen per service', () => {
  test('modules whose rungs say the same are said once, with their names compacted and each different evidence counted', () => {
    const text = textOf(idleApi());
    assert.equal(count(text, 'image shop-api not built yet'), 1, text.join('\n'));
    assert.equal(count(text, 'no container for service api'), 1);
    assert.ok(text.includes('  28 modules: endpoints (+15 below), utils/tool0, utils/tool1, utils/tool2, utils/tool3, utils/tool4, utils/tool5, utils/tool6, … and 5 more'), text.join('\n'));
    assert.ok(text.includes('    source ✓ · build - · image - · container - · route - · auth -'), text.join('\n'));
    assert.ok(text.includes('    - route     routes not probed: probing disabled (--no-probe)  [16 modules]'), text.join('\n'));
    assert.ok(text.includes('    - route     no routes declared in this module  [12 modules]'), text.join('\n'));
    assert.equal(count(text, '  module '), 0, 'no module is listed rung by rung');
    assert.ok(text.length <= 30, `${text.length} lines:\n${text.join('\n')}`);
  });

  test('the verdict and the fix come first; the action is not repeated when the fix carries its command', () => {
    const text = textOf(idleApi());
    assert.equal(text[0], 'shop/api  NOT-RUNNING  not running (no container); image shop-api not built');
    assert.equal(text[1], '  fix: start it (not running): docker compose up -d api');
    assert.equal(text[2], '  container: none · image: shop-api (not found)');
    assert.equal(count(text, 'action:'), 0);
    const other = textOf(idleApi({ fix: 'read its logs first', action: { kind: 'start', label: 'Start api', steps: [['up', '-d', 'api']], command: 'docker compose up -d api' } }));
    assert.equal(other[2], '  action: Start api (docker compose up -d api)');
  });

  test('an image running several programs: each other program\'s mapping is a line under the mapping', () => {
    const worker = { sourceRoot: '/ws/worker', target: '/app/worker', bundled: false, evidence: [] };
    const web = { sourceRoot: '/ws/web/src', target: '/app/web/.next', bundled: true, evidence: [] };
    const text = textOf(idleApi({ mapping: { sourceRoot: '/ws/server', target: '/app/server', bundled: false, evidence: [], programs: [worker, web] } }));
    const at = text.indexOf('  mapping: /ws/server → /app/server');
    assert.deepEqual(text.slice(at, at + 3), ['  mapping: /ws/server → /app/server', '  also runs: /ws/worker → /app/worker', '  also runs: /ws/web/src → /app/web/.next (bundled: judged by image build time, not file by file)'], text.join('\n'));
    assert.equal(count(textOf(idleApi()), 'also runs'), 0);
  });

  test('a source root inside the checked folder is shown relative to it; --verbose lists under the mapping how it was found', () => {
    const mapping = { sourceRoot: '/ws/server', target: '/app/server', bundled: false, evidence: ['target from Dockerfile COPY server /app/server'] };
    const inFull = formatService(idleApi({ mapping }), { verbose: true, workspace: '/ws' });
    const at = inFull.indexOf('  mapping: server → /app/server');
    assert.deepEqual(inFull.slice(at, at + 2), ['  mapping: server → /app/server', '    · target from Dockerfile COPY server /app/server'], inFull.join('\n'));
    assert.equal(count(formatService(idleApi({ mapping }), { workspace: '/ws' }), '    · target'), 0);
    assert.equal(count(formatService(idleApi({ mapping }), { workspace: '/elsewhere' }), 'mapping: /ws/server → /app/server'), 1);
    assert.equal(count(formatService(idleApi({ mapping: { ...mapping, sourceRoot: '/ws' } }), { workspace: '/ws' }), 'mapping: . → /app/server'), 1);
  });

  test('the base URL is shown where routes or pages are probed at it, not for a service with none (a database on its published port)', () => {
    assert.equal(count(textOf(idleDb({ baseUrl: 'http://127.0.0.1:5432' })), 'base URL'), 0);
    assert.equal(count(textOf(idleApi()), 'base URL: http://127.0.0.1:3001'), 1);
  });

  test('a summary naming dozens of failing modules is cut at a comma (--verbose prints it whole)', () => {
    const summary = `not running (no container); module(s) ${Array.from({ length: 60 }, (_, i) => `frontend/js/features/part${i} (build)`).join(', ')}`;
    const [first] = textOf(idleApi({ summary }));
    assert.ok(first?.endsWith('(build), … (--verbose for all)'), first);
    assert.ok((first?.length ?? 0) < 450, `${first?.length} characters`);
    assert.equal(textOf(idleApi({ summary }), true)[0], `shop/api  NOT-RUNNING  ${summary}`);
    assert.equal(textOf(idleApi())[0], 'shop/api  NOT-RUNNING  not running (no container); image shop-api not built', 'a short one is whole');
  });

  test('a module that fails is shown in full, before the modules that read alike', () => {
    const failing = moduleReport({ name: 'workflow', rungs: rungs('container', true), firstFailure: 'container', fix: 'docker compose up -d api' });
    const text = textOf(idleApi({ modules: [...MODULE_NAMES.map((n) => idleModule(n, true)), failing] }));
    const full = text.indexOf('  module workflow  backend/src/modules/workflow → /app/dist/modules/workflow');
    assert.ok(full > 0, text.join('\n'));
    assert.ok(full < text.findIndex((l) => l.startsWith('  28 modules')), text.join('\n'));
    assert.deepEqual(text.slice(full + 1, full + 8), [
      '    ✓ source    source ok',
      '    ✓ build     build ok',
      '    ✓ image     image ok',
      '    ✗ container expected /app/dist/modules/workflow, container 3f2a has no such path; image 9c1e has it',
      '    - route     not checked after a failure',
      '    - auth      not checked after a failure',
      '    first failure: container → fix: docker compose up -d api',
    ]);
  });

  test('modules failing alike are one group that names each failing module with its evidence, the first ten of them', () => {
    const failingAt = (name: string) => moduleReport({ name, rungs: { ...rungs('build'), build: { status: 'fail', evidence: `local build output lacks the compiled form of ${name}/a.ts: run the build` } }, firstFailure: 'build', fix: 'run the build' });
    const text = textOf(idleApi({ modules: Array.from({ length: 12 }, (_, i) => failingAt(`m${i}`)) }));
    assert.ok(text.includes('    ✗ build     m0: local build output lacks the compiled form of m0/a.ts: run the build'), text.join('\n'));
    assert.ok(text.includes('    ✗ build     m9: local build output lacks the compiled form of m9/a.ts: run the build'));
    assert.equal(count(text, 'm10/a.ts'), 0);
    assert.ok(text.includes('    ✗ build     … and 2 more modules (--verbose lists them)'), text.join('\n'));
    assert.equal(count(text, 'first failure: build → fix: run the build'), 1);
  });

  test('routes not sent are counted by reason and by module, not listed', () => {
    const text = textOf(idleApi());
    assert.ok(text.includes('  routes (300):'), text.join('\n'));
    assert.ok(text.includes('    - 300 not sent: probing disabled (--no-probe)'), text.join('\n'));
    assert.ok(text.includes('    by module: endpoints 200, endpoints/api/part5 7, endpoints/api/part6 7, endpoints/api/part7 7, endpoints/api/part8 7, endpoints/api/part9 7, … and 10 more'), text.join('\n'));
    assert.equal(count(text, '/api/thing'), 0);
  });

  test('routes that failed are named one by one, all of them; those that answered as declared are counted by answer', () => {
    const routes = [
      reportRoute({ path: '/api/v1/workflows/steps/definitions', module: 'workflow', status: 404, verdict: 'missing' }),
      reportRoute({ path: '/api/report', status: 502, verdict: 'broken' }),
      reportRoute({ path: '/api/admin', status: 401, verdict: 'needs-auth', authStatus: 403, authVerdict: 'needs-auth' }),
      ...Array.from({ length: 40 }, (_, i) => reportRoute({ path: `/api/ok${i}`, status: 200, verdict: 'live' as const })),
      ...Array.from({ length: 3 }, (_, i) => reportRoute({ path: `/api/private${i}`, status: 401, verdict: 'needs-auth' as const, authStatus: 200, authVerdict: 'live' as const })),
      reportRoute({ method: 'POST', path: '/api/runs', status: null, verdict: 'not-probed', detail: 'POST not sent: opt in with --probe-method' }),
    ];
    const text = textOf(staleApi({ routes }));
    assert.ok(text.some((l) => /^ {4}✗ GET \/api\/v1\/workflows\/steps\/definitions\s+404 missing {2}\[workflow\]$/.test(l)), text.join('\n'));
    assert.ok(text.some((l) => /^ {4}✗ GET \/api\/report\s+502 broken$/.test(l)), text.join('\n'));
    assert.ok(text.some((l) => /^ {4}✗ GET \/api\/admin\s+401 needs-auth, with token 403$/.test(l)), text.join('\n'));
    assert.ok(text.includes('    ✓ 43 answered as declared: 40× 200 live · 3× 401 needs-auth, with token 200'), text.join('\n'));
    assert.ok(text.includes('    - 1 POST not sent: opt in with --probe-method'), text.join('\n'));
    assert.equal(count(text, '/api/ok'), 0);
  });

  test("many routes with the same no-answer are one line (the reason is the service's); a few are named", () => {
    const unreachable = (n: number) => Array.from({ length: n }, (_, i) => reportRoute({ path: `/r${i}`, status: null, verdict: 'unreachable', detail: 'connect ECONNREFUSED 127.0.0.1:3001' }));
    const many = textOf(staleApi({ routes: unreachable(11) }));
    assert.ok(many.includes('    ✗ 11 unreachable (connect ECONNREFUSED 127.0.0.1:3001)'), many.join('\n'));
    assert.equal(count(many, '/r1'), 0);
    const few = textOf(staleApi({ routes: unreachable(10) }));
    assert.equal(few.filter((l) => /^ {4}✗ GET \/r\d+\s+unreachable/.test(l)).length, 10, few.join('\n'));
  });

  test('pages: each missing one named, the served counted, those not judged counted by why', () => {
    const page = (path: string, verdict: PageReport['verdict'], evidence: string): PageReport => ({ path, framework: 'react-router', file: 'web/src/router.tsx', line: 3, chunk: null, verdict, evidence });
    const pages = [
      page('/workflow', 'missing', '/workflow is not in /srv/assets/index.js'),
      ...Array.from({ length: 20 }, (_, i) => page(`/p${i}`, 'served', `/p${i} is in /srv/assets/index.js`)),
      ...Array.from({ length: 4 }, (_, i) => page(`/lazy${i}`, 'unknown', 'chunk Lazy.js could not be read')),
      page('/odd', 'unknown', 'the bundle is over 5 MB'),
    ];
    const text = textOf(syncedWeb({ pages }));
    assert.ok(text.some((l) => /^ {4}✗ \/workflow\s+\/workflow is not in \/srv\/assets\/index\.js {2}\[web\/src\/router\.tsx:3\]$/.test(l)), text.join('\n'));
    assert.ok(text.includes('    ? 4 not judged: chunk Lazy.js could not be read'), text.join('\n'));
    assert.ok(text.some((l) => /^ {4}\? \/odd\s+the bundle is over 5 MB/.test(l)), text.join('\n'));
    assert.ok(text.includes('    ✓ 20 served'), text.join('\n'));
    assert.equal(count(text, '/p1'), 0);
    assert.equal(count(textOf(syncedWeb({ pages }), true), ' is in /srv/assets/index.js'), 20, '--verbose lists every page');
  });

  test('warnings: a count and the first five, --verbose lists all', () => {
    const text = textOf(idleApi());
    assert.ok(text.includes('  warnings (12):'));
    assert.equal(count(text, 'router.get path is not a string known statically'), 5);
    assert.ok(text.includes('    … 7 more (--verbose lists all)'), text.join('\n'));
    assert.equal(count(textOf(idleApi(), true), 'router.get path is not a string known statically'), 12);
  });

  test('--verbose lists every module rung by rung and every route', () => {
    const text = textOf(idleApi(), true);
    assert.equal(count(text, '  module '), 28);
    assert.equal(count(text, 'image shop-api not built yet'), 28);
    assert.equal(count(text, 'not sent: probing disabled (--no-probe)'), 300);
    assert.equal(count(text, 'router.get path is not a string known statically'), 12, 'every warning');
    assert.equal(text.at(-2), '  fix: start it (not running): docker compose up -d api');
    assert.equal(text.at(-1), '  action: Start api (docker compose up -d api)');
  });

  test('several services end with a summary of each state and fix, those with something to do first', () => {
    const report = sampleReport({ verdict: 'not-running', services: [syncedWeb(), idleApi(), idleDb()] });
    const lines = formatReport(report).trimEnd().split('\n');
    const at = lines.indexOf('summary (3 services):');
    assert.ok(at > 0, lines.join('\n'));
    assert.deepEqual(lines.slice(at + 1), [
      '  shop/api       NOT-RUNNING  fix: start it (not running): docker compose up -d api',
      '  demo/postgres  NOT-RUNNING  fix: start it (not running): docker compose up -d postgres',
      '  demo/web       IN-SYNC',
      '',
      'verdict: not-running',
    ]);
    assert.equal(formatReport(sampleReport({ services: [idleDb()] })).includes('summary'), false, 'one service needs no summary');
    assert.equal(formatReport(report, { verbose: true }).includes('summary'), false, '--verbose prints the full listing as before');
  });

  test('compose files not checked (variants beside a base file, nothing running from them) are named before the verdict, with the flag that checks one; none, no line', () => {
    const lines = formatReport(sampleReport({ services: [idleDb()], composeFilesNotRead: ['docker-compose.dev.yaml', 'deploy/docker-compose-multi.yaml'] })).trimEnd().split('\n');
    assert.deepEqual(lines.slice(-4), [
      'not checked (2): docker-compose.dev.yaml, deploy/docker-compose-multi.yaml',
      '  variants beside a base compose file, run with -f; nothing runs from them. Check one with --compose-file docker-compose.dev.yaml (repeatable, merged like docker compose -f)',
      '',
      'verdict: drift',
    ]);
    assert.equal(formatReport(sampleReport({ services: [idleDb()] })).includes('not checked'), false);
  });
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { compareConfig } from '../../../src/core/config/configDrift';
import { probeDetailText } from '../../../src/core/ladder/format';
import type { ContainerConfig, DeclaredConfig, RouteDef, ServiceReport, ServiceSpec } from '../../../src/core/model';
import { judgePages, spaNote } from '../../../src/core/pages/judgePages';
import { classifyError, describeNotFound } from '../../../src/core/probe/classify';
import { decideProbe, resolveBaseUrl } from '../../../src/core/probe/policy';
import { probeRoutes } from '../../../src/core/probe/runProbes';
import { NO_TRUST, probeDestination, refuseTokenVariable } from '../../../src/core/probe/trust';
import { diffServices } from '../../../src/core/rebuild';
import { createDockerEngine } from '../../../src/engine/dockerEngine';
import { accentedBundle, englishLeft, pseudoBundle, spyOn, untranslated } from './pseudo';
import { staleApi } from '../vscode/sampleReport';

/** The words of the cases' inputs below: names, hosts, variables, values, paths. */
const SOURCE_OF_CASES = 'api demo ws compose yaml ftp http build lan SECRET_KEY MODE GONE EXTRA TOKEN_X API_KEY API_TOKEN TOKEN on off command environment user labels here lazy nowhere srv index js Lazy Other web src App tsx Cannot exited workflow users abc unix tmp rd l10n no engine sock connect ENOENT fd';

const spec = (over: Partial<ServiceSpec>): ServiceSpec => ({ name: 'api', project: 'demo', projectDir: '/ws', composeFiles: ['/ws/compose.yaml'], ports: [], drift: {}, ...over });
const route = (method: RouteDef['method'], path = '/a'): RouteDef => ({ method, path, origin: 'source' });
const code = (c: string, name = 'Error'): Error => Object.assign(new Error(`some ${c}`), { code: c, name });

function baseUrlTexts(): string[] {
  const tcp = (published?: number, hostIp?: string) => ({ target: 3000, protocol: 'tcp' as const, ...(published ? { published } : {}), ...(hostIp ? { hostIp } : {}) });
  return [
    spec({ drift: { baseUrl: 'ftp://x' } }),
    spec({ drift: { baseUrl: 'http://127.0.0.1:1' } }),
    spec({ networkMode: 'host' }),
    spec({ networkMode: 'host', ports: [tcp()] }),
    spec({ ports: [tcp()] }),
    spec({ ports: [tcp(8080, '127.0.0.1')] }),
    spec({ ports: [tcp(8080)] }),
  ]
    .map((s) => resolveBaseUrl(s).evidence)
    .concat(resolveBaseUrl(spec({ networkMode: 'host', ports: [tcp()] }), 'build.lan').evidence, resolveBaseUrl(spec({ ports: [tcp(8080)] }), 'build.lan').evidence)
    .filter((e) => !e.startsWith('x-runtime-drift.baseUrl http'));
}

function probeTexts(): string[] {
  const out = [decideProbe(route('POST'), { allowedMethods: ['GET'] }), decideProbe(route('ALL'), { allowedMethods: [] })].map((d) => (d.send ? '' : d.reason));
  for (const c of ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_ABORTED', 'ABORT_ERR', 'UND_ERR_SOCKET', 'ECONNRESET', 'ETIMEDOUT']) out.push(classifyError(code(c)).detail ?? '');
  out.push(classifyError(Object.assign(new Error('t'), { name: 'TimeoutError' })).detail ?? '', classifyError(Object.assign(new Error('a'), { name: 'AbortError' })).detail ?? '');
  out.push(classifyError(new Error('socket hang up')).detail ?? '', describeNotFound('Cannot GET /x'));
  for (const url of ['nonsense', 'ftp://x', 'http://10.0.0.5:80']) {
    const d = probeDestination(url, NO_TRUST);
    out.push(d.allowed ? '' : d.reason);
  }
  out.push(refuseTokenVariable('API_TOKEN', NO_TRUST) ?? '', probeDetailText('not running') ?? '', probeDetailText('not running (container exited)') ?? '');
  return out;
}

/** What the engine client says when the engine cannot be used: a host it does not support, a socket nobody listens on. */
async function engineTexts(): Promise<string[]> {
  const said: string[] = [];
  for (const host of ['fd://', `unix:///tmp/rd-l10n-no-engine-${process.pid}.sock`]) {
    const engine = createDockerEngine({ host, env: {} });
    await engine.ping().catch((err: unknown) => said.push(err instanceof Error ? err.message : String(err)));
    await engine.close();
  }
  return said;
}

const allTexts = async (): Promise<string[]> => [...baseUrlTexts(), ...probeTexts(), ...(await probeRunTexts()), ...configTexts(), ...pageTexts(), ...rebuildTexts(), ...(await engineTexts())];

async function probeRunTexts(): Promise<string[]> {
  const prober = { probe: async () => ({ status: null, verdict: 'unreachable' as const, detail: 'x' }) };
  const cancelled = new AbortController();
  cancelled.abort();
  const remote = await probeRoutes(prober, 'http://build.lan:80', [route('GET')], { allowedMethods: ['GET'], trust: { ...NO_TRUST, engineHost: 'build.lan' }, bearerToken: 't' });
  const stopped = await probeRoutes(prober, 'http://127.0.0.1:1', [route('GET')], { allowedMethods: ['GET'], trust: NO_TRUST, signal: cancelled.signal });
  const results = [...remote.values(), ...stopped.values()];
  return results.flatMap((r) => [r.outcome.detail ?? '', r.auth?.detail ?? '']).filter(Boolean);
}

function configTexts(): string[] {
  const declared: DeclaredConfig = { environment: { SECRET_KEY: 'a', MODE: 'on', GONE: 'x' }, environmentFrom: {}, exposed: [], published: {}, volumes: {}, labels: {}, command: ['a'] };
  const seen: ContainerConfig = { image: 'i', env: ['SECRET_KEY=b', 'MODE=off', 'EXTRA=1'], cmd: null, entrypoint: null, exposed: [], published: {}, volumes: {}, labels: {}, healthcheck: null, user: '', workingDir: '', imageDefaults: null };
  const marked = compareConfig({ ...declared, environment: { TOKEN_X: 'a' } }, { ...seen, env: [] }, { secretVariables: ['TOKEN_X'] });
  return [...compareConfig(declared, seen), ...marked, ...compareConfig({ ...declared, environment: {} }, { ...seen, env: ['API_KEY=1'] })].map((d) => d.evidence);
}

function pageTexts(): string[] {
  const page = (path: string, chunk?: string) => ({ path, framework: 'react-router' as const, file: '/ws/web/src/App.tsx', line: 3, ...(chunk ? { chunk } : {}) });
  const served = (truncated: boolean) => ({ root: '/srv', files: new Set(['/srv/index.js', '/srv/Lazy-1.js']), texts: new Map([['/srv/index.js', '"/here" "/lazy" "/gone"']]), truncated });
  const pages = [page('/here'), page('/lazy', 'Lazy'), page('/lazy', 'Other'), page('/nowhere')];
  return [...judgePages(pages, served(false), 'unused', (p) => p), ...judgePages([page('/nowhere')], served(true), 'unused', (p) => p)].map((p) => p.evidence).concat(spaNote());
}

function rebuildTexts(): string[] {
  const before: ServiceReport = staleApi({
    routes: [{ method: 'GET', path: '/a', module: null, file: null, line: null, status: null, authStatus: null, verdict: 'unreachable', authVerdict: null, detail: null }],
    configDrift: [
      { field: 'command', compose: 'a', container: 'b', hidden: false, evidence: '', file: null, line: null },
      { field: 'environment.TOKEN', compose: null, container: null, hidden: true, evidence: '', file: null, line: null },
      { field: 'user', compose: 'a', container: null, hidden: false, evidence: '', file: null, line: null },
    ],
    pages: [{ path: '/p', framework: 'react-router', verdict: 'missing', evidence: '', file: 'f', line: 1, chunk: null }],
  });
  const after: ServiceReport = {
    ...before,
    staleContainer: false,
    container: before.container ? { ...before.container, id: 'd00d' } : null,
    image: { ...before.image, id: null },
    modules: before.modules.map((m) => ({ ...m, firstFailure: m.firstFailure ? null : 'container' })),
    routes: before.routes.map((r) => ({ ...r, status: 200, authStatus: 200, verdict: 'live' })),
    configDrift: [{ ...before.configDrift[1]! }, { ...before.configDrift[2]!, container: 'c' }, { field: 'labels.x', compose: 'a', container: null, hidden: false, evidence: '', file: null, line: null }],
    pages: before.pages.map((p) => ({ ...p, verdict: 'served' })),
    missingFiles: [],
  };
  const gone: ServiceReport = { ...after, container: null, image: { ...after.image, id: 'sha256:abc' } };
  return [...diffServices(before, after), ...diffServices(after, gone)];
}

suite('translations of the report texts beside the ladder (probes, config drift, pages, rebuild changes)', () => {
  teardown(() => l10n.config({ contents: {} }));

  test('with a bundle configured, each is made of translated messages only, and each message asked is in the bundle', async () => {
    const bundle = pseudoBundle();
    const asked = spyOn(bundle);
    const texts = await allTexts();
    assert.ok(texts.length > 40, `only ${texts.length} texts`);
    for (const text of texts) assert.equal(untranslated(text), '', `"${text}"`);
    assert.deepEqual([...asked].filter((k) => !(k in bundle)), [], 'keys built at run time that extraction did not find: run npm run l10n');
  });

  test('no English is left unsaid through the bundle, even inside another message', async () => {
    l10n.config({ contents: accentedBundle() });
    // Data: what the cases put in (names, values, hosts, variables, paths), never a sentence.
    const data = `${SOURCE_OF_CASES} RUNTIME_DRIFT_ALLOW_ORIGINS RUNTIME_DRIFT_TOKEN_ENVS GET POST ALL`;
    for (const text of await allTexts()) assert.deepEqual(englishLeft(text, data), [], `"${text}"`);
  });

  test('without a bundle they are the English source, with no marks', async () => {
    const texts = (await allTexts()).join('\n');
    assert.ok(!texts.includes('⟪'));
    assert.match(texts, /only GET\/HEAD are sent by default; opt in for POST/);
    assert.match(texts, /environment\.MODE: compose says `on`, container has `off`/);
  });

  test('the engine side says no character beyond Latin-1 in a tagged l10n.t template (esbuild escapes them everywhere else; one would make dist/engine.js a two-byte source in the extension host)', () => {
    const root = path.resolve(__dirname, '../../../src');
    const files = ['core', 'engine'].flatMap((dir) => (readdirSync(path.join(root, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.startsWith('view')).map((f) => path.join(dir, f)));
    const found: string[] = [];
    for (const file of files) {
      for (const [i, line] of readFileSync(path.join(root, file), 'utf8').split('\n').entries()) {
        const tagged = line.indexOf('l10n.t`');
        if (tagged >= 0 && /[^\u0000-\u00ff]/.test(line.slice(tagged))) found.push(`${file}:${i + 1}`);
      }
    }
    assert.ok(files.length > 100, `only ${files.length} files read`);
    assert.deepEqual(found, [], "use l10n.t('… {0} …', args) there: a plain string esbuild escapes");
  });
});

import assert from 'node:assert/strict';
import { commandUri } from '../../../src/core/view/commandLink';
import { renderReportMarkdown } from '../../../src/core/view/reportDocument';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBE_METHODS } from '../../../src/core/model';
import { LISTING_METHODS } from '../../../src/core/ports';
import { allowedMethods, changed, CONFIG_KEYS, CONFIG_SECTION, parseConfig } from '../../../src/core/settings';
import { chosenContainer, toServiceRef } from '../../../src/core/view/serviceRef';
import { shortId, timeAgo } from '../../../src/core/ladder/format';
import { idleDb, NOW, sampleReport, staleApi, WS } from './sampleReport';
import { formatReport } from '../../../src/core/report/text';

suite('settings', () => {
  test('defaults when nothing is set; GET and HEAD are always allowed, other methods only by opt-in', () => {
    const config = parseConfig(() => undefined);
    assert.deepEqual(config, {
      engineHost: '',
      probe: { enabled: true, timeoutMs: 3000, methods: [], allowedOrigins: [], tokenVariables: [] },
      engineHostFromWorkspace: false,
      autoCheckOnSave: true,
      exclude: [],
      composeFiles: [],
      listing: 'auto',
      problems: { enabled: true },
      scanCache: true,
    });
    assert.equal(parseConfig((k) => (k === 'problems.enabled' ? false : undefined)).problems.enabled, false);
    assert.deepEqual(allowedMethods(config), ['GET', 'HEAD']);
    const optIn = parseConfig((k) => (k === 'probe.methods' ? ['post', 'BOGUS', 'POST'] : undefined));
    assert.deepEqual(allowedMethods(optIn), ['GET', 'HEAD', 'POST']);
    const fromWorkspace = parseConfig((k) => (k === 'engineHost' ? 'tcp://evil.example:2375' : undefined), (k) => k === 'engineHost');
    assert.equal(fromWorkspace.engineHostFromWorkspace, true);
  });

  test('bad values fall back to defaults', () => {
    const config = parseConfig((k) => ({ 'probe.timeoutMs': -1, engineHost: 42, exclude: ['a', 3, ''] } as Record<string, unknown>)[k]);
    assert.equal(config.probe.timeoutMs, 3000);
    assert.equal(config.engineHost, '');
    assert.deepEqual(config.exclude, ['a']);
    assert.equal(parseConfig((k) => (k === 'listing' ? 'exec-everything' : undefined)).listing, 'auto');
    assert.equal(parseConfig((k) => (k === 'listing' ? 'archive' : undefined)).listing, 'archive');
  });

  test('changed() is true without an event (activation) and follows affectsConfiguration otherwise', () => {
    assert.equal(changed(undefined, 'engineHost'), true);
    const e = { affectsConfiguration: (s: string) => s === 'runtimeDrift.probe.enabled' };
    assert.equal(changed(e, 'probe.enabled'), true);
    assert.equal(changed(e, 'engineHost'), false);
  });

  test('the settings package.json contributes are the ones the code reads, with the same methods and listing modes', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { enum?: string[]; items?: { enum?: string[] } }> } };
    };
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), CONFIG_KEYS.map((k) => `${CONFIG_SECTION}.${k}`).sort());
    assert.deepEqual(properties[`${CONFIG_SECTION}.listing`]?.enum, [...LISTING_METHODS]);
    assert.deepEqual(properties[`${CONFIG_SECTION}.probe.methods`]?.items?.enum, PROBE_METHODS.filter((m) => m !== 'GET' && m !== 'HEAD'));
  });
});

suite('small text helpers', () => {
  test('command URIs carry JSON args encoded', () => {
    assert.equal(commandUri('runtimeDrift.showReport'), 'command:runtimeDrift.showReport');
    assert.equal(commandUri('x', { a: 'b c' }), `command:x?${encodeURIComponent('[{"a":"b c"}]')}`);
  });

  test('a command argument may be a ref, a tree node carrying one, or nothing usable', () => {
    const ref = { workspace: WS, project: 'demo', service: 'api' };
    assert.deepEqual(toServiceRef(ref), ref);
    assert.deepEqual(toServiceRef({ id: 'node', ref }), ref);
    assert.equal(toServiceRef(undefined), undefined);
    assert.equal(toServiceRef({ service: 'api' }), undefined);
  });

  test('relative times and short ids', () => {
    assert.equal(timeAgo('2024-05-01T11:59:30Z', NOW), 'just now');
    assert.equal(timeAgo('2024-05-01T11:55:00Z', NOW), '5 min ago');
    assert.equal(timeAgo('2024-04-28T12:00:00Z', NOW), '3 d ago');
    assert.equal(timeAgo(null, NOW), undefined);
    assert.equal(shortId('sha256:9c1e2d3f4a5b6c7d8e9f'), '9c1e2d3f4a5b');
  });

  test('the report document lists the ladder, routes and missing files with their fix', () => {
    const md = renderReportMarkdown([sampleReport()]);
    assert.match(md, /## demo \/ api — drift/);
    assert.match(md, /### Module workflow — first failing rung: container/);
    assert.match(md, /\| GET \| \/api\/v1\/workflows\/steps\/definitions \| 404 \| not found \|/);
    assert.match(md, /workflow\.controller\.ts — in the newest image \(fix: recreate\)/);
    assert.match(md, /\*\*Fix:\*\* `docker compose build api && docker compose up -d api`/);
  });

  test('the report document shows each mapping of an image starting several programs, the primary first, each with its evidence', () => {
    const worker = { sourceRoot: '/ws/worker/src', target: '/app/worker', bundled: false, evidence: ['one of the programs the image starts: node worker/main.js (in /app)'] };
    const md = renderReportMarkdown([sampleReport({ services: [staleApi({ mapping: { sourceRoot: '/ws/backend/src', target: '/app/dist', bundled: false, evidence: ['target from Dockerfile COPY'], programs: [worker] } })] })]);
    assert.match(md, /- Mapping: \/ws\/backend\/src → \/app\/dist\n  - target from Dockerfile COPY\n- Mapping: \/ws\/worker\/src → \/app\/worker\n  - one of the programs the image starts: node worker\/main\.js \(in \/app\)/);
  });

  test("a stack told apart by its file is named with it, in the report document and the CLI's text", () => {
    const report = sampleReport({ services: [idleDb({ stackFile: 'docker-compose.full.yml' }), idleDb()] });
    const md = renderReportMarkdown([report]);
    assert.match(md, /## demo \(docker-compose\.full\.yml\) \/ postgres — not-running/);
    assert.match(md, /## demo \/ postgres — not-running/);
    const text = formatReport(report).split('\n');
    assert.ok(text.includes('demo/postgres (docker-compose.full.yml)  NOT-RUNNING  not running (no container)'), text.join('\n'));
    assert.ok(text.includes('demo/postgres  NOT-RUNNING  not running (no container)'), text.join('\n'));
  });
});

suite('the container a command acts on', () => {
  const task = { id: 'task2', name: 'shop_api.2.x', state: 'running', imageId: 'sha256:2', created: '2024-05-01T11:00:00Z', stale: false };
  const swarm = staleApi({ swarm: { stack: 'shop', service: 'shop_api', tasks: [{ ...task, id: 'task1', name: 'shop_api.1.y', inspectable: true }, { ...task, inspectable: true }] } });

  test("a task node's own container (logs and shell of that task, not the service's first)", () => {
    assert.equal(chosenContainer({ ref: {}, containerId: 'task2' }, swarm)?.id, 'task2');
  });

  test("the service's container from a service node, a link or the palette; an id the service does not have is ignored", () => {
    assert.equal(chosenContainer({ ref: {} }, swarm)?.id, swarm.container?.id);
    assert.equal(chosenContainer(undefined, swarm)?.id, swarm.container?.id);
    assert.equal(chosenContainer({ containerId: 'someone-elses' }, swarm)?.id, swarm.container?.id);
    assert.equal(chosenContainer({ containerId: 'task2' }, staleApi())?.id, staleApi().container?.id);
  });
});

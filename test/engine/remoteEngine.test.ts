// A remote engine over TLS, reached through a docker context, with the CLI run from another
// network namespace (its own 127.0.0.1 answers with a decoy server). Probes must go to the
// engine's host, compose must get the TLS settings, and every fix text must name the context.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Report } from '../../src/core/model';
import type { RebuildResult } from '../../src/core/rebuild';
import { contextDirName } from '../../src/engine/dockerHost';
import { BUSYBOX_NODE } from './support/buildImage';
import { healthCompose, healthServerSource, writeHealthWorkspace } from './support/healthWorkspace';
import { uniqueProjectName } from './support/projectNames';
import { startRemoteHost } from './support/remoteHost';
import type { RemoteHost } from './support/remoteHost';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const PORT = 3000;

suite('remote engine over TLS, in a network namespace of its own', function () {
  let host: RemoteHost;
  let ws: string;
  let configDir: string;
  let env: Record<string, string>;
  const project = uniqueProjectName('rdremote');

  function cli(args: string[], extra: Record<string, string> = {}) {
    return host.run(host.clientNs, process.execPath, [CLI, ...args, '--workspace', ws], { env: { ...env, ...extra }, timeoutMs: 240_000 });
  }

  suiteSetup(async function () {
    this.timeout(300_000);
    host = await startRemoteHost({ tls: true, images: [BUSYBOX_NODE] });
    ws = writeHealthWorkspace({ project, port: PORT, bind: '0.0.0.0' });

    // A docker context "infra" with its TLS files, laid out as `docker context create` does.
    configDir = mkdtempSync(path.join(tmpdir(), 'rd-remote-config-'));
    const meta = path.join(configDir, 'contexts', 'meta', contextDirName('infra'));
    mkdirSync(meta, { recursive: true });
    writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: 'infra', Metadata: {}, Endpoints: { docker: { Host: host.tcpHost, SkipTLSVerify: false } } }));
    const tlsDir = path.join(configDir, 'contexts', 'tls', contextDirName('infra'), 'docker');
    mkdirSync(tlsDir, { recursive: true });
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) copyFileSync(path.join(host.tls?.clientDir ?? '', f), path.join(tlsDir, f));

    // The sandbox's CA bundles make compose v1 ignore DOCKER_CERT_PATH's CA (see RECIPES); DOCKER_HOST would win over the context.
    env = { DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'infra', REQUESTS_CA_BUNDLE: '', CURL_CA_BUNDLE: '', DOCKER_HOST: '', DOCKER_TLS_VERIFY: '', DOCKER_CERT_PATH: '' };

    // A decoy on the client's own loopback, on the service's port: probing it would be the bug.
    const decoy = host.spawnIn(host.clientNs, process.execPath, ['-e', healthServerSource(PORT, '127.0.0.1', '500')]);
    decoy.stdout?.resume();
    await delay(300);
  });

  suiteTeardown(async function () {
    this.timeout(120_000);
    await host?.stop();
    for (const dir of [ws, configDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("no container yet: the fix names the context, so pasted it acts on the remote engine", async () => {
    const run = await cli(['check', '--json']);
    const report = JSON.parse(run.stdout) as Report;
    assert.equal(report.engine.reachable, true, run.stderr);
    const api = report.services.find((s) => s.name === 'api');
    assert.ok(api?.fix, run.stdout);
    assert.match(api.fix, /(docker --context infra compose|docker-compose --context infra) (up -d|build) api/);
  });

  test('rebuild over the TLS context: compose gets the certificates, the service is verified on the engine host', async () => {
    const run = await cli(['rebuild', 'api', '--json']);
    const result = JSON.parse(run.stdout) as RebuildResult;
    assert.equal(result.buildCode, 0, run.stderr);
    assert.equal(result.upCode, 0, run.stderr);
    const health = result.after?.routes.find((r) => r.path === '/health');
    assert.equal(health?.status, 200, JSON.stringify(result.after?.routes));
    assert.equal(health?.detail, `200 OK (probed on the engine's host ${host.engineIp})`);
    assert.equal(result.after?.baseUrl, `http://${host.engineIp}:${PORT}`);
  });

  test("check probes the published port on the engine's host, never the client's own loopback", async () => {
    const run = await cli(['check', '--json']);
    const report = JSON.parse(run.stdout) as Report;
    const health = report.services.find((s) => s.name === 'api')?.routes.find((r) => r.path === '/health');
    assert.equal(health?.verdict, 'live', run.stdout);
    assert.match(health?.detail ?? '', new RegExp(`engine's host ${host.engineIp.replace(/\./g, '\\.')}`));
  });

  test('a private LAN baseUrl is probed when the user allowed it, refused when only the workspace names it', async () => {
    const lan = `http://${host.engineIp}:${PORT}`;
    writeFileSync(path.join(ws, 'compose.yaml'), healthCompose(PORT, lan));
    // The engine through its socket (a local engine): only the user's --allow-origin makes the LAN address a destination.
    const local = { DOCKER_CONTEXT: '', DOCKER_HOST: host.socketHost };
    const refused = JSON.parse((await cli(['check', '--json'], local)).stdout) as Report;
    const r1 = refused.services[0]?.routes[0];
    assert.equal(r1?.verdict, 'not-probed');
    assert.match(r1?.detail ?? '', /only the workspace's files name it/);
    const allowed = JSON.parse((await cli(['check', '--json', '--allow-origin', lan], local)).stdout) as Report;
    assert.equal(allowed.services[0]?.routes[0]?.status, 200, JSON.stringify(allowed.services[0]?.routes));
    writeFileSync(path.join(ws, 'compose.yaml'), healthCompose(PORT));
  });
});

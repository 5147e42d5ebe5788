import assert from 'node:assert/strict';
import {
  NO_TRUST,
  normalizeOrigin,
  probeDestination,
  refuseTokenVariable,
  remoteEngineHost,
  trustFromCli,
} from '../../../src/core/probe/trust';
import { TrustInputError } from '../../../src/core/errors';

suite('probe trust: where probes and tokens may go', () => {
  test('loopback in every spelling is allowed without any trust', () => {
    for (const url of ['http://127.0.0.1:3000', 'http://localhost:8080/x', 'http://[::1]:3000', 'http://127.9.9.9', 'http://0x7f.1:80', 'http://2130706433:80', 'http://[::ffff:127.0.0.1]:1']) {
      assert.equal(probeDestination(url, NO_TRUST).allowed, true, url);
    }
  });

  test('an origin only the workspace names is refused, whatever it is: names, public, link-local, ULA, CGNAT, private', () => {
    for (const url of [
      'http://some-host.example:31877',
      'https://8.8.8.8',
      'http://169.254.169.254/latest/meta-data',
      'http://[fd00::1]:80',
      'http://100.64.0.1',
      'http://10.0.0.5:80',
      'http://172.18.0.2:3000',
      'http://192.168.1.20',
      'http://127.0.0.1.nip.io',
      'http://127.0.0.1@evil.example',
      'http://localhost.evil.example',
    ]) {
      const d = probeDestination(url, NO_TRUST);
      assert.equal(d.allowed, false, url);
      if (!d.allowed) assert.match(d.reason, /only the workspace's files name it; allow it outside the workspace \(--allow-origin /);
    }
  });

  test('an origin the user allowed is probed; the same host on another port or scheme is not', () => {
    const trust = trustFromCli({ allowOrigins: ['https://staging.example.com'], allowTokenEnvs: [] }, {}, undefined);
    assert.equal(probeDestination('https://staging.example.com/api/x', trust).allowed, true);
    assert.equal(probeDestination('https://staging.example.com:8443/api/x', trust).allowed, false);
    assert.equal(probeDestination('http://staging.example.com/api/x', trust).allowed, false);
  });

  test('the remote engine the user chose is a probe destination on any port', () => {
    const trust = { ...NO_TRUST, engineHost: remoteEngineHost('tcp://10.1.2.3:2376') };
    assert.equal(probeDestination('http://10.1.2.3:8080', trust).allowed, true);
    assert.equal(probeDestination('http://10.1.2.4:8080', trust).allowed, false);
    assert.equal(remoteEngineHost('unix:///var/run/docker.sock'), undefined);
    assert.equal(remoteEngineHost('tcp://127.0.0.1:2375'), undefined);
    assert.equal(remoteEngineHost('ssh://deploy@infra-1.internal'), 'infra-1.internal');
  });

  test('non-http base URLs are refused', () => {
    assert.equal(probeDestination('file:///etc/passwd', NO_TRUST).allowed, false);
    assert.equal(probeDestination('not a url', NO_TRUST).allowed, false);
  });

  test('a token variable is read only when the user allowed it, by flag or environment', () => {
    assert.match(refuseTokenVariable('CLOUD_KEY', NO_TRUST) ?? '', /CLOUD_KEY is not an allowed token variable: a workspace file cannot choose which secret is sent/);
    const trust = trustFromCli({ allowOrigins: [], allowTokenEnvs: ['API_TOKEN'] }, { RUNTIME_DRIFT_TOKEN_ENVS: 'OTHER_TOKEN, THIRD' }, undefined);
    assert.equal(refuseTokenVariable('API_TOKEN', trust), undefined);
    assert.equal(refuseTokenVariable('OTHER_TOKEN', trust), undefined);
    assert.equal(refuseTokenVariable('THIRD', trust), undefined);
    assert.notEqual(refuseTokenVariable('CLOUD_KEY', trust), undefined);
  });

  test('bad allow entries are clear errors naming where they came from', () => {
    assert.throws(() => normalizeOrigin('ftp://x', '--allow-origin'), (e: unknown) => e instanceof TrustInputError && /--allow-origin: "ftp:\/\/x" is not an http\(s\) origin/.test(e.message));
    assert.throws(() => normalizeOrigin('https://u:p@x.example', 'RUNTIME_DRIFT_ALLOW_ORIGINS'), /carries no credentials/);
    assert.throws(() => trustFromCli({ allowOrigins: [], allowTokenEnvs: ['A-B'] }, {}, undefined), /--allow-token-env: "A-B" is not a variable name/);
    assert.equal(normalizeOrigin('HTTPS://Staging.Example.com:443/path', 'x'), 'https://staging.example.com');
  });
});

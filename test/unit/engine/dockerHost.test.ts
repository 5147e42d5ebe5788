import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserInputError } from '../../../src/core/errors';
import { contextDirName, resolveDockerHost } from '../../../src/engine/dockerHost';

suite('resolveDockerHost', () => {
  let configDir = '';

  setup(() => {
    configDir = mkdtempSync(join(tmpdir(), 'rd-docker-config-'));
  });
  teardown(() => {
    rmSync(configDir, { recursive: true, force: true });
  });

  function writeContext(name: string, host: string): void {
    const dir = join(configDir, 'contexts', 'meta', contextDirName(name));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
  }

  function writeCerts(dir: string): void {
    mkdirSync(dir, { recursive: true });
    for (const name of ['ca', 'cert', 'key']) writeFileSync(join(dir, `${name}.pem`), `${name}-pem`);
  }

  test('defaults to the system socket when nothing is configured', () => {
    const r = resolveDockerHost(undefined, {}, configDir);
    assert.equal(r.host, 'unix:///var/run/docker.sock');
    assert.equal(r.source, 'default');
    assert.deepEqual(r.options, { socketPath: '/var/run/docker.sock' });
  });

  test('an explicit host (the extension setting) wins over DOCKER_HOST and contexts', () => {
    writeContext('remote', 'tcp://10.9.9.9:2375');
    const r = resolveDockerHost('unix:///run/user/1000/docker.sock', { DOCKER_HOST: 'tcp://127.0.0.1:2375', DOCKER_CONTEXT: 'remote' }, configDir);
    assert.equal(r.source, 'override');
    assert.deepEqual(r.options, { socketPath: '/run/user/1000/docker.sock' });
  });

  test('a blank override falls through to the environment', () => {
    const r = resolveDockerHost('  ', { DOCKER_HOST: 'unix:///tmp/d.sock' }, configDir);
    assert.equal(r.source, 'DOCKER_HOST');
    assert.deepEqual(r.options, { socketPath: '/tmp/d.sock' });
  });

  test('DOCKER_HOST tcp:// becomes host, port and http', () => {
    const r = resolveDockerHost(undefined, { DOCKER_HOST: 'tcp://127.0.0.1:2375' }, configDir);
    assert.equal(r.host, 'tcp://127.0.0.1:2375');
    assert.deepEqual(r.options, { host: '127.0.0.1', port: 2375, protocol: 'http' });
  });

  test('host:port without a scheme means tcp, as in the docker CLI', () => {
    const r = resolveDockerHost(undefined, { DOCKER_HOST: 'localhost:2375' }, configDir);
    assert.deepEqual(r.options, { host: 'localhost', port: 2375, protocol: 'http' });
  });

  test('DOCKER_TLS_VERIFY reads ca/cert/key from DOCKER_CERT_PATH and switches to https on 2376', () => {
    const certs = join(configDir, 'certs');
    writeCerts(certs);
    const r = resolveDockerHost(undefined, { DOCKER_HOST: 'tcp://docker.internal', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs }, configDir);
    assert.deepEqual(r.options, { host: 'docker.internal', port: 2376, protocol: 'https', ca: 'ca-pem', cert: 'cert-pem', key: 'key-pem' });
  });

  test('DOCKER_TLS_VERIFY without DOCKER_CERT_PATH looks in the docker config folder', () => {
    writeCerts(configDir);
    const r = resolveDockerHost(undefined, { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' }, configDir);
    assert.equal(r.options.ca, 'ca-pem');
  });

  test('missing certificates are a clear user error, not a crash', () => {
    assert.throws(
      () => resolveDockerHost(undefined, { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: join(configDir, 'none') }, configDir),
      (err: unknown) => err instanceof UserInputError && /certificates in .*none cannot be read \(ENOENT\)/.test(err.message),
    );
  });

  test('a leftover DOCKER_TLS_VERIFY does not affect a unix socket', () => {
    const r = resolveDockerHost(undefined, { DOCKER_HOST: 'unix:///var/run/docker.sock', DOCKER_TLS_VERIFY: '1' }, configDir);
    assert.deepEqual(r.options, { socketPath: '/var/run/docker.sock' });
  });

  test('ssh:// is handed to dockerode\'s ssh transport with user, port and agent', () => {
    const r = resolveDockerHost(undefined, { DOCKER_HOST: 'ssh://deploy@build.example:2222', SSH_AUTH_SOCK: '/tmp/agent.sock' }, configDir);
    assert.deepEqual(r.options, { host: 'build.example', port: 2222, protocol: 'ssh', username: 'deploy', sshOptions: { agent: '/tmp/agent.sock' } });
  });

  test('npipe:// becomes a socket path (Docker Desktop on Windows)', () => {
    const r = resolveDockerHost(undefined, { DOCKER_HOST: 'npipe:////./pipe/docker_engine' }, configDir);
    assert.deepEqual(r.options, { socketPath: '//./pipe/docker_engine' });
  });

  test('an unsupported scheme is rejected with the schemes that work', () => {
    assert.throws(
      () => resolveDockerHost(undefined, { DOCKER_HOST: 'fd://' }, configDir),
      (err: unknown) => err instanceof UserInputError && /not supported: use unix:\/\//.test(err.message),
    );
  });

  test('DOCKER_CONTEXT selects the context whose meta.json lives under the SHA-256 of its name', () => {
    writeContext('colima', 'unix:///home/me/.colima/default/docker.sock');
    const r = resolveDockerHost(undefined, { DOCKER_CONTEXT: 'colima' }, configDir);
    assert.equal(r.source, 'context');
    assert.equal(r.host, 'unix:///home/me/.colima/default/docker.sock');
    assert.deepEqual(r.options, { socketPath: '/home/me/.colima/default/docker.sock' });
    assert.match(r.evidence, /DOCKER_CONTEXT=colima/);
    // The folder `docker context create colima` made on a real machine, so the layout really matches.
    assert.equal(contextDirName('colima'), 'f24fd3749c1368328e2b149bec149cb6795619f244c5b584e844961215dadd16');
  });

  test('currentContext in config.json is used when no variable is set', () => {
    writeContext('desktop-linux', 'unix:///home/me/.docker/desktop/docker.sock');
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ auths: {}, currentContext: 'desktop-linux' }));
    const r = resolveDockerHost(undefined, {}, configDir);
    assert.equal(r.source, 'context');
    assert.deepEqual(r.options, { socketPath: '/home/me/.docker/desktop/docker.sock' });
  });

  test('DOCKER_HOST wins over DOCKER_CONTEXT and currentContext', () => {
    writeContext('remote', 'tcp://10.1.1.1:2375');
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ currentContext: 'remote' }));
    const r = resolveDockerHost(undefined, { DOCKER_HOST: 'unix:///tmp/x.sock', DOCKER_CONTEXT: 'remote' }, configDir);
    assert.equal(r.source, 'DOCKER_HOST');
  });

  test('the context named "default" means the default socket', () => {
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ currentContext: 'default' }));
    assert.equal(resolveDockerHost(undefined, {}, configDir).source, 'default');
  });

  test('DOCKER_CONFIG chooses the config folder when none is passed', () => {
    writeContext('other', 'unix:///tmp/other.sock');
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ currentContext: 'other' }));
    assert.equal(resolveDockerHost(undefined, { DOCKER_CONFIG: configDir }).host, 'unix:///tmp/other.sock');
  });

  test('a context with stored TLS files uses them', () => {
    writeContext('secure', 'tcp://10.2.2.2:2376');
    writeCerts(join(configDir, 'contexts', 'tls', contextDirName('secure'), 'docker'));
    const r = resolveDockerHost(undefined, { DOCKER_CONTEXT: 'secure' }, configDir);
    assert.deepEqual(r.options, { host: '10.2.2.2', port: 2376, protocol: 'https', ca: 'ca-pem', cert: 'cert-pem', key: 'key-pem' });
  });

  test('a context and its TLS folder are named, so compose and fix texts can reach the same engine', () => {
    writeContext('secure', 'tcp://10.2.2.2:2376');
    const tlsDir = join(configDir, 'contexts', 'tls', contextDirName('secure'), 'docker');
    writeCerts(tlsDir);
    const r = resolveDockerHost(undefined, { DOCKER_CONTEXT: 'secure' }, configDir);
    assert.equal(r.context, 'secure');
    assert.equal(r.tlsDir, tlsDir);
    const env = resolveDockerHost('tcp://h:2376', { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: tlsDir }, configDir);
    assert.equal(env.context, undefined);
    assert.equal(env.tlsDir, tlsDir);
  });

  test('an unknown context names the file it looked for', () => {
    assert.throws(
      () => resolveDockerHost(undefined, { DOCKER_CONTEXT: 'ghost' }, configDir),
      (err: unknown) => err instanceof UserInputError && err.message.includes(join('contexts', 'meta', contextDirName('ghost'), 'meta.json')),
    );
  });

  test('reads through the injected readFile only', () => {
    const seen: string[] = [];
    const r = resolveDockerHost(undefined, {}, '/nowhere', (path) => {
      seen.push(path);
      if (path === '/nowhere/config.json') return JSON.stringify({ currentContext: 'x' });
      if (path.endsWith('meta.json')) return JSON.stringify({ Endpoints: { docker: { Host: 'tcp://127.0.0.1:23750' } } });
      throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    });
    assert.equal(r.host, 'tcp://127.0.0.1:23750');
    assert.equal(seen[0], '/nowhere/config.json');
    assert.equal(seen[1], join('/nowhere/contexts/meta', contextDirName('x'), 'meta.json'));
  });
});

import assert from 'node:assert/strict';
import { composeEnvFor, hostedComposeLabel, shellWord } from '../../../src/engine/composeTarget';
import type { ResolvedDockerHost } from '../../../src/engine/dockerHost';

const local: ResolvedDockerHost = { host: 'unix:///var/run/docker.sock', options: {}, source: 'default', evidence: 'default socket' };
const tcp: ResolvedDockerHost = { host: 'tcp://10.1.2.3:2375', options: {}, source: 'override', evidence: 'setting' };
const tls: ResolvedDockerHost = { ...tcp, host: 'tcp://infra-1:2376', tlsDir: '/home/me/certs dir' };
const context: ResolvedDockerHost = { host: 'tcp://infra-1:2376', options: {}, source: 'context', evidence: 'ctx', context: 'prod', tlsDir: '/c/tls' };

suite('compose target: compose and every printed command act on the engine that was checked', () => {
  test('the local default engine needs nothing and keeps the bare command', () => {
    assert.equal(composeEnvFor(local), undefined);
    assert.equal(hostedComposeLabel('docker compose', local), 'docker compose');
  });

  test('a TLS context gives compose DOCKER_TLS_VERIFY and the certificate folder, not only DOCKER_HOST', () => {
    assert.deepEqual(composeEnvFor(context), { DOCKER_HOST: 'tcp://infra-1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c/tls' });
  });

  test('a plain remote host clears a DOCKER_TLS_VERIFY left in the shell', () => {
    assert.deepEqual(composeEnvFor(tcp), { DOCKER_HOST: 'tcp://10.1.2.3:2375', DOCKER_TLS_VERIFY: '' });
  });

  test('DOCKER_HOST from the environment without TLS is inherited as it is', () => {
    assert.equal(composeEnvFor({ ...tcp, source: 'DOCKER_HOST' }), undefined);
  });

  test('a context is named in the command, in the place each compose flavour takes it', () => {
    assert.equal(hostedComposeLabel('docker compose', context), 'docker --context prod compose');
    assert.equal(hostedComposeLabel('docker-compose', context), 'docker-compose --context prod');
  });

  test('a host (and its TLS folder) is set in front of the command, quoted for the shell when needed', () => {
    assert.equal(hostedComposeLabel('docker compose', tcp), 'DOCKER_HOST=tcp://10.1.2.3:2375 docker compose');
    assert.equal(
      hostedComposeLabel('docker-compose', tls),
      "DOCKER_HOST=tcp://infra-1:2376 DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH='/home/me/certs dir' docker-compose",
    );
    assert.equal(shellWord("it's"), `'it'\\''s'`);
  });
});

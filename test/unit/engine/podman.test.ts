import assert from 'node:assert/strict';
import { familiarImageRef } from '../../../src/engine/dockerEngine';
import { parseEngineEvent } from '../../../src/engine/events';

const event = (action: string) =>
  JSON.stringify({ Type: 'container', Action: action, Actor: { ID: 'c1', Attributes: { 'com.docker.compose.project': 'demo', 'com.docker.compose.service': 'api' } } });

suite('Podman through its Docker-compatible API', () => {
  test("Podman's event names read as Docker's: died is die, remove is destroy", () => {
    assert.equal(parseEngineEvent(event('died'))?.action, 'die');
    assert.equal(parseEngineEvent(event('remove'))?.action, 'destroy');
    assert.deepEqual(parseEngineEvent(event('die')), { type: 'container', action: 'die', project: 'demo', service: 'api', id: 'c1' });
  });

  test('Docker Hub references are shown the way Docker shows them; other registries are kept', () => {
    assert.equal(familiarImageRef('docker.io/library/node:20'), 'node:20');
    assert.equal(familiarImageRef('docker.io/library/demo_api:latest'), 'demo_api:latest');
    assert.equal(familiarImageRef('docker.io/bitnami/redis:7'), 'bitnami/redis:7');
    assert.equal(familiarImageRef('localhost/demo_api:latest'), 'localhost/demo_api:latest');
    assert.equal(familiarImageRef('ghcr.io/acme/api:1'), 'ghcr.io/acme/api:1');
    assert.equal(familiarImageRef('node:20'), 'node:20');
  });
});

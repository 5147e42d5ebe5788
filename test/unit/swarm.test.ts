import assert from 'node:assert/strict';
import { dockerCommandOf, swarmServiceOf, swarmUpdateFix } from '../../src/core/swarm';

suite('Swarm services', () => {
  test('a task is known by its Swarm service label; a compose container has none', () => {
    assert.equal(swarmServiceOf({ 'com.docker.swarm.service.name': 'shop_api' }), 'shop_api');
    assert.equal(swarmServiceOf({ 'com.docker.compose.service': 'api' }), undefined);
  });

  test('the Swarm fix addresses the same engine as the compose command the check was made against', () => {
    assert.equal(dockerCommandOf('docker compose'), 'docker');
    assert.equal(dockerCommandOf('docker-compose'), 'docker');
    assert.equal(dockerCommandOf('docker --context prod compose'), 'docker --context prod');
    assert.equal(dockerCommandOf('docker-compose --context prod'), 'docker --context prod');
    assert.equal(dockerCommandOf('DOCKER_HOST=ssh://infra docker-compose'), 'DOCKER_HOST=ssh://infra docker');
    assert.equal(swarmUpdateFix('shop_api', 'DOCKER_HOST=tcp://h:2376 DOCKER_TLS_VERIFY=1 docker compose'), 'DOCKER_HOST=tcp://h:2376 DOCKER_TLS_VERIFY=1 docker service update --force shop_api');
  });
});

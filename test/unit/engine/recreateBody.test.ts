// recreateBody: the create request that makes a hand-run container again on its tag's current
// image with the person's own options, and none of what the old image supplied.
import * as assert from 'node:assert/strict';
import type Dockerode from 'dockerode';
import { recreateBody } from '../../../src/engine/recreateContainer';

const ID = 'c0ffee0000011234567890abcdef';

/** `docker run -d --name shop-dev -p 8089:3000 -e TOKEN_FILE=/run/t -v data:/data --network shopnet --restart unless-stopped shop` of an image with ENV, CMD, WORKDIR, a VOLUME and a label. */
function inspected(): Dockerode.ContainerInspectInfo {
  return {
    Id: ID,
    Name: '/shop-dev',
    Image: 'sha256:0ld',
    State: { Running: true },
    Config: {
      Hostname: ID.slice(0, 12),
      Image: 'shop',
      Env: ['TOKEN_FILE=/run/t', 'PATH=/usr/bin', 'NODE_VERSION=20'],
      Cmd: ['node', 'src/server.js'],
      WorkingDir: '/app',
      ExposedPorts: { '3000/tcp': {} },
      Volumes: { '/cache': {} },
      Labels: { 'org.opencontainers.image.version': '1', owner: 'me' },
      Tty: false,
    },
    HostConfig: { Binds: ['data:/data'], PortBindings: { '3000/tcp': [{ HostIp: '', HostPort: '8089' }] }, RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 }, NetworkMode: 'shopnet' },
    Mounts: [
      { Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', RW: true },
      { Type: 'volume', Name: 'f00d', Source: '/var/lib/docker/volumes/f00d/_data', Destination: '/cache', RW: true },
    ],
    NetworkSettings: {
      Networks: {
        shopnet: { Aliases: [ID.slice(0, 12), 'api'], IPAMConfig: null },
        monitoring: { Aliases: null },
      },
    },
  } as unknown as Dockerode.ContainerInspectInfo;
}

const OLD_IMAGE = { Env: ['PATH=/usr/bin', 'NODE_VERSION=20'], Cmd: ['node', 'src/server.js'], WorkingDir: '/app', ExposedPorts: { '3000/tcp': {} }, Volumes: { '/cache': {} }, Labels: { 'org.opencontainers.image.version': '1' } };

suite('recreateBody: a hand-run container made again on its tag', () => {
  test('keeps what the person gave (env, ports, restart, binds, name, networks) and leaves the rest to the new image', () => {
    const plan = recreateBody(inspected(), OLD_IMAGE, 'shop');
    assert.equal(plan.name, 'shop-dev');
    const body = plan.body as Record<string, unknown>;
    assert.equal(body.Image, 'shop');
    assert.deepEqual(body.Env, ['TOKEN_FILE=/run/t']);
    assert.deepEqual(body.Labels, { owner: 'me' });
    for (const key of ['Cmd', 'WorkingDir', 'ExposedPorts', 'Volumes', 'Hostname']) assert.equal(key in body, false, key);
    assert.equal(body.Tty, false);
    const host = plan.body.HostConfig as Dockerode.HostConfig;
    assert.deepEqual(host.PortBindings, { '3000/tcp': [{ HostIp: '', HostPort: '8089' }] });
    assert.deepEqual(host.RestartPolicy, { Name: 'unless-stopped', MaximumRetryCount: 0 });
    // The anonymous volume of the image's VOLUME keeps its data; the named one was given already.
    assert.deepEqual(host.Binds, ['data:/data', 'f00d:/cache']);
    assert.deepEqual(plan.body.NetworkingConfig, { EndpointsConfig: { shopnet: { Aliases: ['api'] } } });
    assert.deepEqual(plan.moreNetworks, [{ network: 'monitoring', endpoint: {} }]);
  });

  test('what the person set over the image (a CMD, a WORKDIR, a hostname) is kept; unknown old image: everything is kept', () => {
    const info = inspected();
    info.Config.Cmd = ['node', 'src/worker.js'];
    info.Config.Hostname = 'shop';
    const plan = recreateBody(info, OLD_IMAGE, 'shop:2');
    assert.deepEqual([plan.body.Cmd, plan.body.Hostname, plan.body.WorkingDir, plan.body.Image], [['node', 'src/worker.js'], 'shop', undefined, 'shop:2']);
    const unknown = recreateBody(inspected(), null, 'shop');
    assert.deepEqual([unknown.body.Cmd, unknown.body.WorkingDir, unknown.body.Env], [['node', 'src/server.js'], '/app', ['TOKEN_FILE=/run/t', 'PATH=/usr/bin', 'NODE_VERSION=20']]);
  });

  test('the host network or none: no endpoint to join', () => {
    const info = inspected();
    info.HostConfig.NetworkMode = 'host';
    (info.NetworkSettings as { Networks: unknown }).Networks = { host: { Aliases: null } };
    const plan = recreateBody(info, OLD_IMAGE, 'shop');
    assert.deepEqual([plan.body.NetworkingConfig, plan.moreNetworks, plan.body.HostConfig?.NetworkMode], [undefined, [], 'host']);
  });
});

import assert from 'node:assert/strict';
import { compareConfig } from '../../../src/core/config/configDrift';
import { judgeConfig, projectHashes, CONFIG_HASH_LABEL, type ProjectHashes } from '../../../src/core/config/judgeConfig';
import type { FsLike } from '../../../src/core/ports';
import type { ContainerConfig, ContainerInfo, DeclaredConfig, ServiceSpec } from '../../../src/core/model';

function declared(over: Partial<DeclaredConfig> = {}): DeclaredConfig {
  return { environment: {}, environmentFrom: {}, exposed: [], published: {}, volumes: {}, labels: {}, ...over };
}

const IMAGE: NonNullable<ContainerConfig['imageDefaults']> = {
  env: ['PATH=/usr/bin:/bin', 'NODE_ENV=production'],
  cmd: ['node', 'dist/main.js'],
  entrypoint: null,
  exposed: [],
  volumes: ['/var/lib/data'],
  labels: { maintainer: 'us' },
  healthcheck: null,
  user: '',
  workingDir: '/app',
};

function seen(over: Partial<ContainerConfig> = {}): ContainerConfig {
  return {
    image: 'demo_api',
    env: ['PATH=/usr/bin:/bin', 'NODE_ENV=production'],
    cmd: ['node', 'dist/main.js'],
    entrypoint: null,
    exposed: [],
    published: {},
    volumes: {},
    labels: { maintainer: 'us', 'com.docker.compose.project': 'demo' },
    healthcheck: null,
    user: '',
    workingDir: '/app',
    imageDefaults: IMAGE,
    ...over,
  };
}

const fields = (d: ReturnType<typeof compareConfig>) => d.map((x) => x.field);

suite('config drift: container vs compose, field by field', () => {
  test('a container created as compose declares, with the image filling the rest, has no drift', () => {
    assert.deepEqual(compareConfig(declared({ labels: {} }), seen()), []);
  });

  test('a changed environment value is evidence with both values', () => {
    const d = compareConfig(declared({ environment: { FEATURE_WORKFLOW: 'on' } }), seen({ env: [...IMAGE.env, 'FEATURE_WORKFLOW=off'] }));
    assert.deepEqual(fields(d), ['environment.FEATURE_WORKFLOW']);
    assert.equal(d[0]?.evidence, 'environment.FEATURE_WORKFLOW: compose says `on`, container has `off`');
  });

  test('a variable removed from compose but still in the container is drift; one the image sets is not', () => {
    const d = compareConfig(declared(), seen({ env: [...IMAGE.env, 'OLD_FLAG=1'] }));
    assert.deepEqual(fields(d), ['environment.OLD_FLAG']);
    assert.equal(d[0]?.compose, null);
  });

  test('values of secret-looking or marked variables are never shown, only that they differ', () => {
    const d = compareConfig(
      declared({ environment: { DB_PASSWORD: 'new-secret-1', INTERNAL_URL: 'http://a' } }),
      seen({ env: [...IMAGE.env, 'DB_PASSWORD=old-secret-1', 'INTERNAL_URL=http://b'] }),
      { secretVariables: ['INTERNAL_URL'] },
    );
    assert.deepEqual(fields(d), ['environment.DB_PASSWORD', 'environment.INTERNAL_URL']);
    for (const x of d) {
      assert.equal(x.hidden, true);
      assert.equal(x.compose, null);
      assert.equal(x.container, null);
      assert.ok(!/secret-1|http:\/\//.test(x.evidence), x.evidence);
    }
    assert.match(d[1]?.evidence ?? '', /marked in x-runtime-drift\.secretVariables/);
  });

  test('command: a declared one against the container; none declared means the image CMD', () => {
    assert.deepEqual(fields(compareConfig(declared({ command: ['node', 'dist/main.js', '--v2'] }), seen())), ['command']);
    assert.deepEqual(fields(compareConfig(declared(), seen({ cmd: ['node', 'old.js'] }))), ['command']);
    // An entrypoint set by compose drops the image's CMD (the engine's rule).
    assert.deepEqual(compareConfig(declared({ entrypoint: ['tini', '--'] }), seen({ entrypoint: ['tini', '--'], cmd: null })), []);
  });

  test('ports: exposed and published, per container port; host networking publishes nothing', () => {
    const want = declared({ exposed: ['3001/tcp'], published: { '3001/tcp': ['127.0.0.1:8081'] } });
    const has = seen({ exposed: ['3000/tcp'], published: { '3000/tcp': ['127.0.0.1:8080'] } });
    assert.deepEqual(fields(compareConfig(want, has)), ['ports.3000/tcp', 'ports.3001/tcp', 'ports.3000/tcp', 'ports.3001/tcp']);
    assert.deepEqual(fields(compareConfig(want, has, { hostNetwork: true })), ['ports.3000/tcp', 'ports.3001/tcp']);
  });

  test('volumes: named volumes match with the project prefix; the image VOLUME is not drift; a changed bind is', () => {
    const want = declared({ volumes: { '/cache': 'volume:cache', '/src': 'bind:/ws/src' } });
    const has = seen({ volumes: { '/cache': 'volume:demo_cache', '/src': 'bind:/ws/old', '/var/lib/data': 'volume:3f2a' } });
    assert.deepEqual(fields(compareConfig(want, has)), ['volumes./src']);
  });

  test('labels: compose and engine labels are ignored, a changed label is drift', () => {
    assert.deepEqual(fields(compareConfig(declared({ labels: { tier: 'web' } }), seen({ labels: { ...seen().labels, tier: 'api' } }))), ['labels.tier']);
  });

  test('image, healthcheck, user, working_dir', () => {
    const d = compareConfig(
      declared({ image: 'app:2', healthcheck: ['CMD-SHELL', 'true'], user: '1000', workingDir: '/srv' }),
      seen({ image: 'app:1' }),
    );
    assert.deepEqual(fields(d), ['image', 'healthcheck', 'user', 'working_dir']);
    assert.deepEqual(compareConfig(declared({ image: 'node' }), seen({ image: 'node:latest' })), []);
  });

  test('without the image defaults, nothing is claimed that the image could have set', () => {
    assert.deepEqual(compareConfig(declared(), seen({ env: ['X=1'], cmd: ['other'], imageDefaults: null })), []);
  });
});

suite('config drift: agreeing with compose config-hash', () => {
  const spec = (config: DeclaredConfig): ServiceSpec => ({ name: 'api', project: 'demo', projectDir: '/ws', composeFiles: ['/ws/compose.yaml'], ports: [], drift: {}, config });
  const container = (config: ContainerConfig, hash?: string): ContainerInfo => ({
    id: 'c1', name: 'demo-api-1', state: 'running', imageId: 'sha256:1', imageRef: 'demo_api', created: '', config,
    labels: hash ? { [CONFIG_HASH_LABEL]: hash } : {},
  });
  const H1 = 'a'.repeat(64);
  const H2 = 'b'.repeat(64);
  let asked = 0;
  const source = (hash: string) => projectHashes({ hashes: async () => { asked++; return new Map([['api', hash]]); } });
  const changed = declared({ environment: { FEATURE: 'on' } });
  // Nothing to read: placing fields on lines has its own tests (locate.test.ts).
  const noFiles: FsLike = { readFile: async () => { throw new Error('absent'); }, stat: async () => undefined, readdir: async () => [] };
  const opts = (hashes: ProjectHashes) => ({ hashes, fs: noFiles, workspaceDir: '/ws' });
  const old = seen({ env: [...IMAGE.env, 'FEATURE=off'] });

  test('compose is not asked when no field differs', async () => {
    asked = 0;
    const j = await judgeConfig(spec(declared()), container(seen(), H1), opts(source(H2)));
    assert.deepEqual(j.drift, []);
    assert.equal(asked, 0);
  });

  test('fields differ and compose computes the same hash as the label: compose would not recreate, so no drift is claimed', async () => {
    const j = await judgeConfig(spec(changed), container(old, H1), opts(source(H1)));
    assert.deepEqual(j.drift, []);
    assert.match(j.basis ?? '', /config-hash agrees/);
  });

  test('fields differ and the hash changed: drift, and the basis says compose agrees', async () => {
    const j = await judgeConfig(spec(changed), container(old, H1), opts(source(H2)));
    assert.deepEqual(fields(j.drift), ['environment.FEATURE']);
    assert.match(j.basis ?? '', /compose would recreate it/);
  });

  test('no hash available: compared field by field, and the basis says so', async () => {
    const j = await judgeConfig(spec(changed), container(old), opts(projectHashes(undefined)));
    assert.deepEqual(fields(j.drift), ['environment.FEATURE']);
    assert.match(j.basis ?? '', /field by field/);
  });

  test('a Swarm task is not compared with the compose file: the Swarm owns its configuration', async () => {
    const task = container(old);
    const j = await judgeConfig(spec(changed), { ...task, labels: { ...task.labels, 'com.docker.swarm.service.name': 'stack_api' } }, opts(source(H2)));
    assert.deepEqual(j.drift, []);
    assert.match(j.basis ?? '', /a Swarm task/);
  });

  test('one ask per project per check', async () => {
    asked = 0;
    const hashes = source(H2);
    await Promise.all([judgeConfig(spec(changed), container(old, H1), opts(hashes)), judgeConfig(spec(changed), container(old, H1), opts(hashes))]);
    assert.equal(asked, 1);
  });
});

import assert from 'node:assert/strict';
import { parseComposeProject, referencedFiles } from '../../../src/core/compose/parse';
import { shellSplit } from '../../../src/core/compose/serviceConfig';

const dir = '/ws/demo';

function config(text: string, env: Record<string, string | undefined> = {}, files: Record<string, string> = {}) {
  const project = parseComposeProject([{ path: `${dir}/compose.yaml`, text }], {
    dir,
    env,
    extraFiles: new Map(Object.entries(files).map(([name, t]) => [`${dir}/${name}`, t])),
  });
  const spec = project.services[0];
  assert.ok(spec?.config, spec?.error);
  return spec.config;
}

suite('compose service config (what the container should be created with)', () => {
  test('env_file first, then environment: the later wins, and each variable says where it was set', () => {
    const c = config(
      `
services:
  api:
    image: app
    env_file: [.env.api]
    environment:
      FEATURE_WORKFLOW: "on"
      FROM_SHELL:
      DEBUG: true
`,
      { FROM_SHELL: 'shell' },
      { '.env.api': 'FEATURE_WORKFLOW=off\nONLY_FILE=1\n' },
    );
    assert.deepEqual(c.environment, { FEATURE_WORKFLOW: 'on', ONLY_FILE: '1', FROM_SHELL: 'shell', DEBUG: 'true' });
    assert.equal(c.environmentFrom['ONLY_FILE'], '.env.api');
    assert.equal(c.environmentFrom['FEATURE_WORKFLOW'], 'environment');
  });

  test('a variable named without a value and not set anywhere is left unset, as compose does', () => {
    const c = config('services:\n  api:\n    image: app\n    environment: [NOT_SET, "A=1"]\n');
    assert.deepEqual(c.environment, { A: '1' });
  });

  test('env_file paths are among the files the caller reads first', () => {
    assert.deepEqual(referencedFiles([{ path: `${dir}/compose.yaml`, text: 'services:\n  api:\n    env_file: ./conf/api.env\n' }], dir), [`${dir}/conf/api.env`]);
  });

  test('a string command is split into words as a shell would, quotes and backslashes, a list is kept', () => {
    assert.deepEqual(config('services:\n  api:\n    image: a\n    command: node dist/main.js --name "two words"\n').command, ['node', 'dist/main.js', '--name', 'two words']);
    assert.deepEqual(config('services:\n  api:\n    image: a\n    entrypoint: ["tini", "--"]\n').entrypoint, ['tini', '--']);
    assert.deepEqual(shellSplit(`a 'b c' d\\ e ""`), ['a', 'b c', 'd e', '']);
  });

  test('a string command ends at its first unquoted shell operator: compose runs no shell, the rest is never run', () => {
    assert.deepEqual(config('services:\n  api:\n    image: a\n    command: >\n      yarn serve;\n').command, ['yarn', 'serve']);
    assert.deepEqual(shellSplit('pnpm i && pnpm dev'), ['pnpm', 'i']);
    assert.deepEqual(shellSplit('node a.js|tee log'), ['node', 'a.js']);
    assert.deepEqual(shellSplit('node a.js 2>err.log'), ['node', 'a.js']);
    assert.deepEqual(shellSplit(`sh -c "migrate; node a.js" ';' b\\;c`), ['sh', '-c', 'migrate; node a.js', ';', 'b;c']);
  });

  test('ports, expose, volumes, labels, healthcheck, user and working_dir in the engine encoding', () => {
    const c = config(`
services:
  api:
    image: a
    ports: ["127.0.0.1:8080:3000", "9229"]
    expose: ["4000-4001"]
    volumes: ["./data:/data:ro", "cache:/cache", "/anon", { type: bind, source: ./src, target: /app/src }]
    labels: ["tier=web"]
    healthcheck: { test: "curl -f localhost" }
    user: "1000"
    working_dir: /app
`);
    assert.deepEqual(c.exposed, ['3000/tcp', '4000/tcp', '4001/tcp', '9229/tcp']);
    assert.deepEqual(c.published, { '3000/tcp': ['127.0.0.1:8080'], '9229/tcp': [':'] });
    assert.deepEqual(c.volumes, { '/data': `bind:${dir}/data:ro`, '/cache': 'volume:cache', '/anon': 'volume:', '/app/src': `bind:${dir}/src` });
    assert.deepEqual(c.labels, { tier: 'web' });
    assert.deepEqual(c.healthcheck, ['CMD-SHELL', 'curl -f localhost']);
    assert.equal(c.user, '1000');
    assert.equal(c.workingDir, '/app');
  });

  test('x-runtime-drift.secretVariables must be a list of names', () => {
    const p = parseComposeProject([{ path: `${dir}/compose.yaml`, text: 'services:\n  api:\n    image: a\n    x-runtime-drift: { secretVariables: [INTERNAL_URL] }\n' }], { dir, env: {} });
    assert.deepEqual(p.services[0]?.drift.secretVariables, ['INTERNAL_URL']);
    const bad = parseComposeProject([{ path: `${dir}/compose.yaml`, text: 'services:\n  api:\n    image: a\n    x-runtime-drift: { secretVariables: INTERNAL_URL }\n' }], { dir, env: {} });
    assert.match(bad.services[0]?.error ?? '', /secretVariables must be a list/);
  });
});

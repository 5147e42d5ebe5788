import assert from 'node:assert/strict';
import { parseComposeProject, referencedFiles } from '../../../src/core/compose/parse';
import { UserInputError } from '../../../src/core/errors';

const dir = '/ws/demo';
const file = (text: string, name = 'compose.yaml') => ({ path: `${dir}/${name}`, text });
const parse = (text: string, env: Record<string, string | undefined> = {}) => parseComposeProject([file(text)], { dir, env });
/**
 * The problem is reported with `message`: thrown for the whole file when the file itself is bad,
 * else as the error of the one service it concerns (the other services are still read).
 */
const rejects = (text: string, message: RegExp) => {
  let project: ReturnType<typeof parse>;
  try {
    project = parse(text);
  } catch (e) {
    assert.ok(e instanceof UserInputError && message.test(e.message), String(e));
    return;
  }
  const errors = project.services.flatMap((s) => (s.error === undefined ? [] : [s.error]));
  assert.ok(errors.some((e) => message.test(e)), `no service error matches ${message}: ${JSON.stringify(errors)}`);
};

suite('compose parse', () => {
  test('host networking takes the listening port from expose: when there is no ports:', () => {
    const p = parse(`
services:
  api:
    network_mode: host
    expose: ["3000"]
  web:
    expose: ["80"]
`);
    assert.deepEqual(p.services[0]?.ports, [{ target: 3000, protocol: 'tcp' }]);
    assert.deepEqual(p.services[1]?.ports, []);
  });

  test('a service another waits for with service_completed_successfully is a one-shot job; started or healthy waits are not', () => {
    const p = parse(`
services:
  migrate:
    build: ./api
    command: ["npm", "run", "db:migrate"]
  cache:
    image: redis
  db:
    image: postgres
  worker:
    build: ./api
    depends_on: [cache]
  api:
    build: ./api
    depends_on:
      migrate:
        condition: service_completed_successfully
      db:
        condition: service_healthy
      worker:
        condition: service_started
`);
    const oneShot = Object.fromEntries(p.services.map((s) => [s.name, s.oneShot === true]));
    assert.deepEqual(oneShot, { migrate: true, cache: false, db: false, worker: false, api: false });
  });

  test('build args, as a mapping or a list, interpolated; one without a value takes the environment\'s, or is left out', () => {
    const p = parse(
      `
services:
  api:
    build:
      context: .
      args:
        PROJECT_DIR: \${PROJECT_DIR}
        RETRIES: 3
        UNSET:
  web:
    build:
      context: .
      args: ["OUT=\${OUT:-dist}", "FROM_SHELL", "NOT_SET"]
`,
      { PROJECT_DIR: '/nest-admin', FROM_SHELL: 'yes' },
    );
    assert.deepEqual(p.services[0]?.build?.args, { PROJECT_DIR: '/nest-admin', RETRIES: '3' });
    assert.deepEqual(p.services[1]?.build?.args, { OUT: 'dist', FROM_SHELL: 'yes' });
  });

  test('reads build, image, ports, network_mode and absolute paths', () => {
    const p = parse(`
services:
  api:
    build:
      context: ./backend
      dockerfile: docker/Dockerfile.prod
      target: runtime
    image: demo-api:latest
    ports: ["8080:3000"]
    network_mode: host
  web:
    build: ./frontend
  db:
    image: postgres:16
  worker: {}
`);
    assert.equal(p.name, 'demo');
    assert.deepEqual(p.composeFiles, ['/ws/demo/compose.yaml']);
    const [api, web, db, worker] = p.services;
    // The runtime configuration (config drift) has its own tests: test/unit/config/serviceConfig.test.ts.
    assert.deepEqual({ ...api, config: undefined }, {
      config: undefined,
      name: 'api',
      project: 'demo',
      projectDir: dir,
      composeFiles: ['/ws/demo/compose.yaml'],
      image: 'demo-api:latest',
      build: { context: '/ws/demo/backend', dockerfile: '/ws/demo/backend/docker/Dockerfile.prod', target: 'runtime' },
      ports: [{ published: 8080, target: 3000, protocol: 'tcp' }],
      networkMode: 'host',
      drift: {},
    });
    // No dockerfile: named, so Docker reads the context's `dockerfile` when it has no `Dockerfile`.
    assert.deepEqual(web?.build, { context: '/ws/demo/frontend', dockerfile: '/ws/demo/frontend/Dockerfile', defaultDockerfile: true });
    assert.equal(db?.build, undefined);
    assert.equal(db?.image, 'postgres:16');
    assert.equal(worker?.name, 'worker');
    assert.equal(worker?.build, undefined);
    assert.equal(worker?.image, undefined);
  });

  test('interpolates values from the given environment', () => {
    const p = parse('services:\n  api:\n    image: "api:${TAG:-dev}"\n    ports: ["${PORT}:3000"]\n', { PORT: '9000' });
    assert.equal(p.services[0]?.image, 'api:dev');
    assert.equal(p.services[0]?.ports[0]?.published, 9000);
  });

  test('a required variable that is missing is a UserInputError with its message', () => {
    rejects('services:\n  api:\n    image: "${IMAGE:?set IMAGE}"\n', /required variable IMAGE is missing a value: set IMAGE \(in [^)]*services\.api\.image\)/);
  });

  test('YAML merge keys work (x- anchors are a common compose idiom)', () => {
    const p = parse('x-common: &common\n  image: base:1\nservices:\n  a:\n    <<: *common\n');
    assert.equal(p.services[0]?.image, 'base:1');
  });

  suite('project name', () => {
    test('the folder name, normalised like compose', () => {
      const p = parseComposeProject([{ path: '/ws/My App.v2/compose.yaml', text: 'services: {}' }], {
        dir: '/ws/My App.v2',
        env: {},
      });
      assert.equal(p.name, 'myappv2');
    });

    test('top-level name: beats the folder', () => {
      assert.equal(parse('name: Shop_Front\nservices: {}').name, 'shop_front');
    });

    test('COMPOSE_PROJECT_NAME beats name:, as in docker compose', () => {
      assert.equal(parse('name: fromfile\nservices: {}', { COMPOSE_PROJECT_NAME: 'FromEnv' }).name, 'fromenv');
    });
  });

  suite('override files', () => {
    test('maps merge deeply, ports accumulate, scalars are replaced', () => {
      const base = file(`
services:
  api:
    build: ./backend
    image: api:1
    ports: ["3000:3000"]
    x-runtime-drift:
      routePrefix: /api
`);
      const override = file(
        `
services:
  api:
    build:
      target: dev
    image: api:dev
    ports: ["9229:9229", "3000:3000"]
    x-runtime-drift:
      baseUrl: http://127.0.0.1:3000
  extra:
    image: redis
`,
        'compose.override.yaml',
      );
      const p = parseComposeProject([base, override], { dir, env: {} });
      const api = p.services.find((s) => s.name === 'api');
      assert.deepEqual(p.composeFiles, ['/ws/demo/compose.yaml', '/ws/demo/compose.override.yaml']);
      assert.equal(api?.image, 'api:dev');
      assert.deepEqual(api?.build, {
        context: '/ws/demo/backend',
        dockerfile: '/ws/demo/backend/Dockerfile',
        defaultDockerfile: true,
        target: 'dev',
      });
      assert.deepEqual(
        api?.ports.map((x) => x.target),
        [3000, 9229],
      );
      assert.deepEqual(api?.drift, { routePrefix: '/api', baseUrl: 'http://127.0.0.1:3000' });
      assert.deepEqual(
        p.services.map((s) => s.name),
        ['api', 'extra'],
      );
    });
  });

  suite('x-runtime-drift', () => {
    test('is read, with source and buildOutput made absolute and target normalised', () => {
      const p = parse(`
services:
  api:
    build: ./backend
    x-runtime-drift:
      source: backend/src
      target: /app/dist/
      buildOutput: ./backend/dist
      baseUrl: http://127.0.0.1:3300
      routePrefix: /api/v1
      routes: ["GET /health"]
      auth: { bearerTokenEnv: API_TOKEN }
      modulesDir: features
`);
      assert.deepEqual(p.services[0]?.drift, {
        source: '/ws/demo/backend/src',
        target: '/app/dist',
        buildOutput: '/ws/demo/backend/dist',
        baseUrl: 'http://127.0.0.1:3300',
        routePrefix: '/api/v1',
        routes: ['GET /health'],
        auth: { bearerTokenEnv: 'API_TOKEN' },
        modulesDir: 'features',
      });
    });

    test('a wrong type names the service and the field', () => {
      rejects('services:\n  api:\n    x-runtime-drift:\n      source: 5\n', /service "api": x-runtime-drift\.source must be a string, got number 5/);
      rejects('services:\n  api:\n    x-runtime-drift:\n      routes: GET /health\n', /service "api": x-runtime-drift\.routes must be a list of strings/);
      rejects('services:\n  api:\n    x-runtime-drift:\n      routes: [1]\n', /x-runtime-drift\.routes must be a list/);
      rejects('services:\n  api:\n    x-runtime-drift:\n      auth: { bearerTokenEnv: [A] }\n', /service "api": x-runtime-drift\.auth\.bearerTokenEnv must be a string/);
      rejects('services:\n  api:\n    x-runtime-drift: yes\n', /service "api": x-runtime-drift must be a mapping/);
    });

    test('a relative target is rejected: it is a path inside the container', () => {
      rejects('services:\n  api:\n    x-runtime-drift:\n      target: app/dist\n', /x-runtime-drift\.target must be an absolute path inside the container/);
    });

    test('an unknown field (likely a typo) is rejected', () => {
      rejects('services:\n  api:\n    x-runtime-drift:\n      tagret: /app\n', /x-runtime-drift\.tagret is not a known field/);
    });
  });

  suite('bad input', () => {
    test('YAML syntax errors name the file and line', () => {
      rejects('services:\n  api:\n    image: "unterminated\n', /^compose\.yaml: Missing closing "quote at line \d+$/);
      rejects('services:\n  api:\n    image: a\n    image: b\n', /^compose\.yaml: Map keys must be unique at line 4$/);
    });

    test('services must be a mapping', () => {
      rejects('services:\n  - api\n', /compose\.yaml: "services" must be a mapping/);
    });

    test('the document must be a mapping', () => {
      rejects('- a\n- b\n', /compose\.yaml: the top level must be a mapping/);
    });

    test('a service that is not a mapping', () => {
      rejects('services:\n  api: nginx\n', /service "api" must be a mapping/);
    });

    test('a non-string image or build.context', () => {
      rejects('services:\n  api:\n    image: [a]\n', /service "api": image must be a string/);
      rejects('services:\n  api:\n    build: { context: 5 }\n', /service "api": build\.context must be a string/);
    });

    test('an empty file is a project without services', () => {
      assert.deepEqual(parse('').services, []);
    });
  });

  suite('real-world compose features', () => {
    const multi = (files: Record<string, string>, env: Record<string, string | undefined> = {}) => {
      const [first, ...rest] = Object.entries(files);
      return parseComposeProject([{ path: `${dir}/${first?.[0] ?? ''}`, text: first?.[1] ?? '' }], {
        dir,
        env,
        extraFiles: new Map(rest.map(([name, text]) => [`${dir}/${name}`, text])),
      });
    };

    test("one service's bad port or missing required variable fails that service only", () => {
      const p = parse('services:\n  api:\n    build: ./api\n    ports: ["http:3000"]\n  web:\n    image: "web:${TAG:?set TAG}"\n  db:\n    image: postgres\n');
      assert.deepEqual(
        p.services.map((s) => [s.name, s.error === undefined ? 'ok' : 'error']),
        [['api', 'error'], ['web', 'error'], ['db', 'ok']],
      );
      assert.match(p.services[1]?.error ?? '', /set TAG/);
    });

    test('a variable its environment requires missing fails the service, but its image, build and volumes are still read (where its source is); a required image leaves it none', () => {
      const p = parse('services:\n  api:\n    image: acme/api:1\n    build: ./api\n    volumes: ["./api/src:/app/src"]\n    environment:\n      - SECRET=${SECRET:?SECRET is required}\n  web:\n    image: "web:${TAG:?set TAG}"\n');
      const [api, web] = p.services;
      assert.match(api?.error ?? '', /required variable SECRET is missing a value: SECRET is required/);
      assert.equal(api?.image, 'acme/api:1');
      assert.equal(api?.build?.context, `${dir}/api`);
      assert.deepEqual(Object.values(api?.config?.volumes ?? {}), [`bind:${dir}/api/src`]);
      assert.match(web?.error ?? '', /set TAG/);
      assert.equal(web?.image, undefined);
    });

    test("a variable its environment requires missing leaves out that entry only: the service's other variables (NODE_ENV, which branch its start script takes) are still read", () => {
      const p = parse('services:\n  web:\n    build: ./web\n    environment:\n      - MODE=${MODE:-production}\n      - TOKEN=${TOKEN:?TOKEN is required}\n      - PLAIN=1\n  api:\n    build: ./api\n    environment:\n      LEVEL: ${LEVEL:-debug}\n      KEY: ${KEY:?set KEY}\n');
      const [web, api] = p.services;
      assert.match(web?.error ?? '', /TOKEN is required/);
      assert.deepEqual(web?.config?.environment, { MODE: 'production', PLAIN: '1' });
      assert.match(api?.error ?? '', /set KEY/);
      assert.deepEqual(api?.config?.environment, { LEVEL: 'debug' });
    });

    test('a port made blank by an unset variable names the variable, and only for the field it was in', () => {
      const p = parse('services:\n  api:\n    image: "api:${TAG}"\n    ports: ["${PORT}:${PORT}"]\n  web:\n    image: web\n    ports: ["${WEB_PORT:-8080}:80"]\n');
      const api = p.services.find((s) => s.name === 'api');
      assert.match(api?.error ?? '', /ports\[0\]: invalid port ":" \(variable PORT is not set, so compose substitutes a blank string\)$/);
      assert.doesNotMatch(api?.error ?? '', /TAG/);
      assert.deepEqual(api?.unsetVariables, ['PORT']);
      assert.equal(p.services.find((s) => s.name === 'web')?.error, undefined);
      const set = parse('services:\n  api:\n    ports: ["${PORT}:3000"]\n', { PORT: 'x' });
      assert.doesNotMatch(set.services[0]?.error ?? '', /not set/);
      assert.equal(set.services[0]?.unsetVariables, undefined);
      assert.match(set.services[0]?.error ?? '', /invalid port/);
    });

    test('an image reference made invalid by an unset variable fails that service only, naming the variable; the rest of it is still read', () => {
      const p = parse('services:\n  api:\n    build: ./api\n    image: "ghcr.io/acme/api:${TAG}"\n    x-runtime-drift: { modulesDir: features }\n  web:\n    image: "${REGISTRY}/web:${TAG:-latest}"\n  db:\n    image: postgres:16\n');
      const [api, web, db] = p.services;
      assert.match(api?.error ?? '', /^service "api": image: "ghcr\.io\/acme\/api:" is not a valid image reference \(variable TAG is not set, so compose substitutes a blank string\)$/);
      assert.equal(api?.build?.context, `${dir}/api`);
      assert.equal(api?.drift.modulesDir, 'features');
      assert.match(web?.error ?? '', /"\/web:latest" is not a valid image reference \(variable REGISTRY is not set/);
      assert.equal(db?.error, undefined);
      assert.equal(parse('services:\n  api:\n    image: "ghcr.io/acme/api:${TAG}"\n', { TAG: '1.2' }).services[0]?.error, undefined);
    });

    test('image references the engine accepts are taken as they are; malformed ones are that service\'s error', () => {
      const digest = `sha256:${'a1'.repeat(32)}`;
      const valid = ['postgres', 'postgres:16-alpine', 'ghcr.io/acme/api:1.2.3', 'localhost:5000/team/app', 'registry.example.com:443/a/b/c:v1', `nginx@${digest}`, `acme/api:latest@${digest}`, 'my_app', 'a__b', 'a---b/c.d', 'Registry.Example.com/app'];
      for (const image of valid) assert.equal(parse(`services:\n  api:\n    image: "${image}"\n`).services[0]?.error, undefined, image);
      for (const image of ['api:', ':latest', '/app:1', 'acme/API', 'app:tag with space', 'app::1', 'app@sha256:12', 'app/', `${'a'.repeat(256)}:1`]) {
        assert.match(parse(`services:\n  api:\n    image: "${image}"\n`).services[0]?.error ?? '', /is not a valid image reference/, image);
      }
    });

    test('a service with neither an image nor a build context (a file that only adds labels to another) is that service\'s error, which names how to check the files together', () => {
      const p = parse('services:\n  api:\n    labels: [traefik.enable=true]\n  web:\n    image: nginx\n');
      assert.match(p.services[0]?.error ?? '', /^service "api": has neither an image nor a build context: .*--compose-file/);
      assert.equal(p.services[1]?.error, undefined);
      const together = parseComposeProject([file('services:\n  api:\n    image: acme/api\n'), file('services:\n  api:\n    labels: [traefik.enable=true]\n', 'labels.yaml')], { dir, env: {} });
      assert.deepEqual(together.services.map((s) => [s.name, s.image, s.error]), [['api', 'acme/api', undefined]]);
    });

    test('a bad port fails the service but the rest of its definition is still read (build, image, x-runtime-drift)', () => {
      const p = parse('services:\n  api:\n    build: ./api\n    image: acme/api\n    ports: ["${PORT}:${PORT}"]\n    x-runtime-drift: { modulesDir: features }\n');
      const api = p.services[0];
      assert.match(api?.error ?? '', /ports\[0\]: invalid port/);
      assert.equal(api?.build?.context, `${dir}/api`);
      assert.equal(api?.image, 'acme/api');
      assert.equal(api?.drift.modulesDir, 'features');
      assert.deepEqual(api?.ports, []);
    });

    test('extends: a service in the same file and one in another file (its build context stays relative to that file)', () => {
      const p = multi({
        'compose.yaml': 'services:\n  base:\n    image: node\n    network_mode: host\n  api:\n    extends: base\n    build: ./api\n  worker:\n    extends: { file: common/services.yaml, service: job }\n',
        'common/services.yaml': 'services:\n  job:\n    build: ./job\n',
      });
      const api = p.services.find((s) => s.name === 'api');
      assert.equal(api?.networkMode, 'host');
      assert.equal(api?.build?.context, `${dir}/api`);
      assert.equal(p.services.find((s) => s.name === 'worker')?.build?.context, `${dir}/common/job`);
    });

    test('extends.file and include: names with variables are read as compose interpolates them (a default when unset)', () => {
      const text = 'include:\n  - ${STACK:-infra}/compose.yaml\nservices:\n  api:\n    extends:\n      file: compose.${FLAVOUR:-build}.yml\n      service: api\n';
      const files = [{ path: `${dir}/compose.yaml`, text }];
      assert.deepEqual(referencedFiles(files, dir), [`${dir}/infra/compose.yaml`, `${dir}/compose.build.yml`]);
      assert.deepEqual(referencedFiles(files, dir, { FLAVOUR: 'ecr' }), [`${dir}/infra/compose.yaml`, `${dir}/compose.ecr.yml`]);
      // A required variable unset: the name as written (parsing the service reports the variable).
      assert.deepEqual(referencedFiles([{ path: `${dir}/compose.yaml`, text: 'services:\n  api:\n    extends: { file: "${BASE:?set BASE}", service: api }\n' }], dir), [`${dir}/\${BASE:?set BASE}`]);
    });

    test('include: the included services join the project, their paths relative to their own file', () => {
      const p = multi({
        'compose.yaml': 'include:\n  - backend/compose.yaml\nservices:\n  web:\n    image: nginx\n',
        'backend/compose.yaml': 'services:\n  api:\n    build: .\n',
      });
      assert.deepEqual(p.services.map((s) => [s.name, s.project, s.build?.context ?? null]), [
        ['web', 'demo', null],
        ['api', 'demo', `${dir}/backend`],
      ]);
    });

    test('profiles: a service runs only when one of its profiles is active (COMPOSE_PROFILES)', () => {
      const text = 'services:\n  api:\n    build: ./api\n  debug:\n    image: busybox\n    profiles: [debug]\n';
      // Kept, marked with its profiles, for the check to take only once started (`--profile debug`).
      assert.deepEqual(parse(text).services.map((s) => [s.name, s.inactiveProfiles]), [['api', undefined], ['debug', ['debug']]]);
      assert.deepEqual(parse(text, { COMPOSE_PROFILES: 'debug' }).services.map((s) => [s.name, s.inactiveProfiles]), [['api', undefined], ['debug', undefined]]);
      // An inactive service whose definition cannot be read is left out, not reported.
      const bad = 'services:\n  api:\n    build: ./api\n  debug:\n    image: busybox\n    ports: ["x:y:z:w"]\n    profiles: [debug]\n';
      assert.deepEqual(parse(bad).services.map((s) => [s.name, s.error === undefined]), [['api', true]]);
    });

    test('profiles: an inactive service whose port is blank from an unset variable is kept, marked, with the hint', () => {
      // Every service under a profile, the ports from `.env` (not committed): compose has them once it exists.
      const text = 'services:\n  api:\n    build: ./api\n    ports: ["${API_PORT}:${API_PORT}"]\n    profiles: [dev]\n  web:\n    build: ./web\n    ports: ["${WEB_PORT}:80"]\n    profiles: [dev]\n';
      const services = parse(text).services;
      assert.deepEqual(services.map((s) => [s.name, s.inactiveProfiles, s.unsetVariables]), [['api', ['dev'], ['API_PORT']], ['web', ['dev'], undefined]]);
      assert.match(services[0]?.error ?? '', /API_PORT is not set/);
      assert.equal(services[0]?.build?.context, `${dir}/api`);
    });
  });
});

// Naming a service as `name` or `project/name`, and a rebuild that refuses a name it cannot tell apart.
import * as assert from 'node:assert/strict';
import { selectOneService, selectServices } from '../../../src/core/compose/selectService';
import { rebuildService } from '../../../src/core/rebuild';
import { UnknownServiceError, UserInputError } from '../../../src/core/errors';
import type { ServiceSpec } from '../../../src/core/model';
import type { EngineLike, ProberLike } from '../../../src/core/ports';
import { memFs } from '../helpers/memFs';

const spec = (project: string, name: string): ServiceSpec => ({ name, project, projectDir: `/w/${project}`, composeFiles: [], ports: [], drift: {} });
const all = [spec('docker', 'backend'), spec('docker', 'db'), spec('setup', 'backend')];
const names = (specs: ServiceSpec[]) => specs.map((s) => `${s.project}/${s.name}`);

suite('selecting services', () => {
  test('a bare name selects it in every project; project/name only that one', () => {
    assert.deepEqual(names(selectServices(all, ['backend'])), ['docker/backend', 'setup/backend']);
    assert.deepEqual(names(selectServices(all, ['setup/backend', 'db'])), ['docker/db', 'setup/backend']);
  });

  test('an unknown name or project is an error offering each name as it must be written', () => {
    assert.throws(
      () => selectServices(all, ['other/backend']),
      (err: unknown) => err instanceof UnknownServiceError && /no service named other\/backend .*\(services: docker\/backend, db, setup\/backend\)/.test(err.message),
    );
  });

  test('one service: a name two projects share must be told apart, naming both', () => {
    assert.equal(selectOneService(all, 'setup/backend'), all[2]);
    assert.equal(selectOneService(all, 'db'), all[1]);
    assert.throws(
      () => selectOneService(all, 'backend'),
      (err: unknown) => err instanceof UserInputError && /backend names more than one service \(docker\/backend, setup\/backend\): name one of them as listed/.test(err.message),
    );
  });

  test("variant stacks of one folder sharing the project name: each service is named by its label, `project/name (stack file)`", () => {
    const variant = (name: string, stackFile: string): ServiceSpec => ({ ...spec('cy', name), stackFile });
    const stacks = [variant('director', 'docker-compose.full.yml'), variant('mongo', 'docker-compose.full.yml'), variant('director', 'docker-compose.minio.yml'), spec('docs', 'director')];
    assert.equal(selectOneService(stacks, 'cy/director (docker-compose.minio.yml)'), stacks[2]);
    // As the views print it, or typed with other spacing.
    assert.equal(selectOneService(stacks, ' cy/director  (docker-compose.full.yml)'), stacks[0]);
    assert.equal(selectOneService(stacks, 'docs/director'), stacks[3]);
    assert.equal(selectOneService(stacks, 'mongo'), stacks[1]);
    // The check takes every service a name selects.
    assert.deepEqual(selectServices(stacks, ['cy/director']), [stacks[0], stacks[2]]);
    assert.throws(
      () => selectOneService(stacks, 'cy/director'),
      (err: unknown) =>
        err instanceof UserInputError &&
        err.message === 'cy/director names more than one service (cy/director (docker-compose.full.yml), cy/director (docker-compose.minio.yml)): name one of them as listed',
    );
    assert.throws(
      () => selectServices(stacks, ['cy/director (docker-compose.yml)']),
      (err: unknown) =>
        err instanceof UnknownServiceError &&
        err.message.endsWith('(services: cy/director (docker-compose.full.yml), mongo, cy/director (docker-compose.minio.yml), docs/director)'),
    );
  });

  test('a rebuild of a shared name runs no compose command and touches no engine; project/name rebuilds that one', async () => {
    const fs = memFs({
      '/w/docker/compose.yaml': 'services:\n  backend:\n    image: acme/backend\n',
      '/w/setup/compose.yaml': 'services:\n  backend:\n    image: acme/backend\n',
    });
    const ran: string[] = [];
    // An engine with nothing on it: no containers, no images.
    const asked: string[] = [];
    const engine = new Proxy({}, { get: (_t, key) => (key === 'host' ? 'unix:///fake.sock' : (...args: unknown[]) => (asked.push(`${String(key)} ${args.slice(0, 2).join(' ')}`), Promise.resolve(key === 'findServiceContainers' ? [] : undefined))) }) as EngineLike;
    const prober: ProberLike = { probe: () => Promise.reject(new Error('probed')) };
    const compose = {
      label: 'docker compose',
      run: async (p: { name: string }, args: string[]) => (ran.push(`${p.name} ${args.join(' ')}`), { code: 1 }),
      docker: async (dir: string, args: string[]) => (ran.push(`docker in ${dir}: ${args.join(' ')}`), { code: 1 }),
    };
    const deps = { fs, engine, prober, compose, scanner: { scan: () => Promise.reject(new Error('scanned')) } };
    const opts = { workspaceDir: '/w', env: {}, probe: false, onOutput: () => undefined, stayUpMs: 0 };
    await assert.rejects(rebuildService(deps, { ...opts, service: 'backend' }), /backend names more than one service \(docker\/backend, setup\/backend\)/);
    assert.deepEqual([ran, asked], [[], []]);
    const result = await rebuildService(deps, { ...opts, service: 'setup/backend' }).catch((err: unknown) => err);
    assert.ok(ran.length > 0 && ran.every((r) => r.startsWith('setup ') && r.endsWith(' backend')), `compose ran: ${ran.join('; ')} (${JSON.stringify(result)})`);
    assert.ok(asked.includes('findServiceContainers setup backend') && !asked.some((a) => a.includes('docker')), asked.join('; '));
  });
});

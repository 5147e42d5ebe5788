import assert from 'node:assert/strict';
import { composeArgs, detectComposeCli, guessComposeLabel } from '../../../src/engine/composeCli';
import type { CommandResult, RunCommand } from '../../../src/engine/composeCli';

/** A fake machine: each "command args" line answers with a fixed result; anything else is missing. */
function machine(answers: Record<string, Partial<CommandResult>>): { run: RunCommand; calls: string[] } {
  const calls: string[] = [];
  const run: RunCommand = async (command, args) => {
    const key = [command, ...args].join(' ');
    calls.push(key);
    const answer = answers[key];
    return answer ? { code: 0, stdout: '', stderr: '', ...answer } : { code: 127, stdout: '', stderr: `${command}: not found` };
  };
  return { run, calls };
}

suite('detectComposeCli', () => {
  test('prefers compose v2 (`docker compose`) and strips a leading v from its version', async () => {
    const { run, calls } = machine({ 'docker compose version --short': { stdout: 'v2.29.1\n' }, 'docker-compose version --short': { stdout: '1.29.2\n' } });
    assert.deepEqual(await detectComposeCli(run), { command: 'docker', baseArgs: ['compose'], version: '2.29.1' });
    assert.deepEqual(calls, ['docker compose version --short']);
  });

  test('falls back to docker-compose v1 when docker has no compose plugin', async () => {
    const { run, calls } = machine({
      'docker compose version --short': { code: 125, stderr: 'unknown flag: --short' },
      'docker-compose version --short': { stdout: '1.29.2\n' },
    });
    assert.deepEqual(await detectComposeCli(run), { command: 'docker-compose', baseArgs: [], version: '1.29.2' });
    assert.deepEqual(calls, ['docker compose version --short', 'docker-compose version --short']);
  });

  test('output that is not a version does not count as a compose CLI', async () => {
    const { run } = machine({ 'docker compose version --short': { stdout: 'Usage: docker [OPTIONS] COMMAND\n' } });
    assert.equal(await detectComposeCli(run), undefined);
  });

  test('undefined when neither is installed', async () => {
    assert.equal(await detectComposeCli(machine({}).run), undefined);
  });
});

suite('composeArgs', () => {
  test('names the project, every compose file in order, and the project folder before the command', () => {
    const args = composeArgs(
      { name: 'demo', dir: '/ws/demo', composeFiles: ['/ws/demo/compose.yaml', '/ws/demo/compose.override.yaml'] },
      ['up', '-d', '--no-deps', 'api'],
    );
    assert.deepEqual(args, [
      '-p', 'demo',
      '-f', '/ws/demo/compose.yaml',
      '-f', '/ws/demo/compose.override.yaml',
      '--project-directory', '/ws/demo',
      'up', '-d', '--no-deps', 'api',
    ]);
  });

  test('keeps arguments with spaces as single arguments (no shell involved)', () => {
    const args = composeArgs({ name: 'p', dir: '/my ws', composeFiles: ['/my ws/compose.yaml'] }, ['logs']);
    assert.equal(args[3], '/my ws/compose.yaml');
    assert.equal(args[5], '/my ws');
  });
});

suite('guessComposeLabel (fix texts without running anything)', () => {
  test('a compose plugin wins: docker compose', () => {
    const files = new Set(['/root/.docker/cli-plugins/docker-compose', '/usr/bin/docker-compose']);
    assert.equal(guessComposeLabel({ HOME: '/root', PATH: '/usr/bin' }, (p) => files.has(p)), 'docker compose');
  });
  test('only docker-compose on PATH: docker-compose', () => {
    const files = new Set(['/usr/bin/docker-compose']);
    assert.equal(guessComposeLabel({ HOME: '/root', PATH: '/usr/local/bin:/usr/bin' }, (p) => files.has(p)), 'docker-compose');
  });
  test('neither: docker compose, what most users have', () => {
    assert.equal(guessComposeLabel({ HOME: '/root', PATH: '/usr/bin' }, () => false), 'docker compose');
  });
});

// The command line a shell given `-c` runs, one reading for every reader of a start command.
import assert from 'node:assert/strict';
import { shellLineAt, withoutShell } from '../../../src/core/dockerfile/shellLine';

suite('the command line a shell given -c runs', () => {
  test('any path to sh, bash, ash, dash or zsh, -c alone or in a cluster of options', () => {
    assert.deepEqual(withoutShell(['sh', '-c', 'node a.js']), ['node a.js']);
    assert.deepEqual(withoutShell(['/usr/local/bin/zsh', '-lc', 'node', 'a.js']), ['node', 'a.js']);
    assert.deepEqual(withoutShell(['/bin/dash', '-ec', 'node a.js']), ['node a.js']);
    assert.deepEqual(withoutShell(['ash', '-xec', 'node a.js']), ['node a.js']);
    assert.deepEqual(withoutShell(['bash', '-e', '-c', 'node a.js']), ['node a.js']);
  });

  test('options before -c, a value-taking one with its value (`-o pipefail`), long ones (`--login`)', () => {
    assert.deepEqual(withoutShell(['/bin/bash', '-o', 'pipefail', '-c', 'node a.js']), ['node a.js']);
    assert.deepEqual(withoutShell(['bash', '--login', '-c', 'node a.js']), ['node a.js']);
    // `-o c`: the value is an option's name, not -c.
    assert.equal(shellLineAt(['bash', '-o', 'c', 'run.sh']), -1);
  });

  test('past exec, env and variable assignments before the shell', () => {
    assert.deepEqual(withoutShell(['exec', 'sh', '-c', 'node a.js']), ['node a.js']);
    assert.deepEqual(withoutShell(['/usr/bin/env', 'PORT=3000', 'bash', '-c', 'node a.js']), ['node a.js']);
    assert.equal(shellLineAt(['exec', '/bin/sh', '-c', 'node a.js']), 3);
  });

  test('not a shell running a script file, a shell without -c, nor another program taking -c', () => {
    assert.equal(shellLineAt(['sh', './start.sh']), -1);
    assert.equal(shellLineAt(['bash', '-e', 'start.sh', '-c']), -1);
    assert.equal(shellLineAt(['sh']), -1);
    assert.equal(shellLineAt(['rollup', '-c']), -1);
    assert.equal(shellLineAt(['shx', '-c', 'x']), -1);
    assert.equal(shellLineAt(['node', 'sh', '-c', 'x']), -1);
    assert.deepEqual(withoutShell(['node', 'a.js']), ['node', 'a.js']);
  });
});

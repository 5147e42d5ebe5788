// A start script's `if` testing for a file: the branch running that file is the start, its
// fallbacks are not; an `if` testing something else keeps every branch.
import assert from 'node:assert/strict';
import { fileTestBranchLines } from '../../../src/core/dockerfile/fileTestBranches';
import { startOfScript } from '../../../src/core/dockerfile/startScript';

suite('dockerfile: start script branches by a file test', () => {
  test('the first branch running the file it tests for is kept, the elif/else fallbacks dropped', () => {
    const lines = ['if [ -f "dist/main.js" ]; then', '  exec node dist/main.js', 'elif [ -f /srv/dist/main.js ]; then', '  exec node /srv/dist/main.js', 'else', '  exec npm run dev', 'fi'];
    assert.deepEqual(fileTestBranchLines(lines), ['  exec node dist/main.js']);
  });

  test('what the script starts is that branch, not the last exec', () => {
    const script = 'set -e\nnode tools/seed.js\nif test -e server.js; then exec node server.js; else exec yarn dev; fi\n';
    assert.equal(startOfScript(script, []), 'node server.js');
  });

  test('a test of another file than the branch runs (a lock file, a config) keeps every branch: the last exec, as before', () => {
    const script = 'if [ -f /data/.initialized ]; then\n  exec node server.js\nelse\n  exec node setup.js\nfi\n';
    assert.equal(startOfScript(script, []), 'node setup.js');
  });
});

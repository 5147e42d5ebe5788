// nodemon given a folder (`nodemon --config .nodemonrc .`) starts its main, as node does: the
// server's file, not nothing.
import assert from 'node:assert/strict';
import { startedScripts } from '../../../src/core/mapping/startedSource';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';

suite('mapping: nodemon started on a folder', () => {
  test('the file the start runs, nodemon given a folder starting its index.js (a readiness check before it comes first)', () => {
    const scripts = { 'serve:dev': 'nodemon --config .nodemonrc . | pino-pretty' };
    const stage = parseDockerfile('FROM node:22\nWORKDIR /srv\nCOPY . .\nCMD ["sh", "-c", "node lib/db-ready.js && npm run serve:dev"]\n').stages.at(-1);
    assert.ok(stage);
    assert.deepEqual(startedScripts(stage, scripts), ['/srv/lib/db-ready.js', '/srv/index.js']);
  });
});

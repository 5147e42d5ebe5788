// One check reads and parses a service's Dockerfile once, however many of its questions start from it.
import assert from 'node:assert/strict';
import { parsedDockerfile, withRemembered } from '../../../src/core/dockerfile/parsedOnce';
import { serviceRunsOtherLanguage } from '../../../src/core/mapping/foreignImage';
import { startsBuildWatcher } from '../../../src/core/mapping/buildWatcher';
import { serverSourceRoots } from '../../../src/core/gather/workspaceFiles';
import type { FsLike } from '../../../src/core/ports';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const FILES = {
  '/ws/package.json': JSON.stringify({ name: 'orders', dependencies: { express: '4' }, scripts: { start: 'node src/main.js' } }),
  '/ws/src/main.js': "const app = require('express')();\napp.get('/orders', (q, r) => r.json([]));\napp.listen(3000);\n",
  '/ws/Dockerfile': 'FROM node:22 AS build\nARG APP=orders\nWORKDIR /srv/${APP}\nCOPY . .\nRUN npm ci\nFROM build AS run\nCMD ["node", "src/main.js"]\n',
};

/** The files, counting each read of the Dockerfile. */
function counted(): { fs: FsLike; reads: () => number } {
  const mem = memFs(FILES);
  let reads = 0;
  return { fs: { ...mem, readFile: (p) => ((reads += p.endsWith('Dockerfile') ? 1 : 0), mem.readFile(p)) }, reads: () => reads };
}

const answers = async (fs: FsLike) => [await serviceRunsOtherLanguage(fs, buildSpec()), await startsBuildWatcher(fs, buildSpec()), await serverSourceRoots(fs, buildSpec())];

suite("a service's Dockerfile parsed once per check", () => {
  test('the questions a check asks of a service read its Dockerfile once through the remembering view, with the same answers', async () => {
    const plain = counted();
    const once = counted();
    const remembered = withRemembered(once.fs);
    assert.deepEqual(await answers(remembered), await answers(plain.fs));
    assert.deepEqual(await answers(remembered), [undefined, false, ['/ws/src']]);
    assert.equal(once.reads(), 1);
    assert.ok(plain.reads() > 2, `without it each question reads it again (${plain.reads()})`);
  });

  test('remembered by file and build args: other args are another parse; a view of its own (another check) reads again', async () => {
    const { fs, reads } = counted();
    const view = withRemembered(fs);
    const a = await parsedDockerfile(view, '/ws/Dockerfile', { APP: 'a' });
    assert.equal(a?.stages[0]?.workdir, '/srv/a');
    assert.equal((await parsedDockerfile(view, '/ws/Dockerfile', { APP: 'b' }))?.stages[0]?.workdir, '/srv/b');
    assert.equal(await parsedDockerfile(view, '/ws/Dockerfile', { APP: 'a' }), a);
    assert.equal(reads(), 2);
    await parsedDockerfile(withRemembered(fs), '/ws/Dockerfile', { APP: 'a' });
    assert.equal(reads(), 3);
    assert.equal(await parsedDockerfile(view, '/ws/absent/Dockerfile', {}), undefined);
  });
});

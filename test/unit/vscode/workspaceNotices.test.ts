import assert from 'node:assert/strict';
import { noticesToLog, workspaceNotices } from '../../../src/core/view/workspaceNotices';
import { sampleReport } from './sampleReport';

suite('workspaceNotices', () => {
  test('paths not read because they lead outside, then compose variants not checked, one line each', () => {
    const report = sampleReport({ readOutside: ['.env'], composeFilesNotRead: ['docker-compose.dev.yml'] });
    const lines = workspaceNotices(report);
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^\.env: not read, it leads outside the workspace/);
    assert.match(lines[1] ?? '', /^docker-compose\.dev\.yml: compose variant not checked/);
    assert.deepEqual(workspaceNotices(sampleReport()), []);
  });

  test('logged when they change, not again on the next check that says the same', () => {
    const first = noticesToLog(undefined, sampleReport({ readOutside: ['.env'] }));
    assert.equal(first.lines.length, 1);
    assert.deepEqual(noticesToLog(first.key, sampleReport({ readOutside: ['.env'] })).lines, []);
    const more = noticesToLog(first.key, sampleReport({ readOutside: ['.env', 'x.json'] }));
    assert.equal(more.lines.length, 2);
    const gone = noticesToLog(more.key, sampleReport());
    assert.deepEqual(gone, { key: '', lines: [] });
    assert.equal(noticesToLog(gone.key, sampleReport({ readOutside: ['.env'] })).lines.length, 1);
  });
});

import assert from 'node:assert/strict';
import { buildTree } from '../../../src/core/view/treeModel';
import type { PageReport } from '../../../src/core/model';
import { sampleReport, syncedWeb, WS } from './sampleReport';

suite('pages in the tree', () => {
  const page = (path: string, verdict: PageReport['verdict'], line: number): PageReport => ({
    path,
    framework: 'react-router',
    file: 'web/src/router.tsx',
    line,
    chunk: null,
    verdict,
    evidence: verdict === 'served' ? `${path} is in assets/index.js` : `${path} is in no asset under /srv/dist`,
  });

  test('a front end lists its pages under the service; the missing one is red and opens its route line', () => {
    const web = syncedWeb({ verdict: 'drift', pages: [page('/', 'served', 5), page('/workflow', 'missing', 6)] });
    const service = buildTree([sampleReport({ services: [web] })], new Date())[0]?.children[0];
    const pages = service?.children.find((c) => c.contextValue === 'pages');
    assert.equal(pages?.description, '2 pages · 1 not in the served bundle');
    assert.equal(pages?.expanded, true);
    assert.match(pages?.tooltip ?? '', /an SPA answers 200 for every path/);
    const workflow = pages?.children.find((c) => c.label === '/workflow');
    assert.equal(workflow?.description, 'not in the served bundle');
    assert.equal(workflow?.icon.color, 'charts.red');
    assert.deepEqual(workflow?.command?.args, [{ resource: `${WS}/web/src/router.tsx`, line: 6 }]);
  });

  test('a service without pages has no pages line', () => {
    const service = buildTree([sampleReport({ services: [syncedWeb()] })], new Date())[0]?.children[0];
    assert.ok(!service?.children.some((c) => c.contextValue === 'pages'));
  });
});

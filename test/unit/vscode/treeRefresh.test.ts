import assert from 'node:assert/strict';
import { changedKeys, sameData } from '../../../src/core/view/sameData';
import { buildTree, type TreeNodeModel } from '../../../src/core/view/treeModel';
import { refreshTree } from '../../../src/core/view/treeRefresh';
import { NOW, route, sampleReport, staleApi, syncedWeb } from './sampleReport';

function find(nodes: readonly TreeNodeModel[], id: string): TreeNodeModel | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = find(n.children, id);
    if (inner) return inner;
  }
  return undefined;
}

const WEB_HEALTH = 'p:/ws:demo/s:web/r:GET /health';

suite('treeRefresh', () => {
  test('the same reports again: nothing to refresh, every node keeps its object', () => {
    const shown = buildTree([sampleReport()], NOW);
    const before = find(shown, WEB_HEALTH);
    const { roots, changed } = refreshTree(shown, buildTree([sampleReport()], NOW));
    assert.deepEqual(changed, []);
    assert.equal(roots[0], shown[0]);
    assert.ok(before);
    assert.equal(find(roots, WEB_HEALTH), before);
  });

  test('a change inside one node refreshes that node only, updated in place', () => {
    const shown = buildTree([sampleReport()], NOW);
    const health = find(shown, WEB_HEALTH);
    const next = sampleReport({ services: [staleApi(), syncedWeb({ routes: [route({ path: '/health', status: 200, detail: 'answered in 3 ms' })] })] });
    const { roots, changed } = refreshTree(shown, buildTree([next], NOW));
    assert.ok(Array.isArray(changed));
    assert.deepEqual(changed.map((n) => n.id), [WEB_HEALTH]);
    assert.equal(changed[0], health);
    assert.match(find(roots, WEB_HEALTH)?.tooltip ?? '', /answered in 3 ms/);
  });

  test('a node whose children come or go is refreshed with its subtree, its ancestors are not', () => {
    const shown = buildTree([sampleReport()], NOW);
    const web = find(shown, 'p:/ws:demo/s:web');
    const next = sampleReport({ services: [staleApi(), syncedWeb({ routes: [route({ path: '/health' }), route({ path: '/ready' })] })] });
    const { changed } = refreshTree(shown, buildTree([next], NOW));
    assert.ok(Array.isArray(changed));
    // The web service's description counts its routes: it changed, and it is the topmost change.
    assert.deepEqual(changed.map((n) => n.id), ['p:/ws:demo/s:web']);
    assert.equal(changed[0], web);
    assert.deepEqual(web?.children.map((c) => c.id).slice(-2), [WEB_HEALTH, 'p:/ws:demo/s:web/r:GET /ready']);
  });

  test('new or removed roots refresh the whole tree', () => {
    const shown = buildTree([sampleReport()], NOW);
    const next = buildTree([sampleReport({ services: [staleApi({ project: 'other' }), syncedWeb()] })], NOW);
    assert.equal(refreshTree(shown, next).changed, 'all');
  });

  test('a field that disappears is removed from the shown node', () => {
    const node = (over: Partial<TreeNodeModel>): TreeNodeModel => ({ id: 'a', kind: 'message', label: 'a', tooltip: '', icon: { id: 'info' }, contextValue: 'message', expanded: false, children: [], ...over });
    const shown = [node({ description: 'old' })];
    const { roots, changed } = refreshTree(shown, [node({})]);
    assert.equal(roots[0], shown[0]);
    assert.deepEqual(changed, shown);
    assert.equal('description' in (roots[0] ?? {}), false);
  });
});

suite('sameData', () => {
  test('compares plain data deeply; an undefined key counts as absent', () => {
    assert.equal(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }), true);
    assert.equal(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }), false);
    assert.equal(sameData({ a: 1, b: undefined }, { a: 1 }), true);
    assert.equal(sameData([1, 2], [1, 2, 3]), false);
    assert.equal(sameData([], {}), false);
  });

  test('changedKeys names what was added, removed or changed', () => {
    const before = new Map([['a', [1]], ['b', [2]], ['c', [3]]]);
    const after = new Map([['a', [1]], ['b', [20]], ['d', [4]]]);
    assert.deepEqual(changedKeys(before, after), ['b', 'c', 'd']);
  });
});

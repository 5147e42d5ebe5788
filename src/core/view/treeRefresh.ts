// Per-node refresh of the Containers tree (GitLens refreshes the node that changed, not the
// view): a freshly built tree is folded into the one the view shows, keeping each node's object
// for as long as its id lives, and the nodes whose own fields or children changed are named.
import { sameData } from './sameData';
import type { TreeNodeModel } from './treeModel';

export interface TreeRefresh {
  /** The roots to show: the shown objects, updated in place, where ids are kept. */
  roots: TreeNodeModel[];
  /** 'all': the roots themselves changed. Else the topmost nodes to re-render (each with its subtree). */
  changed: 'all' | TreeNodeModel[];
}

export function refreshTree(shown: readonly TreeNodeModel[], next: TreeNodeModel[]): TreeRefresh {
  if (!sameIds(shown, next)) return { roots: next, changed: 'all' };
  const changed: TreeNodeModel[] = [];
  const roots = next.map((node, i) => fold(shown[i] as TreeNodeModel, node, changed));
  return { roots, changed };
}

/**
 * Updates `live` to `next` and returns it. It is reported in `changed` when its own fields or its
 * list of children differ; its descendants are then updated without being reported (the view
 * re-renders a node's subtree with it). `changed` undefined: an ancestor is reported already.
 */
function fold(live: TreeNodeModel, next: TreeNodeModel, changed: TreeNodeModel[] | undefined): TreeNodeModel {
  const { children: liveChildren, ...liveOwn } = live;
  const { children: nextChildren, ...nextOwn } = next;
  const ownChanged = !sameData(liveOwn, nextOwn);
  const report = changed !== undefined && (ownChanged || !sameIds(liveChildren, nextChildren));
  if (report) changed.push(live);
  if (ownChanged) {
    for (const key of Object.keys(liveOwn)) delete (live as unknown as Record<string, unknown>)[key];
    Object.assign(live, nextOwn);
  }
  const byId = new Map(liveChildren.map((c) => [c.id, c]));
  live.children = nextChildren.map((child) => {
    const old = byId.get(child.id);
    return old ? fold(old, child, report ? undefined : changed) : child;
  });
  return live;
}

function sameIds(a: readonly TreeNodeModel[], b: readonly TreeNodeModel[]): boolean {
  return a.length === b.length && a.every((n, i) => n.id === b[i]?.id);
}

// Modules whose ladders read alike, for the CLI's report: on a real project dozens of modules
// repeat the same six rungs ("image not built yet", "no container", ...), so a group is said once
// and only what tells its modules apart is said per module.
import { RUNG_NAMES } from '../model';
import type { ModuleReport, RungName } from '../model';

export interface ModuleGroup {
  modules: ModuleReport[];
  /** A rung of its modules failed (they share the statuses, the first failure and the fix). */
  failing: boolean;
}

const isFailing = (m: ModuleReport): boolean => m.firstFailure !== null || RUNG_NAMES.some((r) => m.rungs[r].status === 'fail');

/**
 * Modules with the same status on every rung, the same first failure and the same fix: failing
 * groups first, then the largest; modules keep their order within a group, groups of one size
 * keep the order of their first module.
 */
export function groupModules(modules: readonly ModuleReport[]): ModuleGroup[] {
  const groups = new Map<string, ModuleGroup>();
  for (const m of modules) {
    const key = JSON.stringify([RUNG_NAMES.map((r) => m.rungs[r].status), m.firstFailure, m.fix]);
    const group = groups.get(key);
    if (group) group.modules.push(m);
    else groups.set(key, { modules: [m], failing: isFailing(m) });
  }
  // Array.prototype.sort is stable: equal groups keep the order they were met in.
  return [...groups.values()].sort((a, b) => Number(b.failing) - Number(a.failing) || b.modules.length - a.modules.length);
}

/** What one rung says across a group: each distinct evidence with the modules that say it, most said first. */
export function rungVariants(modules: readonly ModuleReport[], rung: RungName): { evidence: string; modules: ModuleReport[] }[] {
  const byEvidence = new Map<string, ModuleReport[]>();
  for (const m of modules) {
    const evidence = m.rungs[rung].evidence;
    const list = byEvidence.get(evidence);
    if (list) list.push(m);
    else byEvidence.set(evidence, [m]);
  }
  return [...byEvidence].map(([evidence, ms]) => ({ evidence, modules: ms })).sort((a, b) => b.modules.length - a.modules.length);
}

/**
 * Module names said compactly: a module under another one of the list (`endpoints/api` under
 * `endpoints`) is counted with it, "endpoints (+11 below)", in the list's order.
 */
export function compactNames(names: readonly string[]): string[] {
  const set = new Set(names);
  const parentIn = (name: string): string | undefined => {
    for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1)) {
      const up = name.slice(0, i);
      if (set.has(up)) return parentIn(up) ?? up;
    }
    return undefined;
  };
  const below = new Map<string, number>();
  const roots: string[] = [];
  for (const name of names) {
    const root = parentIn(name);
    if (root === undefined) roots.push(name);
    else below.set(root, (below.get(root) ?? 0) + 1);
  }
  return roots.map((r) => (below.has(r) ? `${r} (+${below.get(r)} below)` : r));
}

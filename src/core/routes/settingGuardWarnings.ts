// The join's side of settingGuards.ts (kept apart: the engine bundles collect.ts without the
// TypeScript compiler): a registration made only when a test of the environment or configuration
// holds is warned of where it gives the app routes, once per test: the routes it registers, the
// mount that brings a router's routes, the Nest module or controller whose controllers serve.
import { scanWarningText, type ScanWarning } from '../scanTexts';
import type { SettingGuard } from './extracted';

/** Routes or modules named in one warning before the rest are counted. */
const SHOWN = 4;

/** What a guard holds: the routes it registers, the router a mount brings in, a Nest module or controller. */
export type GuardedSubject = { kind: 'routes'; routes: string[] } | { kind: 'mount'; mounts: Array<{ router: string; prefix: string }> } | { kind: 'modules'; names: string[] };

/** The warning of one guarded registration, at the guard's line. */
export function settingGuardWarning(subject: GuardedSubject, g: SettingGuard): ScanWarning {
  const unset = g.unset ? ([g.unset.variables.join(', '), String(g.unset.holds)] as const) : undefined;
  if (subject.kind === 'routes') {
    const shown = listed(subject.routes);
    return unset ? { id: 'onlyWhenRoutesUnset', args: [shown, g.code, ...unset], line: g.line } : { id: 'onlyWhenRoutes', args: [shown, g.code], line: g.line };
  }
  if (subject.kind === 'mount') {
    const routers = listed(subject.mounts.map((m) => m.router));
    const prefixes = [...new Set(subject.mounts.map((m) => m.prefix))].join(', ');
    return unset ? { id: 'onlyWhenMountUnset', args: [routers, prefixes, g.code, ...unset], line: g.line } : { id: 'onlyWhenMount', args: [routers, prefixes, g.code], line: g.line };
  }
  const names = listed(subject.names);
  return unset ? { id: 'onlyWhenModuleUnset', args: [names, g.code, ...unset], line: g.line } : { id: 'onlyWhenModule', args: [names, g.code], line: g.line };
}

/** The first few of a list, the rest counted. */
function listed(items: readonly string[]): string {
  return items.slice(0, SHOWN).join(', ') + (items.length > SHOWN ? ` (+${items.length - SHOWN})` : '');
}

interface GuardGroup {
  file: string;
  guard: SettingGuard;
  routes: string[];
}

/** The routes the join keeps under each guard, by file and guard, told once each (in the order first met). */
export class GuardedRoutes {
  private readonly byGuard = new Map<string, GuardGroup>();

  add(file: string, guard: SettingGuard, route: string): void {
    const key = guardKey(file, guard);
    const known = this.byGuard.get(key);
    if (!known) this.byGuard.set(key, { file, guard, routes: [route] });
    else if (!known.routes.includes(route)) known.routes.push(route);
  }

  /** Whether routes under this guard of this file are told (a mount under it, an inline plugin's, then needs no warning of its own). */
  has(file: string, guard: SettingGuard): boolean {
    return this.byGuard.has(guardKey(file, guard));
  }

  /** A route registered in both branches of one test (`if (dev) app.use('/x', a) else app.use('/x', b)`) is there either way: not told. */
  warnings(): string[] {
    const groups = [...this.byGuard.values()];
    const either = (g: GuardGroup, route: string) => groups.some((o) => o !== g && o.file === g.file && o.guard.line === g.guard.line && o.routes.includes(route));
    return groups.flatMap((g) => {
      const routes = g.routes.filter((r) => !either(g, r));
      return routes.length > 0 ? [scanWarningText(g.file, settingGuardWarning({ kind: 'routes', routes }, g.guard))] : [];
    });
  }
}

function guardKey(file: string, guard: SettingGuard): string {
  return `${file}\0${guard.line}\0${guard.code}`;
}

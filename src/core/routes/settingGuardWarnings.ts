// The join's side of settingGuards.ts (kept apart: the engine bundles collect.ts without the
// TypeScript compiler): a registration made only when a test of the environment or configuration
// holds is warned of where it gives the app routes, once per test: the routes it registers, the
// mount that brings a router's routes, the Nest module or controller whose controllers serve.
import { scanWarningText, type ScanWarning } from '../scanTexts';
import * as l10n from '@vscode/l10n';
import type { SettingGuard } from './extracted';
import { evaluateTest, NOT_KNOWN, testVariables, type EnvLookup } from './guardTest';
import { isSecretName } from '../redact';

/** Routes or modules named in one warning before the rest are counted. */
const SHOWN = 4;

/** What a guard holds: the routes it registers, the router a mount brings in, a Nest module or controller. */
export type GuardedSubject = { kind: 'routes'; routes: string[] } | { kind: 'mount'; mounts: Array<{ router: string; prefix: string }> } | { kind: 'modules'; names: string[] };

/** The warning of one guarded registration, at the guard's line. */
export function settingGuardWarning(subject: GuardedSubject, g: SettingGuard): ScanWarning {
  const unset = unsetOf(g);
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

/**
 * The variables a guard's test reads and whether it holds with every one unset (the literal defaults
 * the code gives: `process.env.DOCS ?? 'true'`), as the warning says them; undefined for a test that
 * is not one of environment variables.
 */
function unsetOf(g: SettingGuard): readonly [string, string] | undefined {
  if (!g.test) return undefined;
  const unset = evaluateTest(g.test.value, () => undefined);
  return unset === NOT_KNOWN ? undefined : [testVariables(g.test.value).join(', '), String(g.test.holds === Boolean(unset.v))];
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

/**
 * The environment a service runs with as its compose files declare it, over the ENV its image's
 * Dockerfile sets (gather/serviceEnv.ts): each variable's value and where it is set
 * ("docker-compose.yml:14", ".env.api:3", "ENV of api/Dockerfile"). Only variables set there are
 * known: one neither sets may come from a base image or the shell.
 */
export interface ServiceEnv {
  service: string;
  values: Readonly<Record<string, string>>;
  where: Readonly<Record<string, string>>;
}

/**
 * The value the service's environment gives `variable` for a route path or prefix: undefined when it
 * does not set it, and for a secret-looking name, which never goes into a path.
 */
export function envPathValue(env: ServiceEnv, variable: string): string | undefined {
  return !isSecretName(variable) && Object.hasOwn(env.values, variable) ? (env.values[variable] ?? '') : undefined;
}

/** The note that `variable`'s value from the service's environment went into a path read in `file`, and where it is set. */
export function envPathNote(file: string, env: ServiceEnv, variable: string): string {
  const value = env.values[variable] ?? '';
  const where = env.where[variable] ?? l10n.t('its compose files');
  if (value === '') return scanWarningText(file, { id: 'pathFromServiceEnvEmpty', args: [variable, env.service, where] });
  return scanWarningText(file, { id: 'pathFromServiceEnv', args: [variable, value, env.service, where] });
}

/**
 * Whether a guard holds for the service, when its environment sets every variable its test reads; with the
 * values as shown ("MODE=python (docker-compose.yml:14)"; a secret-looking name's value hidden).
 */
export function guardInEnv(g: SettingGuard, env: ServiceEnv | undefined): { holds: boolean; set: string } | undefined {
  // A test the committed configuration alone decides (configGuards.ts) needs no environment.
  const byDefaults = g.defaults !== undefined && g.test !== undefined && testVariables(g.test.value).length === 0;
  if (!g.test || (!env && !byDefaults)) return undefined;
  const lookup: EnvLookup = (name) => (env && Object.hasOwn(env.values, name) ? env.values[name] : NOT_KNOWN);
  const value = evaluateTest(g.test.value, lookup);
  if (value === NOT_KNOWN) return undefined;
  const set = testVariables(g.test.value)
    .map((name) => `${name}=${isSecretName(name) ? '***' : (env?.values[name] ?? '')}${env?.where[name] ? ` (${env.where[name]})` : ''}`)
    .join(', ');
  return { holds: Boolean(value.v) === g.test.holds, set };
}

/** Why a route registered under a guard that fails for the service is not served by it. */
export function notServedReason(g: SettingGuard, env: ServiceEnv | undefined, set: string): string {
  if (!env || set === '') return l10n.t('not served: registered only when {0} holds, and it does not with the values {1} gives; not probed', g.code, g.defaults ?? '');
  const values = g.defaults !== undefined ? `${set}, ${l10n.t('the values {0} gives', g.defaults)}` : set;
  return l10n.t('not served by service {0}: registered only when {1} holds, and it does not with {2}; not probed', env.service, g.code, values);
}

/** The warning of a guarded mount or Nest module the service's environment decides: served or not. */
export function decidedGuardWarning(subject: Exclude<GuardedSubject, { kind: 'routes' }>, g: SettingGuard, env: ServiceEnv, set: string): ScanWarning {
  const what = subject.kind === 'mount' ? listed(subject.mounts.map((m) => `${m.router} (${m.prefix})`)) : listed(subject.names);
  return { id: 'onlyWhenNotServed', args: [what, g.code, env.service, set], line: g.line };
}

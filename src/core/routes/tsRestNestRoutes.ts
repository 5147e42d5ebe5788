// The routes a @ts-rest/nest handler serves (tsRestNest.ts), read from the contract where it is
// declared: the contract route its decorator names, or each route written directly in the router it
// names, the pathPrefix of every router on the way before the route's path (tsRestContracts.ts).
import { CONTRACT_PREFIX, propOf, soleRef, type ConstValue } from './values';
import type { HttpMethod } from '../model';

/** The methods ts-rest's Nest adapter maps to Nest's route decorators. */
const NEST_ADAPTER_METHODS: ReadonlySet<string> = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

function isAdapterMethod(m: string | undefined): m is HttpMethod {
  return m !== undefined && NEST_ADAPTER_METHODS.has(m);
}

type ContractRoute = { method: HttpMethod; path: string };

/** A value of some file, and where it is: another file's imported binding is looked up through `refValue`. */
export interface ContractLookup<F> {
  refValue: (file: F, local: string, path: string[]) => { file: F; value: ConstValue } | undefined;
  text: (file: F, value: ConstValue) => string | undefined;
}

type At<F> = { file: F; value: ConstValue };

/**
 * The routes a @ts-rest/nest decorator serves, method and path before the controller's: the
 * contract route its argument names, or each route written directly in the router it names.
 * Undefined when the argument, a pathPrefix, a method or a path is not known statically.
 */
export function tsRestNestRoutes<F>(at: At<F>, keys: readonly string[], lookup: ContractLookup<F>): ContractRoute[] | undefined {
  const found = member(at, keys, '', lookup, 0);
  if (!found) return undefined;
  const route = routeOf(found.at, found.prefix, lookup);
  if (route !== null) return route ? [route] : undefined;
  const { value, file } = found.at;
  const own = value.kind === 'obj' && value.props[CONTRACT_PREFIX] ? lookup.text(file, value.props[CONTRACT_PREFIX]) : undefined;
  if (value.kind !== 'obj' || own === undefined) return undefined;
  const out: ContractRoute[] = [];
  for (const [key, entry] of Object.entries(value.props)) {
    if (key === CONTRACT_PREFIX) continue;
    const e = deref({ file, value: entry }, lookup, 0);
    if (!e) return undefined;
    const r = routeOf(e, found.prefix + own, lookup);
    if (r === undefined) return undefined;
    // null: a nested router, not served by a handler of the router enclosing it.
    if (r) out.push(r);
  }
  return out;
}

/** A reference to another file's value followed there (with its member path, each router on the way adding its prefix). */
function deref<F>(at: At<F>, lookup: ContractLookup<F>, depth: number): At<F> | undefined {
  const ref = soleRef(at.value);
  if (!ref) return at;
  if (depth > 8) return undefined;
  const target = lookup.refValue(at.file, ref.local, []);
  return target && member(target, ref.path, '', lookup, depth + 1)?.at;
}

/** The value at `keys` in a contract, with the pathPrefixes of the routers passed on the way. */
function member<F>(at: At<F>, keys: readonly string[], prefix: string, lookup: ContractLookup<F>, depth: number): { at: At<F>; prefix: string } | undefined {
  const here = deref(at, lookup, depth);
  const [key, ...rest] = keys;
  if (!here || key === undefined) return here && { at: here, prefix };
  const { value, file } = here;
  const own = value.kind === 'obj' && value.props[CONTRACT_PREFIX] ? lookup.text(file, value.props[CONTRACT_PREFIX]) : '';
  const next = value.kind === 'obj' ? propOf(value, [key]) : undefined;
  if (own === undefined || !next) return undefined;
  return member({ file, value: next }, rest, prefix + own, lookup, depth);
}

/** A contract route (`{ method, path }`) under `prefix`; null for a value that is no route (a router); undefined for one not known. */
function routeOf<F>(at: At<F>, prefix: string, lookup: ContractLookup<F>): ContractRoute | null | undefined {
  const { value, file } = at;
  if (value.kind !== 'obj' || Object.hasOwn(value.props, CONTRACT_PREFIX)) return null;
  const m = propOf(value, ['method']);
  const p = propOf(value, ['path']);
  if (!m && !p) return null;
  const method = m && lookup.text(file, m)?.toUpperCase();
  const path = p && lookup.text(file, p);
  return isAdapterMethod(method) && path !== undefined ? { method, path: prefix + path } : undefined;
}

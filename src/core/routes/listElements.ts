// The elements of a list of route options or paths another file declares, with the file each is
// read in: the lists it spreads (`[...adminRoutes, ...probeRoutes]`, values.ts SPREAD_ITEMS) are
// followed to the files declaring them and spliced in; and a route list helper's options
// (listHelpers.ts) for the list one call gives. No TypeScript here: collect.ts runs without the parser.
import { ARG, EACH, PER_ENTRY, SPREAD_ITEMS, propOf, soleRef, str, type ConstValue, type Part, type RefPath } from './values';

/** A value and the file whose imports and constants its references are read against. */
export interface Located<F> {
  file: F;
  value: ConstValue;
}

/** Follows an imported binding and a property path in it from a file (collect.ts refValue). */
export type RefResolver<F> = (file: F, local: string, path: string[]) => Located<F> | undefined;

/**
 * The elements an object standing for one element per listed file makes (values.ts PER_ENTRY,
 * pushedLists.ts), read in `file`; undefined when the listing is not known.
 */
type EntryElements<F> = (file: F, item: ConstValue) => ConstValue[] | undefined;

/** Lists spread into lists, at most this deep: a cycle of imports is not followed for ever. */
const MAX_SPREAD_DEPTH = 8;

/**
 * Each element of a list, those of the lists it spreads in their place; undefined when the value is
 * no list or a spread list is not found (the elements are then not known, never a part of them).
 */
export function listElements<F>(at: Located<F>, resolve: RefResolver<F>, perEntry?: EntryElements<F>, depth = 0): Array<Located<F>> | undefined {
  if (depth > MAX_SPREAD_DEPTH) return undefined;
  // A list another file's constant holds (`export const routes = adminRoutes`): that file's list.
  const held = soleRef(at.value);
  if (held) {
    const found = resolve(at.file, held.local, held.path);
    return found && listElements(found, resolve, perEntry, depth + 1);
  }
  const list = at;
  if (list.value.kind !== 'arr') return undefined;
  const out: Array<Located<F>> = [];
  for (const item of list.value.items) {
    if (item.kind === 'obj' && item.props[PER_ENTRY]) {
      const made = perEntry?.(list.file, item);
      if (!made) return undefined;
      out.push(...made.map((value) => ({ file: list.file, value })));
      continue;
    }
    const ref = soleRef(item);
    if (!ref || ref.path[ref.path.length - 1] !== SPREAD_ITEMS) {
      out.push({ file: list.file, value: item });
      continue;
    }
    const spread = resolve(list.file, ref.local, ref.path.slice(0, -1));
    const inner = spread && listElements(spread, resolve, perEntry, depth + 1);
    if (!inner) return undefined;
    out.push(...inner);
  }
  return out;
}

/**
 * Route options read from each element of another file's list by a loop (`for (const e of routes)
 * server.route({ url: e.path, method: e.method })`, `server.route(e)`, `route({ ...e, handler })`:
 * references through values.ts EACH): each element's options, read in the element's own file.
 * Undefined when the options read no element of a list, read two lists, or the list is not known.
 */
export function eachElementOptions<F>(at: Located<F>, resolve: RefResolver<F>, perEntry?: EntryElements<F>): Array<Located<F>> | undefined {
  const v = at.value;
  const whole = eachRef(v);
  const method = whole ? undefined : propOf(v, ['method']);
  const path = whole ? undefined : (propOf(v, ['path']) ?? propOf(v, ['url']));
  const ref = whole ?? [method, path].flatMap((x) => eachRefs(x)).at(0);
  if (!ref) return undefined;
  const each = ref.path.indexOf(EACH);
  const listPath = ref.path.slice(0, each);
  const sameList = (r: RefPath) => r.local === ref.local && r.path.indexOf(EACH) === each && listPath.every((k, i) => r.path[i] === k);
  // Read in the element's file, the options may hold no reference but to the element (`url: base + e.path` is not read here).
  const readsOther = [method, path].some((x) => x?.kind !== 'str' || x.parts.some((p) => typeof p !== 'string' && !sameList(p.ref)));
  const list = whole || !readsOther ? resolve(at.file, ref.local, listPath) : undefined;
  const elements = list && listElements(list, resolve, perEntry);
  if (!elements) return undefined;
  return elements.map((e) => {
    if (whole) return { file: e.file, value: propOf(e.value, whole.path.slice(each + 1)) ?? e.value };
    const props: Record<string, ConstValue> = {};
    const m = method && ofElement(method, e.value, each);
    const p = path && ofElement(path, e.value, each);
    if (m) props['method'] = m;
    if (p) props['path'] = p;
    return { file: e.file, value: { kind: 'obj', props } };
  });
}

/** A string of literal text and an element's properties (`'/v1' + e.path`) made of one element; undefined when a property is no string. */
function ofElement(v: ConstValue, element: ConstValue, each: number): ConstValue | undefined {
  if (v.kind !== 'str') return undefined;
  const parts: Part[] = [];
  for (const p of v.parts) {
    if (typeof p === 'string') parts.push(p);
    else {
      const own = propOf(element, p.ref.path.slice(each + 1));
      if (own === undefined && p.ref.fallback !== undefined) parts.push(p.ref.fallback);
      else if (own?.kind === 'str') parts.push(...own.parts);
      else if (own && v.parts.length === 1) return own;
      else return undefined;
    }
  }
  return str(...parts);
}

/** The references to a list's element (EACH) a value reads. */
function eachRefs(v: ConstValue | undefined): RefPath[] {
  return v?.kind === 'str' ? v.parts.flatMap((p) => (typeof p !== 'string' && p.ref.path.includes(EACH) ? [p.ref] : [])) : [];
}

/** The reference a value is when it is only that and reads an element of a list (EACH). */
function eachRef(v: ConstValue): RefPath | undefined {
  const ref = soleRef(v);
  return ref?.path.includes(EACH) ? ref : undefined;
}

/**
 * A list helper's route options for the list one call gives (`registerRoutes(server, routes)`): the
 * references to the list parameter's element (`*arg*<at>` then EACH) made references to an element
 * of the list given, read where it is declared (an imported list, `defaults.api.routes`), or, for a
 * list written at the call (`[...adminRoutes, probe]`), options per element. Undefined when the
 * options read another parameter or the list is neither.
 */
export function optionsForList(options: ConstValue, at: number, list: ConstValue): ConstValue | undefined {
  const whole = soleRef(list);
  if (whole) return withElement(options, at, (rest) => str({ ref: { local: whole.local, path: [...whole.path, EACH, ...rest] } }));
  if (list.kind !== 'arr') return undefined;
  const items: ConstValue[] = [];
  for (const item of list.items) {
    const ref = soleRef(item);
    const spread = ref?.path[ref.path.length - 1] === SPREAD_ITEMS ? ref : undefined;
    const one = spread
      ? withElement(options, at, (rest) => str({ ref: { local: spread.local, path: [...spread.path.slice(0, -1), EACH, ...rest] } }))
      : withElement(options, at, (rest) => propOf(item, rest));
    if (!one) return undefined;
    items.push(one);
  }
  return { kind: 'arr', items };
}

/** `v` with each reference to the element of parameter `at` replaced by what `element` gives for the property path after it. */
function withElement(v: ConstValue, at: number, element: (rest: string[]) => ConstValue | undefined): ConstValue | undefined {
  if (v.kind === 'obj') {
    const props: Record<string, ConstValue> = {};
    for (const [key, value] of Object.entries(v.props)) {
      const made = withElement(value, at, element);
      if (!made) return undefined;
      props[key] = made;
    }
    return { kind: 'obj', props };
  }
  if (v.kind !== 'str') return v;
  const parts: Part[] = [];
  for (const p of v.parts) {
    if (typeof p === 'string' || !p.ref.local.startsWith(ARG)) {
      parts.push(p);
      continue;
    }
    const own = p.ref.local === `${ARG}${at}` && p.ref.path[0] === EACH ? element(p.ref.path.slice(1)) : undefined;
    if (own?.kind === 'str') parts.push(...own.parts);
    else if (own && v.parts.length === 1) return own;
    else return undefined;
  }
  return str(...parts);
}

/** The position of the list parameter a helper's options read (`*arg*<n>` then EACH), -1 when none. */
export function listParamAt(v: ConstValue): number {
  if (v.kind === 'obj') return Object.values(v.props).map(listParamAt).find((n) => n >= 0) ?? -1;
  if (v.kind !== 'str') return -1;
  for (const p of v.parts) {
    const n = typeof p !== 'string' && p.ref.path[0] === EACH && p.ref.local.startsWith(ARG) ? Number(p.ref.local.slice(ARG.length)) : NaN;
    if (Number.isInteger(n)) return n;
  }
  return -1;
}

// What a route path, prefix or option evaluates to, statically: string literals, templates,
// concatenations, local and imported constants, object properties, enum members, getters that
// return a literal, `process.env.X || 'default'`. A value that refers to another file stays a
// reference until collect.ts has every file's exports to resolve it against.
import { isHttpMethod } from './routeSpec';

/**
 * In a reference's property path: each element of the array there, one value per element
 * (`for (const c of importedList) app.get(`/${c}`, ...)`), expanded once the import is resolved.
 */
export const EACH = '[]';
/** Where a file's constants keep the object literal it exports by default (`export default { ... }`, `module.exports = { ... }`). */
export const DEFAULT_OBJECT = '*default';
/**
 * In an object's properties: the imported object it spreads (`{ ...getThingSpec, middleware }`),
 * read for every key the object does not write itself once collect.ts resolves the import.
 */
export const SPREAD = '*spread*';

/**
 * In a reference's property path, last: the elements of the array there, spliced into the array
 * holding the reference (`[...adminRoutes, ...probeRoutes]` of imported lists; listElements.ts).
 */
export const SPREAD_ITEMS = '*items*';

/**
 * In a reference's property path: what the function there returns when called (`getRoute()` of an
 * imported hapi route factory, `module.exports = () => ({ method, path })`).
 */
export const CALLED = '*called*';

/**
 * In a function's value: the one object literal it returns, its parameters references to their
 * positions (ARG: `{ route: { verb: opts.verb } }`), filled with a call's arguments (DEFAULT_CALL).
 */
export const CALLED_TEMPLATE = '*called-template*';

/**
 * Among a file's constants: its default export made by a call of an imported function given object
 * literals (`export default defineRoute({ verb: 'get', at: '/' })`), as a reference to that function
 * with the call's arguments (`args`): collect.ts reads a member of it through CALLED_TEMPLATE.
 */
export const DEFAULT_CALL = '*default-call*';

/**
 * On a function's value beside CALLED, the same object: what it returns whatever it is given (one
 * object literal made per call, fileExports.ts calledValue), so a call with arguments not known
 * statically (`makeConfig(options)`) still gives it; a configuration getter's CALLED is keyed instead.
 */
export const ANY_ARGS = '*any-args*';

/**
 * In a reference's property path, last: the values of the object there, as `Object.values(x)`
 * gives them; on a namespace import alone (`Object.values(routesModule)`), the module's exported
 * values. collect.ts lists them once the import is resolved.
 */
export const VALUES = '*values*';

/**
 * In a reference's property path, last or before VALUES: what an object rest element keeps of the
 * value there (`const { legacy: _l, ...rest } = routesModule`), every key but those after the
 * marker, `|`-separated (`*omit*legacy`). A property read through it is the property itself.
 */
export const OMIT = '*omit*';

/** In a ts-rest contract's value (tsRestContracts.ts): its `pathPrefix` (empty when it has none); its other keys are its routes and nested contracts. */
export const CONTRACT_PREFIX = '*pathPrefix*';
/** In a ts-rest server router's value (`s.router(contract, impl)`): the contract it serves. */
export const SERVED_CONTRACT = '*contract*';

/**
 * In a class's value (fileExports.ts classValue), and in a reference's property path: an instance of
 * the class, its fields known statically (classInstances.ts), for `config.server.apiPath` read on an
 * imported `new ServerConfig()` or on what a function declared to return one gives.
 */
export const NEW = '*new*';

/**
 * The start of a reference's local name that stands for a folder listed at run time
 * (`fs.readdirSync(join(__dirname, 'api'))`): `*listed*api|.js` names the folder (relative to the
 * file) and the name endings its filter keeps. Under EACH, `name` is an entry's file name, and
 * `*split*<sep>` then an index, `*stem*` (the name without its last extension) or `*strip*<ext>`
 * (`path.basename(name, ext)`), what the loop
 * makes of it; collect.ts lists the folder from the tree's files.
 */
export const LISTED = '*listed*';

/**
 * The start of a listed folder (LISTED's `<dir>`) below a folder another file exports
 * (`import { root } from '../paths'; readdirSync(resolve(root, './api'))`):
 * `*folder*<source>><name>><rest>`, the import's source and name and the path below it; collect.ts
 * makes it a folder relative to the listing file from that file's ExtractedFile.folders.
 */
export const IMPORTED_FOLDER = '*folder*';

/**
 * The start of a listed folder (LISTED's `<dir>`) relative to the process's working folder, not to
 * the file (`globSync('./src/kinds/*.js')`): collect.ts makes it relative to the file from the
 * folder of the package the file belongs to (the nearest package.json above it), where `npm start` runs.
 */
export const CWD_FOLDER = '*cwd*';

/**
 * In a list's items, a key of an object standing for one element per file of a folder listed at run
 * time (`for (const f of globSync(...)) kinds.push({ name: basename(f) })`, pushedLists.ts): the
 * listing's reference; the object's other properties read that listing's entry, made per file by collect.ts.
 */
export const PER_ENTRY = '*per-entry*';

/**
 * Under EACH of a listing of the files below a folder (`*listed*<dir>|<endings>|<glob>`): an entry's
 * whole path, not its name (fs-jetpack's `find`, a glob's matches).
 */
export const PATH_ENTRY = '*path*';

/**
 * A piece of a string: literal text, or a reference to an imported binding (and a property path in
 * it); `fallback` is the text when that property is absent (`route.version ?? 'v1'`); `truthy`, the
 * text in place of the value, the first when it is there and true, the second when it is absent or
 * false (`route.options?.bare ? '' : '/api'`), or, with `equals`, the first when its text is that and the
 * second when it is another (`env.NODE_ENV === 'development' ? '/api' : ''`); `orElse`, the value in
 * place of it where it is absent, an environment variable not set, or empty (`env.PREFIX || x`; with
 * `nullish`, not where it is empty: `??`); `args`, on a path ending in CALLED, the arguments of
 * the call (`this.routerPath('sendText')` of a method of an imported base class): what the function
 * there returns for them (pathFunctions.ts). `nullish` says the same of an environment variable's
 * read (ENV_READ) and its `fallback`: the default stands only where the variable is unset
 * (`process.env.X ?? '/api'`, `configService.get('X', '/api')`), not where it is empty (`||`).
 */
export type Part = string | { ref: { local: string; path: string[]; fallback?: string; truthy?: [string, string]; equals?: string; orElse?: ConstValue; nullish?: true; oneOf?: RefPath[]; args?: ConstValue[] } };

/** A test of a text's end or start (`p.endsWith('/')`), for a conditional on a parameter (`cond`'s `equals` the text looked for). */
export type TextTest = 'endsWith' | 'startsWith';

/** An imported binding and a property path in it. */
export interface RefPath {
  local: string;
  path: string[];
}

/**
 * The local of a reference standing for one of several values, chosen at run time
 * (`(env === 'local' && require('./config.local')).default || require('./config.prod').default`):
 * its `oneOf` lists them, and it has a text only when every one has the same.
 */
export const ONE_OF = '*oneOf*';

/** A constant a file exports (or declares), reduced to what paths are built from. */
export type ConstValue =
  | { kind: 'str'; parts: Part[] }
  /**
   * `other`: the keys the object literal writes whose values are not in `props`, a boolean literal's
   * value, null for a value not known statically (what a truthiness test on the key needs);
   * `names`: of those, the ones holding a name of the file (`{ router }`, `{ router: lampRouter }`),
   * that name (a router a loop over such objects mounts: collect.ts valueRouters).
   */
  | { kind: 'obj'; props: Record<string, ConstValue>; other?: Record<string, boolean | null>; names?: Record<string, string> }
  | { kind: 'arr'; items: ConstValue[] }
  /** `configService.get('app.apiPrefix')`: a configuration key, resolved against config defaults. */
  | { kind: 'config'; key: string; nodeConfig?: true }
  /**
   * `mode === 'global' ? '' : '/:projectId/context'` on a constructor parameter (`param` is its
   * `$<index>`): one branch once an instance's argument is known (substituteParams). With `truthy`,
   * the test is the argument's truthiness (`param ? ... : ...`), `equals` unused.
   */
  | { kind: 'cond'; param: string; equals: string; then: ConstValue; otherwise: ConstValue; truthy?: true; textTest?: TextTest };

export type StrValue = { kind: 'str'; parts: Part[] };

export function str(...parts: Part[]): StrValue {
  return { kind: 'str', parts: mergeParts(parts) };
}

/** Adjacent literal parts joined. */
export function mergeParts(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}

/**
 * The local of a reference to an environment variable read with a default in code
 * (`process.env.X || '/api'`, `configService.get('X', '/api')`): its path is the variable, its
 * `fallback` the default. Read by the scan as that default (literalOf), as the code runs with the
 * variable unset; the join (collect.ts ValueResolver) gives it the value the service's environment
 * sets, where it sets one.
 */
export const ENV_READ = '*env*';

/** An environment variable's read with a literal default (ENV_READ); `nullish` unless an empty value gets the default too (`||`). */
export function envRead(variable: string, fallback: string, nullish = true): StrValue {
  return str({ ref: { local: ENV_READ, path: [variable], fallback, ...(nullish ? { nullish } : {}) } });
}

/** The default of a part that is an environment variable's read (ENV_READ); undefined for any other part. */
function envReadDefault(p: Part): string | undefined {
  return typeof p !== 'string' && p.ref.local === ENV_READ ? (p.ref.fallback ?? '') : undefined;
}

/** Whether a value reads an environment variable with a default in code (ENV_READ), for a reader keeping it for the join. */
export function readsEnv(v: ConstValue | undefined): boolean {
  if (!v) return false;
  if (v.kind === 'str') return v.parts.some((p) => envReadDefault(p) !== undefined);
  if (v.kind === 'arr') return v.items.some(readsEnv);
  return false;
}

/** The literal text when the value holds no reference (an environment variable's read with a default in code is that default: ENV_READ). */
export function literalOf(v: ConstValue | undefined): string | undefined {
  if (!v || v.kind !== 'str') return undefined;
  let out = '';
  for (const p of v.parts) {
    const text = typeof p === 'string' ? p : envReadDefault(p);
    if (text === undefined) return undefined;
    out += text;
  }
  return out;
}

/** The strings of a string or an array of strings, when all are literal. */
export function literalsOf(v: ConstValue | undefined): string[] | undefined {
  if (!v) return undefined;
  if (v.kind === 'arr') {
    const out = v.items.map(literalOf);
    return out.every((s): s is string => s !== undefined) ? out : undefined;
  }
  const one = literalOf(v);
  return one === undefined ? undefined : [one];
}

export function hasRefs(v: ConstValue | undefined): boolean {
  if (!v) return false;
  if (v.kind === 'str') return v.parts.some((p) => typeof p !== 'string' && envReadDefault(p) === undefined);
  if (v.kind === 'arr') return v.items.some(hasRefs);
  if (v.kind === 'config' || v.kind === 'cond') return true;
  return Object.values(v.props).some(hasRefs);
}

/** A property path inside a value. */
export function propOf(v: ConstValue | undefined, path: readonly string[]): ConstValue | undefined {
  let cur = v;
  for (const [i, key] of path.entries()) {
    if (!cur) return undefined;
    const spread = cur.kind === 'obj' && !Object.hasOwn(cur.props, key) ? cur.props[SPREAD] : undefined;
    if (spread) return propOf(spread, path.slice(i));
    if (cur.kind === 'obj') cur = cur.props[key];
    else if (cur.kind === 'arr' && /^\d+$/.test(key)) cur = cur.items[Number(key)];
    // `configService.get('app').globalPrefix`: the key under that namespace.
    else if (cur.kind === 'config') cur = { kind: 'config', key: `${cur.key}.${key}` };
    else {
      const ref = soleRef(cur);
      if (!ref) return undefined;
      const rest = path.slice(i);
      // A property of what a rest element keeps is that property of the whole (OMIT).
      const at = ref.path[ref.path.length - 1]?.startsWith(OMIT) ? ref.path.slice(0, -1) : ref.path;
      const oneOf = ref.oneOf?.map((o) => ({ local: o.local, path: [...o.path, ...rest] }));
      // Objects merged (evaluator.ts mergedRefs): the key in the one merged before where the later lacks it.
      const orElse = ref.nullish && ref.orElse && soleRef(ref.orElse) ? propOf(ref.orElse, rest) : undefined;
      return str({ ref: { local: ref.local, path: [...at, ...rest], ...(oneOf ? { oneOf } : {}), ...(orElse ? { orElse, nullish: true as const } : {}) } });
    }
  }
  return cur;
}

/**
 * The local of a reference standing for a configuration key read inside a string
 * (`${config.get('server.basePath')}/api`, `config.get('x') + '/y'`): its path is the key, its text
 * the configuration's default, as a `config.get` read alone resolves (collect.ts ValueResolver).
 */
export const CONFIG_KEY = '*config*';

/**
 * The local of a reference standing for an Express app setting read inside a string
 * (`${app.get('base path')}/api`): its path is the setting's name, its text what an `app.set` of
 * the project gives it (appSettings.ts), and nothing else: a `.get('key')` of another object finds
 * no default there.
 */
export const APP_SETTING = '*setting*';

/** A configuration key as a piece of a string (CONFIG_KEY), or an app setting's (APP_SETTING). */
function configAsText(v: ConstValue): ConstValue {
  // node-config's reads (`nodeConfig`) by their defaults; another `.get('key')` (a project's own config object, an Express app) may only be a setting it sets.
  if (v.kind !== 'config') return v;
  return str({ ref: { local: v.nodeConfig ? CONFIG_KEY : APP_SETTING, path: [v.key] } });
}

/** Two values joined as strings, each branch of a conditional on its own; undefined when either is not a string. */
export function concat(left: ConstValue, right: ConstValue): ConstValue | undefined {
  const [a, b] = [configAsText(left), configAsText(right)];
  const branches = (c: Extract<ConstValue, { kind: 'cond' }>, join: (x: ConstValue) => ConstValue | undefined): ConstValue | undefined => {
    const then = join(c.then);
    const otherwise = join(c.otherwise);
    return then && otherwise ? { ...c, then, otherwise } : undefined;
  };
  if (a.kind === 'cond') return branches(a, (x) => concat(x, b));
  if (b.kind === 'cond') return branches(b, (x) => concat(a, x));
  return a.kind === 'str' && b.kind === 'str' ? str(...a.parts, ...b.parts) : undefined;
}

/** A reference to a constructor's parameter (`$2`), filled by each instance's argument (substituteParams). */
export function paramRef(index: number): StrValue {
  return str({ ref: { local: `$${index}`, path: [] } });
}

/**
 * The start of a reference's local name that stands for a function's parameter (`*arg*1`), in what
 * the function returns (pathFunctions.ts): filled with each call's argument, as paramRef's `$1` is
 * with each instance's (a path function may read the constructor's parameters too).
 */
export const ARG = '*arg*';

/** A reference to a function's parameter, filled by each call's argument. */
export function argRef(index: number): StrValue {
  return str({ ref: { local: `${ARG}${index}`, path: [] } });
}

/** A local whose value is not known (pathFunctions.ts): a value that reads it is not known either (unknownIn). */
export const UNKNOWN_LOCAL = '*unknown*';

/** Whether a value reads a local not known, or (`withParams`) a parameter, a conditional on one too. */
export function unknownIn(v: ConstValue, withParams = false): boolean {
  const unknown = (local: string) => local === UNKNOWN_LOCAL || (withParams && local.startsWith(ARG));
  if (v.kind === 'str') return v.parts.some((p) => typeof p !== 'string' && unknown(p.ref.local));
  if (v.kind === 'arr') return v.items.some((x) => unknownIn(x, withParams));
  if (v.kind === 'cond') return unknown(v.param) || unknownIn(v.then, withParams) || unknownIn(v.otherwise, withParams);
  if (v.kind === 'obj') return Object.values(v.props).some((x) => unknownIn(x, withParams));
  return false;
}

/** Whether a value reads a function's parameter (values.ts ARG), a conditional on one too. */
export function readsArgs(v: ConstValue): boolean {
  return unknownIn(v, true) && !unknownIn(v);
}

/** An argument's text as a truthiness test reads it: '', 'false', '0', 'null', 'undefined' are false. */
export function isTruthyText(text: string): boolean {
  return !/^(?:|false|0|null|undefined|NaN)$/.test(text);
}

/** Whether a value depends on a constructor's parameters: a conditional on one, or a reference to one. */
export function hasParams(v: ConstValue): boolean {
  if (v.kind === 'cond') return true;
  if (v.kind === 'arr') return v.items.some(hasParams);
  return v.kind === 'str' && v.parts.some((p) => typeof p !== 'string' && /^\$\d+$/.test(p.ref.local));
}

/** Whether a string reads an element of an imported list (a ref whose path holds EACH). */
export function hasEach(v: StrValue): boolean {
  return v.parts.some((p) => typeof p !== 'string' && p.ref.path.includes(EACH));
}

/** A value's reference when the value is only that (another value, resolved later: collect.ts). */
export type Reference = Extract<Part, object>['ref'];

/** The reference `v` is when it is only one (`str({ ref })`); undefined for anything else. */
export function soleRef(v: ConstValue | undefined): Reference | undefined {
  const only = v?.kind === 'str' && v.parts.length === 1 ? v.parts[0] : undefined;
  return typeof only === 'object' && envReadDefault(only) === undefined ? only.ref : undefined;
}

/** A route config: an object with a literal HTTP method and a path (`createRoute({ method: 'get', path: '/x' })`). */
export function isRouteConfig(v: ConstValue | undefined): boolean {
  const given = propOf(v, ['method']);
  // `method: HTTPMethod.GET` of an imported enum: a member named for its method (its value read where the enum is).
  const ref = soleRef(given);
  const method = (literalOf(given) ?? (ref && ref.path.length > 0 ? ref.path[ref.path.length - 1] : undefined))?.toUpperCase();
  return v?.kind === 'obj' && method !== undefined && isHttpMethod(method) && propOf(v, ['path'])?.kind === 'str';
}

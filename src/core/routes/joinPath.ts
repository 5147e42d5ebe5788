// Route paths are written loosely ('workflows', '/api/v1/', 'steps//definitions'); every path
// the core compares or probes goes through this one normalisation.

/**
 * Joins route path parts with single slashes: a leading slash, no trailing slash ("/" for none). A
 * segment of stars only is one wildcard (`/api/auth/**` in Hono or Express matches as `/api/auth/*`).
 */
export function joinRoutePath(...parts: string[]): string {
  const segments = parts
    .flatMap((p) => p.split('/'))
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (s.length > 1 && /^\*+$/.test(s) ? '*' : s));
  return `/${segments.join('/')}`;
}

/**
 * The segment standing for a mount prefix this scan cannot know (`app.use(basePath(), router)`,
 * `register(plugin, { prefix: process.env.API_PREFIX })`): a route under it is shown as
 * `/…/users/:id` and never probed, since a guessed URL would answer 404 for a route that exists.
 */
export const UNKNOWN_PREFIX = '…';

/** Whether a joined path holds a prefix not known statically (UNKNOWN_PREFIX), several in a row read as one. */
export function unknownPrefixPath(p: string): string | undefined {
  if (!p.split('/').includes(UNKNOWN_PREFIX)) return undefined;
  return p.split('/').filter((s, i, all) => s !== UNKNOWN_PREFIX || all[i - 1] !== UNKNOWN_PREFIX).join('/');
}

/**
 * A parameter's constraint is not part of the path a client calls: Express `:id(\\d+)`, Hono
 * `:id{[0-9]+}` -> `:id`, a slash inside a character class included (Hono `:handle{@[^/]+}`; a bare
 * slash opens an optional group instead, `:pad{/:rev}`); a parameter with a constraint and no name (find-my-way's
 * `/:(pox\\d_events)`) is one all the same, named `param` as evaluator.ts names one not known.
 */
export function stripParamPatterns(p: string): string {
  if (!p.includes('{') && !p.includes('(')) return p;
  return p
    .replace(/(:[A-Za-z_$][\w$]*)\{(?:\[[^\]]*\]|[^{}/[])*\}/g, '$1')
    .replace(/(:[A-Za-z_$][\w$]*)\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/(^|\/):\((?:[^()]|\([^()]*\))*\)/g, '$1:param');
}

/** An OpenAPI path template's parameters as a router's: `/tasks/{id}` -> `/tasks/:id`. */
export function openApiPathToRoute(p: string): string {
  return p.replace(/\{([A-Za-z_$][\w$]*)\}/g, ':$1');
}

/**
 * Braced parameters (hapi's, tsoa's and LoopBack's decorators') as a router's: `{id}` -> `:id`,
 * `{id?}` -> `:id?`, hapi's `{path*}` / `{parts*2}` -> `*`. Only a brace holding a bare name is one
 * (Express 5's optional groups start with `/` or `:`).
 */
export function bracedPathToRoute(p: string): string {
  return p.replace(/\{([A-Za-z_$][\w$]*)\*\d*\}/g, '*').replace(/\{([A-Za-z_$][\w$]*)(\??)\}/g, ':$1$2');
}

/** Past this many optional groups in one path, the path is kept as written. */
const MAX_OPTIONAL_GROUPS = 4;

/**
 * Express 5 optional groups: `/users{/:id}` answers `/users` and `/users/:id` (koa-router:
 * `/users{/:id}?`). A brace right
 * after a parameter is its pattern (Hono `:id{[0-9]+}`), not a group.
 */
export function expandOptionalGroups(p: string): string[] {
  // koa-router's path-to-regexp 6 writes the same group `{/:id}?`. A brace right after a parameter
  // is its pattern (`:id{[0-9]+}`), unless it starts a segment of its own (`:pad{/:rev}`) or is a
  // separator and a parameter (`:scale{.:format}`, `:p4{@:scale}`: no pattern starts so).
  const group = /(?<!:[A-Za-z_$][\w$]*)\{([^{}]*)\}\??|\{(\/[^{}]*|[.@~-]:[A-Za-z_$][\w$]*)\}\??/;
  let out = [p];
  for (let i = 0; i < MAX_OPTIONAL_GROUPS && out.some((x) => group.test(x)); i++)
    out = out.flatMap((x) => {
      const m = group.exec(x);
      return m ? [x.slice(0, m.index) + x.slice(m.index + m[0].length), x.slice(0, m.index) + (m[1] ?? m[2] ?? '') + x.slice(m.index + m[0].length)] : [x];
    });
  return out.some((x) => group.test(x)) ? [p] : out;
}

/** Past this many paths, a path with alternative segments is kept as written. */
const MAX_ALTERNATIVES = 16;
/**
 * A group of literal alternatives, `(v4|latest)`, one of them possibly empty, `(|about)`, or one
 * optional literal, `(s)?`: a whole segment or inside one. A group right after a parameter (`:ns(ipfs|ipns)`, find-my-way's `:(x)`) is its pattern.
 */
const ALTERNATIVE_GROUP = /(?<!:(?:[A-Za-z_$][\w$]*)?)\(((?:[\w.~-]*\|)+[\w.~-]*|[\w.~-]+)\)(\?)?/;

/**
 * path-to-regexp before version 8 (Express 4, koa-router's prefixes and paths) reads a group of
 * literal alternatives as any one of them: `/(v4|latest)/capsules` answers at `/v4/capsules` and
 * at `/latest/capsules`; an optional one, `/user(s)?`, at `/user` and at `/users`. A group with
 * anything but literals in it is a pattern no probe can guess, kept as written.
 */
export function expandAlternativeSegments(p: string): string[] {
  let out = [p];
  while (out.some((x) => ALTERNATIVE_GROUP.test(x))) {
    out = out.flatMap((x) => {
      const m = ALTERNATIVE_GROUP.exec(x);
      if (!m) return [x];
      const [head, tail] = [x.slice(0, m.index), x.slice(m.index + m[0].length)];
      const alternatives = [...(m[2] ? [''] : []), ...(m[1] ?? '').split('|')];
      return [...new Set(alternatives.map((alt) => withoutTrailingSlash((head + alt + tail).replace(/\/\/+/g, '/'))))];
    });
    if (out.length > MAX_ALTERNATIVES) return [p];
  }
  return out;
}

/** An empty alternative ending the path leaves the slash before it, which the router does not need (non-strict routing). */
function withoutTrailingSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

// An Express 4 path starting with a `*` segment (`'*' + '/api/app'`): the `*` matches any text,
// none too, so the route answers at `/api/app` (and under any prefix, which no probe can guess):
// served at its shortest match. https://expressjs.com/en/4x/api.html#path-examples
export function withoutLeadingWildcard(p: string): string {
  return p.startsWith('*/') ? p.slice(1) : p;
}

/**
 * A path a router matches from its root: '/x', '*', Express 5's '*splat', '', or one starting with an unnamed
 * path-to-regexp group with no slash in it (koa-router's and Express 4's catch-all `(.*)`). A group
 * holding slashes (`(/clusters/[^/]*)?/api`) is a regex no single path spells.
 */
export function isRoutePath(p: string): boolean {
  return p.startsWith('/') || p === '*' || p === '' || /^\([^/()]*\)/.test(p) || /^\*[A-Za-z_$][\w$]*$/.test(p);
}

// Route paths are written loosely ('workflows', '/api/v1/', 'steps//definitions'); every path
// the core compares or probes goes through this one normalisation.

/** Joins route path parts with single slashes: a leading slash, no trailing slash ("/" for none). */
export function joinRoutePath(...parts: string[]): string {
  const segments = parts
    .flatMap((p) => p.split('/'))
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return `/${segments.join('/')}`;
}

/**
 * A parameter's constraint is not part of the path a client calls: Express `:id(\\d+)`, Hono
 * `:id{[0-9]+}` -> `:id`.
 */
export function stripParamPatterns(p: string): string {
  if (!p.includes('{') && !p.includes('(')) return p;
  return p.replace(/(:[A-Za-z_$][\w$]*)\{[^{}/]*\}/g, '$1').replace(/(:[A-Za-z_$][\w$]*)\((?:[^()]|\([^()]*\))*\)/g, '$1');
}

/** An OpenAPI path template's parameters as a router's: `/tasks/{id}` -> `/tasks/:id`. */
export function openApiPathToRoute(p: string): string {
  return p.replace(/\{([A-Za-z_$][\w$]*)\}/g, ':$1');
}

// node-config (`import config from 'config'; config.get('server.apiPath')`): the defaults its
// folder's default file holds (config/default.json, .yaml, .yml), by dotted key, for a setting
// read with a literal key. What another file of the folder or an environment variable
// (custom-environment-variables.json) sets at run time is not known here: the default is what the
// source says when nothing is set, as a `process.env.X ?? '/v1'` fallback is read.

/** The files node-config reads first, in its order (config/default.*): JSON before YAML. */
export const NODE_CONFIG_DEFAULT_FILES = ['default.json', 'default.yaml', 'default.yml'];

/** The package node-config is. */
export const NODE_CONFIG_PACKAGE = 'config';

/**
 * Each string, number or boolean of the default files' values by its dotted key (`{ server: {
 * apiPath: '/v1' } }` -> `server.apiPath`: '/v1'), a later file's value over an earlier one's, as
 * node-config merges them.
 */
export function nodeConfigDefaults(values: readonly unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown, key: string, depth: number): void => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      if (key !== '') out[key] = String(v);
    } else if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 16) {
      for (const [k, x] of Object.entries(v)) walk(x, key === '' ? k : `${key}.${k}`, depth + 1);
    }
  };
  for (const v of values) walk(v, '', 0);
  return out;
}

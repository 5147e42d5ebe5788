// The `.env` file next to a compose file: the variables compose interpolates with when the
// process environment does not set them.
import { interpolate, type Env } from './interpolate';

/**
 * Parses `.env` text: KEY=VALUE lines, `#` comments, optional `export ` prefix, single quotes
 * (literal), double quotes (escapes \n \t \" \\, may span lines) and unquoted values (trimmed,
 * ` #` starts a comment). Unquoted and double-quoted values may use `${VAR}` from earlier lines
 * or from `env`, as compose allows.
 */
export function parseDotenv(text: string, env: Env = {}): Record<string, string> {
  const out: Record<string, string> = {};
  // What a value is interpolated with: mergeEnv(env, out) kept up to date line by line, instead of made
  // again at every line (a copy of the whole process environment each time: a long .env file read for
  // every service that names it was quadratic).
  const scope = mergeEnv(env, {});
  const set = (key: string, value: string) => {
    out[key] = value;
    if (env[key] === undefined) scope[key] = value;
  };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue; // compose rejects these; we only need the variables that parse
    const key = m[1] as string;
    let raw = m[2] as string;
    if (raw.startsWith("'")) {
      const end = raw.indexOf("'", 1);
      set(key, end < 0 ? raw.slice(1) : raw.slice(1, end));
    } else if (raw.startsWith('"')) {
      // A double-quoted value may continue on following lines until its closing quote.
      while (findClosingQuote(raw) < 0 && i + 1 < lines.length) raw += '\n' + (lines[++i] ?? '');
      const end = findClosingQuote(raw);
      const body = end < 0 ? raw.slice(1) : raw.slice(1, end);
      set(key, interpolate(unescapeDouble(body), scope, `.env ${key}`));
    } else {
      const value = raw.replace(/\s+#.*$/, '').trim();
      set(key, interpolate(value, scope, `.env ${key}`));
    }
  }
  return out;
}

/** Process environment wins over `.env`, as with compose. */
export function mergeEnv(processEnv: Env, dotenv: Record<string, string>): Env {
  const merged: Env = { ...dotenv };
  for (const [k, v] of Object.entries(processEnv)) if (v !== undefined) merged[k] = v;
  return merged;
}

function findClosingQuote(raw: string): number {
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '"') return i;
  }
  return -1;
}

function unescapeDouble(body: string): string {
  return body.replace(/\\([\\"nrt$])/g, (_m, c: string) => {
    switch (c) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '$':
        return '$$'; // keep an escaped "$" literal through interpolation
      default:
        return c;
    }
  });
}

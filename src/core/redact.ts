// Secrets never reach a log, a terminal or a report: bearer tokens, Authorization headers,
// values of variables whose names say they are secret, and every value the caller knows to be one
// (the tokens it may send), wherever a compose file interpolated them.

const PATTERNS: RegExp[] = [
  /(authorization\s*[:=]\s*)(bearer\s+)?[^\s"',]+/gi,
  /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /(\b[A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY)[A-Z0-9_]*\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,]+)/g,
];

/** A variable whose name says it holds a secret (API_TOKEN, DB_PASSWORD, CLOUD_KEY, AWS_SECRET_ACCESS_KEY...). */
const SECRET_NAME = /(?:^|_)(?:TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|KEY|APIKEY|CREDENTIALS?|AUTH|PRIVATE|CERT|SESSION|COOKIE|SIGNATURE)(?:_|$)|TOKEN|SECRET|PASSWORD/i;

/** Values shorter than this are not redacted by name alone: "1" or "true" would blank every report. */
const MIN_NAMED_SECRET = 6;
/** Known token values this short are still redacted (a test token, a PIN-like key). */
const MIN_KNOWN_SECRET = 4;

/** PWD and OLDPWD are folders, not passwords. */
const NOT_SECRET = new Set(['PWD', 'OLDPWD']);

export function isSecretName(name: string): boolean {
  return !NOT_SECRET.has(name.toUpperCase()) && SECRET_NAME.test(name);
}

/**
 * The values a run must never print: those of `tokenNames` (variables it may send as tokens),
 * and those of every variable whose name says secret. Longest first, so a secret that contains
 * another is replaced whole.
 */
export function secretValues(env: Record<string, string | undefined>, tokenNames: readonly string[]): string[] {
  const out = new Set<string>();
  for (const name of tokenNames) {
    const v = env[name];
    if (v !== undefined && v.length >= MIN_KNOWN_SECRET) out.add(v);
  }
  for (const [name, v] of Object.entries(env)) {
    if (v !== undefined && v.length >= MIN_NAMED_SECRET && isSecretName(name)) out.add(v);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= MIN_KNOWN_SECRET) out = out.split(s).join('***');
  for (const p of PATTERNS) out = out.replace(p, (_m, keep: string) => `${keep}***`);
  return out;
}

/** A copy of a JSON-like value with every string redacted, so the JSON printed stays valid. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

// Secrets never reach a log, a terminal or a report: bearer tokens, Authorization headers,
// and values of variables whose names say they are secret.

const PATTERNS: RegExp[] = [
  /(authorization\s*[:=]\s*)(bearer\s+)?[^\s"',]+/gi,
  /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /(\b[A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY)[A-Z0-9_]*\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,]+)/g,
];

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  for (const p of PATTERNS) out = out.replace(p, (_m, keep: string) => `${keep}***`);
  return out;
}

// A mount path written as a regular expression (`app.use(/(\/api)?/, apiRouter)`): Express runs it
// on the request's path and strips what it matched before the router's own paths. One made only of
// literal characters, groups, alternatives and `?` matches a few prefixes, each known: the router
// serves under each of them. Anything else (`.`, classes, repetition, lookarounds) is not known.

/** How many prefixes a regular expression may stand for before it is taken as not known. */
const MAX_PREFIXES = 16;

/**
 * The prefixes a regular expression literal's text (`/(\/api)?/`) matches at the start of a path,
 * normalised ('' -> '/'): undefined unless it matches a few literal strings only, each empty or
 * starting with '/', and is anchored (`^`) or may match the empty string (matched at the path's
 * start: unanchored, Express would also match it further in).
 */
export function regexPrefixes(literal: string): string[] | undefined {
  const end = literal.lastIndexOf('/');
  const flags = literal.slice(end + 1);
  if (!literal.startsWith('/') || end <= 0 || !/^i?$/.test(flags)) return undefined;
  let body = literal.slice(1, end);
  const anchored = body.startsWith('^');
  if (anchored) body = body.slice(1);
  const reader = { text: body, at: 0 };
  const found = alternatives(reader);
  if (!found || reader.at !== body.length) return undefined;
  if (!anchored && !found.includes('')) return undefined;
  if (!found.every((p) => p === '' || p.startsWith('/'))) return undefined;
  return [...new Set(found.map((p) => p.replace(/\/+$/, '') || '/'))];
}

interface Reader {
  text: string;
  at: number;
}

/** `a|b|...` up to a closing parenthesis or the end: every string one of them matches. */
function alternatives(r: Reader): string[] | undefined {
  const out: string[] = [];
  for (;;) {
    const seq = sequence(r);
    if (!seq) return undefined;
    out.push(...seq);
    if (out.length > MAX_PREFIXES) return undefined;
    if (r.text[r.at] !== '|') return out;
    r.at++;
  }
}

/** Atoms one after another, each optional with `?`: every concatenation. */
function sequence(r: Reader): string[] | undefined {
  let out = [''];
  while (r.at < r.text.length && r.text[r.at] !== '|' && r.text[r.at] !== ')') {
    const choices = atom(r);
    if (!choices) return undefined;
    const optional = r.text[r.at] === '?';
    if (optional) r.at++;
    const all = optional ? [...choices, ''] : choices;
    out = out.flatMap((a) => all.map((b) => a + b));
    if (out.length > MAX_PREFIXES) return undefined;
  }
  return out;
}

/** A literal character, an escaped punctuation character (`\/`, `\.`), or a group `(...)` / `(?:...)`. */
function atom(r: Reader): string[] | undefined {
  const c = r.text[r.at] ?? '';
  if (c === '(') {
    // A lookaround or a named group (`(?!`, `(?<x>`) is no plain group.
    const plain = r.text.startsWith('(?:', r.at);
    if (!plain && r.text[r.at + 1] === '?') return undefined;
    r.at += plain ? 3 : 1;
    const inner = alternatives(r);
    if (!inner || r.text[r.at] !== ')') return undefined;
    r.at++;
    return inner;
  }
  if (c === '\\') {
    const next = r.text[r.at + 1] ?? '';
    if (!/^[^\w\s]$/.test(next)) return undefined;
    r.at += 2;
    return [next];
  }
  if ('.[]{}*+?^$'.includes(c)) return undefined;
  r.at++;
  return [c];
}

// A source file seen two ways at the same offsets: `text` as written, and `code` with comments,
// string/template contents and regex literal bodies blanked. Route scanning matches patterns on
// `code` (so a commented-out `@Get('old')` or a string that mentions `router.get(` never counts)
// and reads literal values back from `text`. No TypeScript compiler: extraction must stay cheap
// and tolerant of files that do not parse.

export interface SourceText {
  readonly text: string;
  readonly code: string;
  /** 1-based line of an offset. */
  lineAt(offset: number): number;
}

export function createSourceText(text: string): SourceText {
  const code = maskSource(text);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return {
    text,
    code,
    lineAt(offset: number): number {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}

// A `/` starts a regex literal (not a division) after these characters or keywords.
const REGEX_AFTER_CHARS = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'case', 'in', 'of', 'yield', 'await', 'void', 'delete', 'throw', 'new', 'else', 'do']);

/** Blanks comments, string/template contents and regex bodies; keeps quotes, newlines and length. */
export function maskSource(text: string): string {
  const out = text.split('');
  const blank = (i: number): void => {
    const c = out[i];
    if (c !== '\n' && c !== '\r') out[i] = ' ';
  };
  // Brace depth inside each open `${ ... }` of a template literal, innermost last.
  const templateDepths: number[] = [];
  let i = 0;
  const n = text.length;

  // Scans template literal content from `i` (just after "`" or "}"); stops after the closing
  // backtick or after an opening "${" (pushing a new depth counter).
  const scanTemplate = (): void => {
    while (i < n) {
      const c = text[i];
      if (c === '\\') {
        blank(i);
        if (i + 1 < n) blank(i + 1);
        i += 2;
      } else if (c === '`') {
        i++;
        return;
      } else if (c === '$' && text[i + 1] === '{') {
        i += 2;
        templateDepths.push(0);
        return;
      } else {
        blank(i);
        i++;
      }
    }
  };

  const previousSignificant = (from: number): { char: string | undefined; word: string } => {
    let j = from - 1;
    while (j >= 0 && /\s/.test(out[j] ?? '')) j--;
    const char = j >= 0 ? out[j] : undefined;
    let k = j;
    while (k >= 0 && /[\w$]/.test(out[k] ?? '')) k--;
    return { char, word: out.slice(k + 1, j + 1).join('') };
  };

  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && text[i] !== '\n') blank(i++);
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      while (i < stop) blank(i++);
    } else if (c === "'" || c === '"') {
      i++;
      while (i < n && text[i] !== c && text[i] !== '\n') {
        if (text[i] === '\\' && i + 1 < n) blank(i++);
        blank(i++);
      }
      if (text[i] === c) i++;
    } else if (c === '`') {
      i++;
      scanTemplate();
    } else if (c === '{') {
      const last = templateDepths.length - 1;
      if (last >= 0) templateDepths[last] = (templateDepths[last] ?? 0) + 1;
      i++;
    } else if (c === '}') {
      const last = templateDepths.length - 1;
      i++;
      if (last >= 0) {
        if ((templateDepths[last] ?? 0) === 0) {
          templateDepths.pop();
          scanTemplate();
        } else templateDepths[last] = (templateDepths[last] ?? 0) - 1;
      }
    } else if (c === '/' && startsRegex(previousSignificant(i))) {
      i = maskRegex(text, i, blank);
    } else {
      i++;
    }
  }
  return out.join('');
}

function startsRegex(prev: { char: string | undefined; word: string }): boolean {
  if (prev.char === undefined) return true;
  if (prev.word) return REGEX_AFTER_WORDS.has(prev.word);
  return REGEX_AFTER_CHARS.has(prev.char);
}

/** Blanks a regex literal body starting at the `/` at `start`; returns the offset after it. */
function maskRegex(text: string, start: number, blank: (i: number) => void): number {
  let i = start + 1;
  let inClass = false;
  const body: number[] = [];
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') return start + 1; // not a regex after all: leave it as code
    if (c === '\\') {
      body.push(i, i + 1);
      i += 2;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      for (const b of body) blank(b);
      return i + 1;
    }
    body.push(i);
    i++;
  }
  return start + 1;
}

export function skipSpace(code: string, i: number): number {
  while (i < code.length && /\s/.test(code[i] ?? '')) i++;
  return i;
}

/** Offset of the bracket closing the one at `open`, or -1. Strings are masked, so counting works. */
export function findClose(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Top-level comma-separated ranges [start, end) between the brackets at `open` and `close`. */
export function splitTopLevel(code: string, open: number, close: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < close; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  if (code.slice(start, close).trim()) parts.push([start, close]);
  return parts;
}

/**
 * The string literal starting at `i` (a quote in `code`), or undefined when there is none or it
 * is dynamic (a template with `${}`).
 */
export function readString(src: SourceText, i: number): { value: string; end: number } | undefined {
  const quote = src.code[i];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  const close = src.code.indexOf(quote, i + 1);
  if (close < 0) return undefined;
  const raw = src.text.slice(i + 1, close);
  if (quote === '`' ? raw.includes('${') : raw.includes('\n')) return undefined;
  return { value: raw.replace(/\\(.)/g, '$1'), end: close + 1 };
}

/**
 * A string literal or an array of them at `i`; undefined when anything else is there. `other`
 * may read an item that is not a string literal (a known constant), or say undefined.
 */
export function readStrings(src: SourceText, i: number, other?: (at: number) => string | undefined): string[] | undefined {
  const item = (at: number): string | undefined => readString(src, at)?.value ?? other?.(at);
  const start = skipSpace(src.code, i);
  if (src.code[start] !== '[') {
    const one = item(start);
    return one === undefined ? undefined : [one];
  }
  const close = findClose(src.code, start);
  if (close < 0) return undefined;
  const values: string[] = [];
  for (const [a] of splitTopLevel(src.code, start, close)) {
    const value = item(skipSpace(src.code, a));
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

/** Offset of the value of top-level property `key` in the object literal at `open`, if present. */
export function objectValue(src: SourceText, open: number, key: string): number | undefined {
  const close = findClose(src.code, open);
  if (close < 0) return undefined;
  const keyPattern = new RegExp(`^(?:${key}|'${key}'|"${key}")\\s*:`);
  for (const [a, b] of splitTopLevel(src.code, open, close)) {
    const start = skipSpace(src.code, a);
    // Match on `text`: a quoted key's letters are blanked in `code`.
    const m = keyPattern.exec(src.text.slice(start, b));
    if (m) return skipSpace(src.code, start + m[0].length);
  }
  return undefined;
}

// A launcher choosing what to load by a test of an environment variable (`if (process.env.NODE_ENV
// === 'production') { require('./dist/server.bundle.js') } else { require('./server/server') }`),
// started with that variable set (the Dockerfile's ENV, compose's environment, the start line's
// `NODE_ENV=development`): only the block that test takes runs. The shell scripts' counterpart is
// dockerfile/envBranches.ts. Read as text, never run: a test of a variable not set, of anything
// else, or followed by `else if`, keeps every block.

/** `if (process.env.NAME === 'value') {` (also `process.env['NAME']`, `==`, `!==`, `!=`, the literal first). */
const ENV_IF = /\bif\s*\(\s*(?:(?:process\.env\.([A-Za-z_]\w*)|process\.env\[\s*(['"])([A-Za-z_]\w*)\2\s*\])\s*([!=]==?)\s*(['"])([^'"\n]*)\5|(['"])([^'"\n]*)\7\s*([!=]==?)\s*(?:process\.env\.([A-Za-z_]\w*)|process\.env\[\s*(['"])([A-Za-z_]\w*)\11\s*\]))\s*\)\s*\{/g;

/** The code with, of each `if` testing a variable `env` sets against a string, the block its value does not take left out. */
export function envTakenCode(text: string, env: Readonly<Record<string, string>>): string {
  let out = text;
  ENV_IF.lastIndex = 0;
  for (let m = ENV_IF.exec(out); m; m = ENV_IF.exec(out)) {
    const name = m[1] ?? m[3] ?? m[10] ?? m[12] ?? '';
    const op = m[4] ?? m[9] ?? '';
    const value = m[6] ?? m[8] ?? '';
    const open = m.index + m[0].length - 1;
    const close = blockEnd(out, open);
    if (!Object.hasOwn(env, name) || close < 0) continue;
    const rest = /^\s*else\s*(\{|if\b)/.exec(out.slice(close + 1));
    if (rest?.[1] === 'if') continue;
    const elseOpen = rest ? close + rest[0].length : -1;
    const elseClose = rest ? blockEnd(out, elseOpen) : close;
    if (elseClose < 0) continue;
    const holds = (env[name] === value) === op.startsWith('=');
    const taken = holds ? out.slice(open + 1, close) : elseOpen < 0 ? '' : out.slice(elseOpen + 1, elseClose);
    out = `${out.slice(0, m.index)}{${taken}}${out.slice(elseClose + 1)}`;
    // The block kept is read again: an `if` inside it is decided the same way.
    ENV_IF.lastIndex = m.index + 1;
  }
  return out;
}

/** The index of the `}` closing the block opened at `open`, skipping strings and comments; -1 when it is not closed. */
function blockEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === '`') i = quoteEnd(text, i);
    else if (ch === '/' && text[i + 1] === '/') i = lineEnd(text, i);
    else if (ch === '/' && text[i + 1] === '*') i = commentEnd(text, i);
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

function quoteEnd(text: string, at: number): number {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}

function commentEnd(text: string, at: number): number {
  const end = text.indexOf('*/', at + 2);
  return end < 0 ? text.length : end + 1;
}

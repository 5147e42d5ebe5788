// Compose-spec variable interpolation, applied to values (never keys) after YAML parsing,
// so that `image: app:${TAG:-dev}` reads the same as `docker compose config` would print it.
// https://github.com/compose-spec/compose-spec/blob/main/12-interpolation.md
import * as l10n from '@vscode/l10n';
import { UserInputError } from '../errors';
import { isRecord } from '../isRecord';

export type Env = Record<string, string | undefined>;

/** Told each variable that was substituted with a blank string because it is not set (compose warns about those). */
export type OnUnset = (name: string, where: string) => void;

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** Interpolates one string. `where` names the value in error messages ("services.api.image"). */
export function interpolate(text: string, env: Env, where = 'value', onUnset?: OnUnset): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = findClosingBrace(text, i + 2);
      if (close < 0) throw new UserInputError(l10n.t`invalid interpolation format for "${text}" (missing "}") in ${where}`);
      out += expandBraced(text.slice(i + 2, close), env, where, text, onUnset);
      i = close + 1;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1))?.[0];
    if (name === undefined) {
      // A lone "$" (e.g. "cost: 5$") is kept as written rather than rejected.
      out += '$';
      i++;
      continue;
    }
    const value = env[name];
    if (value === undefined) onUnset?.(name, where);
    out += value ?? '';
    i += 1 + name.length;
  }
  return out;
}

/** Interpolates every string value of a parsed YAML tree; keys are left alone, as compose does. */
export function interpolateDeep(value: unknown, env: Env, where = '', onUnset?: OnUnset): unknown {
  if (typeof value === 'string') return interpolate(value, env, where || 'value', onUnset);
  if (Array.isArray(value)) return value.map((v, i) => interpolateDeep(v, env, `${where}[${i}]`, onUnset));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolateDeep(v, env, where ? `${where}.${k}` : k, onUnset);
    return out;
  }
  return value;
}

/** Index of the "}" closing a "${" whose body starts at `from`, allowing nested "${...}" in defaults. */
function findClosingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** A variable compose requires (`${X:?}`) is not set: the fix is to set it. */
export class MissingVariableError extends UserInputError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

function expandBraced(body: string, env: Env, where: string, whole: string, onUnset: OnUnset | undefined): string {
  const name = NAME.exec(body)?.[0];
  if (name === undefined) throw new UserInputError(l10n.t`invalid interpolation format for "${whole}" in ${where}`);
  const rest = body.slice(name.length);
  const value = env[name];
  if (rest === '') {
    if (value === undefined) onUnset?.(name, where);
    return value ?? '';
  }
  const colon = rest.startsWith(':');
  const op = rest[colon ? 1 : 0];
  const arg = () => interpolate(rest.slice(colon ? 2 : 1), env, where, onUnset);
  // With ":" an empty value counts as unset; without it only a missing variable does.
  const missing = value === undefined || (colon && value === '');
  switch (op) {
    case '-':
      return missing ? arg() : (value ?? '');
    case '?':
      if (missing) {
        const message = arg();
        throw new MissingVariableError(
          name,
          l10n.t`required variable ${name} is missing a value${message ? `: ${message}` : ''} (in ${where})`,
        );
      }
      return value ?? '';
    case '+':
      return missing ? '' : arg();
    default:
      throw new UserInputError(l10n.t`invalid interpolation format for "${whole}" in ${where}`);
  }
}

// pm2's ecosystem file (`pm2-runtime ecosystem.config.js`, `pm2 start apps.json`): the process
// manager starts each app it declares, `script` (a file node runs, or a program) with its `args` in
// its `cwd`. https://pm2.keymetrics.io/docs/usage/application-declaration/
// Read as text, never run: an app whose fields are built at run time (`script: path.join(...)`) is not known.
import { posix } from 'node:path';

/** pm2's commands: `pm2-runtime` and `pm2-docker` in containers, `pm2 start`. */
const PM2 = /^pm2(?:-runtime|-docker)?$/;
/** The ecosystem file formats pm2 reads. */
const ECOSYSTEM_FILE = /\.(?:[cm]?js|json|ya?ml)$/;

/** The ecosystem file a pm2 start command names (`pm2-runtime start ecosystem.config.js --env production`), when it does. */
export function pm2EcosystemFile(words: readonly string[]): string | undefined {
  if (!PM2.test(posix.basename(words[0] ?? ''))) return undefined;
  const operands = words.slice(1).filter((w) => !w.startsWith('-'));
  const file = operands[0] === 'start' ? operands[1] : operands[0];
  return file !== undefined && ECOSYSTEM_FILE.test(file) ? file : undefined;
}

/**
 * The command an ecosystem file's one app runs (`cd ./api && node dist/main.js`), when the text
 * declares `apps` with exactly one literal `script` (pm2AppCommands). A file given to pm2 that is
 * the app itself (no `apps`), several apps or a script built at run time: undefined.
 */
export function pm2AppCommand(text: string): string | undefined {
  const scripts = [...text.matchAll(SCRIPT_FIELD)];
  const commands = pm2AppCommands(text);
  return scripts.length === 1 && commands.length === 1 ? commands[0] : undefined;
}

const SCRIPT_FIELD = /["']?\bscript["']?\s*:\s*["'`]([^"'`$]+)["'`]/g;

/**
 * The command each app of an ecosystem file's `apps` runs, in order: its literal `script` (a file
 * node runs: `node` before a .js, .cjs or .mjs path; else a program) with its literal `args`, in its
 * `cwd` (`cd ./api && node dist/main.js`), its fields read from the object literal holding its
 * `script`. An app whose script is built at run time is left out. A JSON file without `apps` is
 * itself the app, or a list of apps (pm2's _startJson: `appConf = config.apps || config`, made a
 * list when it is not one): `{ "name": "web", "script": "./dist/main.js" }`.
 */
export function pm2AppCommands(text: string): string[] {
  if (!/["']?\bapps["']?\s*:/.test(text) && !isJsonApps(text)) return [];
  const out: string[] = [];
  for (const m of text.matchAll(SCRIPT_FIELD)) {
    const script = m[1] ?? '';
    const app = enclosingObject(text, m.index);
    const field = (name: string): string | undefined => new RegExp(`["']?\\b${name}["']?\\s*:\\s*["'\`]([^"'\`$]+)["'\`]`).exec(app)?.[1];
    const cwd = field('cwd');
    const args = field('args');
    const run = /\.[cm]?js$/.test(script) ? `node ${script}` : script;
    out.push(`${cwd !== undefined ? `cd ${cwd} && ` : ''}${run}${args !== undefined ? ` ${args}` : ''}`);
  }
  return out;
}

/** A JSON document that is an app (an object with a `script` string) or a list of apps. */
function isJsonApps(text: string): boolean {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  const isApp = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['script'] === 'string';
  return Array.isArray(json) ? json.length > 0 && json.every(isApp) : isApp(json);
}

/** The text of the `{...}` object literal around `at` (braces counted, strings not told apart: an app's fields hold none). */
function enclosingObject(text: string, at: number): string {
  let start = at;
  for (let depth = 0; start > 0; start--) {
    const c = text[start - 1];
    if (c === '}') depth++;
    else if (c === '{' && depth-- === 0) break;
  }
  let end = at;
  for (let depth = 0; end < text.length; end++) {
    const c = text[end];
    if (c === '{') depth++;
    else if (c === '}' && depth-- === 0) break;
  }
  return text.slice(start, end);
}

// What one file's text yields to the route scan: the scan worker's and the inline scanner's
// one way of reading a file (engine/scanTree.ts, engine/inlineScanner.ts). The parser (extract.ts
// and the TypeScript compiler it imports) is loaded at the first file that passes the cheap
// pre-filter, not before: a tree with no route source never loads it. The build puts it in a
// bundle of its own (dist/routeParser.js, scripts/build.mjs), so the scan worker starts small.
import type { ExtractedFile } from './extracted';
import { isStrapiPluginFile } from './strapiPluginFiles';
import { isHandDispatchFile } from './handDispatchFiles';
import { isStory, isWasmBindgenGlue, mayDeclareRoutes, readsHandlerExports } from './mayDeclareRoutes';
import { isJsonModule } from './isRouteSource';

type Extract = typeof import('./extract').extractRoutesFromSource;

/** Loaded on first need, once per thread (the scan worker's, or the inline scanner's). */
let extract: Extract | undefined;

/**
 * What `text` declares; null when the cheap pre-filter says it cannot declare a route. A file
 * whose path may make it a Next.js route handler is read whatever its text: its exports are routes.
 */
export function scanSourceText(file: string, text: string): ExtractedFile | null {
  if (isJsonModule(file)) return scanJsonModule(file, text);
  if (isMinified(text, file) || isBundle(text) || isWasmBindgenGlue(text)) return null;
  // A story is read only where its path makes it a route handler; any other file only when the pre-filter passes it.
  const skipped = isStory(file) ? !readsHandlerExports(file, text) : !mayDeclareRoutes(text) && !readsHandlerExports(file, text) && !isStrapiPluginFile(file);
  // An Egg settings file or middleware the pre-filter skips is read for a table dispatched by hand only (handDispatch.ts).
  const factsOnly = skipped && !isStory(file) && isHandDispatchFile(file);
  if (skipped && !factsOnly) return null;
  extract ??= (require('./extract') as typeof import('./extract')).extractRoutesFromSource;
  if (!factsOnly) return extract(text, file);
  const facts = extract(text, file, 'handDispatch');
  return facts.handDispatch ? facts : null;
}

/**
 * A bundler's chunk named with its content hash (`index-ac5ef21b.js`, `style-ClrjWzkr.js`,
 * `main.3f2a9c1e.js`): a hash of 8 or more letters and digits, with a digit or an upper-case letter
 * after its first character (no word of a name: `logger-frontend.js`).
 */
const HASHED_CHUNK = /[.-](?=[A-Za-z0-9_]{8,}\.[cm]?js$)[A-Za-z0-9_][A-Za-z0-9_]*?[0-9A-Z][A-Za-z0-9_]*\.[cm]?js$/;

/**
 * Minified or generated code (a vendored 1 MB `public/pyodide.asm.js`, a committed front end's
 * hundreds of 10-60 KB hashed chunks): no one writes routes there, and parsing it costs seconds
 * (each chunk a few hundred ms). Judged by line length: lines averaging more than 500 characters,
 * over 64 KB; over 8 KB for a hashed chunk (a source of that size may hold one long line of data).
 */
export function isMinified(text: string, file = ''): boolean {
  if (text.length < (HASHED_CHUNK.test(file) ? 8_192 : 65_536)) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines * 500 < text.length; i = text.indexOf('\n', i + 1)) lines++;
  return lines * 500 < text.length;
}

/**
 * A bundle a bundler wrote (a committed 900 KB webpack `dist/main.js` of the server, its modules
 * wrapped in `__webpack_modules__` and loaded by `__webpack_require__`): build output, not a source
 * (its decorators are compiled to `__decorate([...])` calls the scan does not read as routes), and
 * parsing it costs seconds. Judged over 64 KB by webpack's runtime, which no hand-written file defines.
 */
export function isBundle(text: string): boolean {
  return text.length >= 65_536 && /\b(?:var|let|const)\s+__webpack_modules__\s*=|\bfunction\s+__webpack_require__\s*\(/.test(text);
}

/** A JSON module larger than this is data, not a configuration: not read. */
const MAX_JSON_MODULE_BYTES = 256 * 1024;

/** A JSON module's values, read as the object a CommonJS module exports (what `require` of it gives). */
function scanJsonModule(file: string, text: string): ExtractedFile | null {
  const body = text.trim();
  if (text.length > MAX_JSON_MODULE_BYTES || !body.startsWith('{')) return null;
  extract ??= (require('./extract') as typeof import('./extract')).extractRoutesFromSource;
  return extract(`module.exports = ${body};\n`, file);
}

// A glob's matches as a folder listed at run time (values.ts LISTED): `globSync('**/routes.js', { cwd:
// __dirname })` lists paths relative to a folder below the file's own, `glob.sync(join(__dirname,
// 'routes/*.js'))` whole paths below it; `globSync('./src/routes/*.js')` whole paths below the
// process's working folder (values.ts CWD_FOLDER), its package's folder.
import ts from './compiler';
import { isBinaryExpression, isCallExpression, isIdentifier, isObjectLiteralExpression, isPropertyAssignment, isStringLiteralLike, isTemplateExpression } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { dirnameJoin } from './routeSyntax';
import { CWD_FOLDER } from './values';

/** `glob.sync(...)`, `globSync(...)`, `fg.sync(...)`, `await globby(...)`: the calls listing a glob's files. */
export const GLOB_CALL = /^(?:glob|globSync|globby|globbySync|fg|fastGlob|fastglob|tinyglobby)(?:\.(?:sync|globSync|glob))?$/;

/** Options that change only how the matches are returned or which kinds of entry are listed, not which files. */
const PLAIN_OPTIONS = new Set(['cwd', 'absolute', 'nodir', 'onlyFiles', 'dot']);

/** A glob call's matches: the folder (relative to the file), the glob below it, and whether each match is a whole path. */
export interface GlobListing {
  dir: string;
  glob: string;
  whole: boolean;
}

/**
 * The listing a glob call makes, when its folder is known: a `cwd` below the file's folder (`dirOf`
 * reads it) with a literal pattern, or a pattern that starts at the file's folder (`${__dirname}/
 * routes/*.js`). `text` gives a pattern piece as written ('*' for a piece not known). Undefined for
 * options that drop files (`ignore`), brace or negated patterns, and a pattern with no wildcard.
 */
export function globListing(call: ts.CallExpression, text: (e: ts.Expression) => string | undefined, dirOf: (e: ts.Expression) => string | undefined): GlobListing | undefined {
  if (!GLOB_CALL.test(call.expression.getText().replace(/\s+/g, ''))) return undefined;
  const [patternArg, optionsArg] = call.arguments.map(skipOuter);
  if (!patternArg) return undefined;
  const options = optionsArg && isObjectLiteralExpression(optionsArg) ? optionsArg : undefined;
  if (optionsArg && !options) return undefined;
  const props = new Map<string, ts.Expression>();
  for (const p of options?.properties ?? []) {
    if (!isPropertyAssignment(p) || !PLAIN_OPTIONS.has(p.name.getText())) return undefined;
    props.set(p.name.getText(), skipOuter(p.initializer));
  }
  const cwd = props.get('cwd');
  const absolute = props.get('absolute')?.kind === ts.SyntaxKind.TrueKeyword;
  // Without a cwd, a pattern not built on the file's folder is relative to the process's (CWD_FOLDER).
  const fromProcess = !cwd && !startsAtDirname(patternArg);
  const pattern = cwd || fromProcess ? text(patternArg) : dirnameJoin(patternArg, text);
  const dir = cwd ? dirOf(cwd) : fromProcess ? CWD_FOLDER : '';
  if (pattern === undefined || dir === undefined || /[{}[\]!|,()]/.test(pattern) || pattern.startsWith('/')) return undefined;
  // From the process's folder only a pattern written whole (no piece read as any text) naming a folder below it.
  if (fromProcess && (!(isStringLiteralLike(patternArg) || isIdentifier(patternArg)) || pattern.startsWith('..'))) return undefined;
  const segments = pattern.replace(/^\.\//, '').split('/');
  const first = segments.findIndex((s) => /[*?]/.test(s));
  if (first < 0) return undefined;
  const below = segments.slice(0, first).join('/');
  if (fromProcess && below === '') return undefined;
  const inDir = dir === CWD_FOLDER ? `${CWD_FOLDER}${below}` : [dir, below].filter((p) => p !== '').join('/');
  return { dir: inDir, glob: segments.slice(first).join('/'), whole: !cwd || absolute };
}

/** Whether a pattern is built on the file's own folder (`__dirname`, `import.meta.dirname`) rather than the process's. */
function startsAtDirname(e: ts.Expression): boolean {
  let first: ts.Node = e;
  for (;;) {
    if (isCallExpression(first) && first.arguments[0]) first = skipOuter(first.arguments[0]);
    else if (isTemplateExpression(first)) return first.head.text === '' && startsAtDirname(skipOuter(first.templateSpans[0]?.expression ?? first));
    else if (isBinaryExpression(first)) first = skipOuter(first.left);
    else break;
  }
  return /^(?:__dirname|import\.meta\.dirname)$/.test(first.getText());
}

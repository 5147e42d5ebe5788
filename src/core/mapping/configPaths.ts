// Paths a bundler's config computes from literals of its own file, through constants:
// `const root = path.resolve(__dirname, '..', '..')`, `const src = path.resolve(root, 'src')`,
// `entry: path.resolve(src, 'server.ts')`. Each call whose arguments are all known (__dirname, a
// string literal, a constant computed so before) is written back as the literal path it gives,
// from the project's folder, so the config's options read as literals (bundlerOutput.ts). A
// constant with a fallback (`env.root || path.resolve(__dirname, '..')`) is the fallback: the value
// when the build passes nothing. https://nodejs.org/api/path.html#pathresolvepaths
import { posix } from 'node:path';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const CALL = /(?<![\w$.])(?:path\s*\.\s*)?(?:resolve|join)\s*\(([^()]*)\)/g;
const DECLARATION = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:[^;\n=]*?(?:\|\||\?\?)\s*)?((?:path\s*\.\s*)?(?:resolve|join)\s*\([^()]*\))/g;
/** A constant declared as a string literal alone: `const outputDirectory = 'dist'` (group 1 the name, group 3 the text). */
const NAMED_FOLDER = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(['"`])([^'"`$\n]*)\2\s*(?:;|\n)/g;
/** A known constant as an option's whole value (`output: outDir,`, `path: buildDir }`). */
const OPTION_VALUE = /(\b[\w$]+\s*:\s*)([A-Za-z_$][\w$]*)(?=\s*[,}\n])/g;

/**
 * The path (from the project's folder) a resolve/join call's arguments give, when the first is
 * anchored (__dirname, or a constant that was) and each is known; undefined otherwise (an argument
 * computed at run time, an absolute literal, a first argument relative to the working folder).
 */
function evaluate(args: string, known: ReadonlyMap<string, string>, configDir: string, names: ReadonlyMap<string, string> = new Map()): string | undefined {
  const parts = args.split(',').map((a) => a.trim()).filter((a) => a !== '');
  const values = parts.map((a, i) => {
    if (a === '__dirname') return i === 0 ? configDir : undefined;
    if (IDENTIFIER.test(a)) return i === 0 ? known.get(a) : names.get(a);
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(a)?.[2];
    return i === 0 || literal === undefined || posix.isAbsolute(literal) ? undefined : literal;
  });
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return posix.normalize(posix.join(...(values as string[])));
}

/**
 * The config's text with each resolve/join call over known values, and each known constant standing
 * alone as an option's value, replaced by the literal path (from the project's folder) it gives.
 * `configDir`: the config's folder from the project's ('.' at its root).
 */
export function withConfigPaths(text: string, configDir: string): string {
  const known = new Map<string, string>();
  for (const m of text.matchAll(DECLARATION)) {
    const args = /\(([^()]*)\)$/.exec(m[2] ?? '')?.[1] ?? '';
    const value = evaluate(args, known, configDir);
    if (m[1] !== undefined && value !== undefined && !known.has(m[1])) known.set(m[1], value);
  }
  // A constant naming a relative folder (`const outputDirectory = 'dist'`) stands for it after the first argument.
  const names = new Map([...text.matchAll(NAMED_FOLDER)].filter((m) => !posix.isAbsolute(m[3] ?? '/')).map((m) => [m[1] ?? '', m[3] ?? '']));
  const quoted = (path: string) => `'${path}'`;
  const calls = text.replace(CALL, (call, args: string) => {
    const value = evaluate(args, known, configDir, names);
    return value === undefined ? call : quoted(value);
  });
  return calls.replace(OPTION_VALUE, (whole, key: string, name: string) => {
    const value = known.get(name);
    return value === undefined ? whole : `${key}${quoted(value)}`;
  });
}

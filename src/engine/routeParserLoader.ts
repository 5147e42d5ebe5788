// The route parser bundle (dist/routeParser.js: extract.ts, bundleCall.ts, routeConfigRun.ts and the TypeScript
// compiler; entry core/parserBundle.ts), loaded on the first file that may declare a route
// (core/routes/scanFile.ts) or the first build script that may call a bundler's API
// (core/mapping/bundleScript.ts): the build points their requires of './extract' and
// './bundleCall' here. Compiling 7 MB of JavaScript is most of that load: with a V8
// code cache kept in the scan cache's folder, a later process loads it in about a quarter of the
// time and a third less memory (measured: 375-734 ms and 114 MB RSS, cached 115-241 ms and 81 MB).
// V8 rejects a cache made for other source, another V8 or other flags; a file not ours (owner,
// writable by others) is never read, as for the scan cache (scanCacheStore.ts).
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { createRequire, wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { ExtractedFile } from '../core/routes/extracted';
import type { BundleCall } from '../core/mapping/bundleCall';
import { ownFolder, readOwnFile } from './scanCacheStore';

const PARSER_FILE = 'routeParser.js';

type Extract = typeof import('../core/routes/extract').extractRoutesFromSource;
type ReadBundleCall = typeof import('../core/mapping/bundleCall').readBundleCall;
type RunRouteConfig = typeof import('../core/routes/routeConfigRun').runRouteConfig;
interface ParserExports {
  extractRoutesFromSource?: Extract;
  readBundleCall?: ReadBundleCall;
  runRouteConfig?: RunRouteConfig;
}
interface Parser {
  extract: Extract;
  readBundleCall: ReadBundleCall;
  runRouteConfig: RunRouteConfig;
  saveCache?: () => void;
}

/** Where the code cache is kept (the scan cache's folder); set once by the scan worker. */
let codeCacheDir: string | undefined;
let loaded: Parser | undefined;
/** How the parser was loaded in this thread: its code from the V8 code cache, or compiled from its source. */
let loadedFrom: 'code cache' | 'source' | undefined;

/** How this thread loaded the parser, if it did (the corpus says which its figures include: bench/corpus.ts). */
export function parserLoadedFrom(): 'code cache' | 'source' | undefined {
  return loadedFrom;
}

export function setParserCodeCacheDir(dir: string | undefined): void {
  codeCacheDir = dir;
}

/** bundleCall.ts's reading of a build script, from the parser's bundle. */
export function readBundleCall(text: string, file: string, configTool?: string): BundleCall | undefined {
  loaded ??= loadParser(join(__dirname, PARSER_FILE));
  return loaded.readBundleCall(text, file, configTool);
}

/** routeConfigRun.ts's run of a React Router route config, from the parser's bundle. */
export function runRouteConfig(...args: Parameters<RunRouteConfig>): ReturnType<RunRouteConfig> {
  loaded ??= loadParser(join(__dirname, PARSER_FILE));
  return loaded.runRouteConfig(...args);
}

export function extractRoutesFromSource(...args: Parameters<Extract>): ExtractedFile {
  loaded ??= loadParser(join(__dirname, PARSER_FILE));
  const out = loaded.extract(...args);
  // After the first parse: the cache then holds the parser's functions compiled too.
  loaded.saveCache?.();
  delete loaded.saveCache;
  return out;
}

function loadParser(file: string): Parser {
  const cacheFile = codeCacheDir !== undefined && ownFolder(codeCacheDir) ? join(codeCacheDir, cacheName(file)) : undefined;
  if (cacheFile === undefined) {
    loadedFrom = 'source';
    return parserOf(file, require(file) as ParserExports);
  }
  const cachedData = readOwnFile(cacheFile);
  const script = new Script(wrap(sourceText(readFileSync(file))), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} as ParserExports };
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  const parser = parserOf(file, mod.exports);
  loadedFrom = cachedData && script.cachedDataRejected !== true ? 'code cache' : 'source';
  if (loadedFrom === 'code cache') return parser;
  const saveCache = (): void => {
    try {
      // Written whole, then renamed: a reader never sees half a cache.
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      renameSync(tmp, cacheFile);
    } catch {
      // No cache this time: the next process compiles again.
    }
  };
  return { ...parser, saveCache };
}

/**
 * The bundle's text. It is ASCII (built without comments: scripts/build.mjs), and ASCII bytes read as
 * Latin-1 are the same string without a UTF-8 decode of 7 MB (20-44 ms of CPU at every load; well
 * under 1 ms as Latin-1). Any other byte: decoded as UTF-8.
 */
export function sourceText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function parserOf(file: string, exports: ParserExports): Parser {
  const { extractRoutesFromSource: extract, readBundleCall: bundleCall, runRouteConfig: routeConfig } = exports;
  if (!extract || !bundleCall || !routeConfig) throw new Error(`${file} does not export the route parser`);
  return { extract, readBundleCall: bundleCall, runRouteConfig: routeConfig };
}

/** One cache per parser bundle (its size and mtime), Node version and architecture. */
function cacheName(file: string): string {
  return `route-parser-${process.version}-${process.arch}-${bundleStamp(file)}.v8cache`;
}

function bundleStamp(file: string): string {
  const st = statSync(file);
  return `${st.size}-${Math.floor(st.mtimeMs)}`;
}

/**
 * Which route parser this thread loads (the bundle's size and mtime): the scan cache keeps what
 * it found in a file under this name and believes it only from the same parser
 * (scanCacheStore.ts). Undefined where there is no bundle (the sources run as they are).
 */
export function parserIdentity(): string | undefined {
  try {
    return `route-parser-${bundleStamp(join(__dirname, PARSER_FILE))}`;
  } catch {
    return undefined;
  }
}

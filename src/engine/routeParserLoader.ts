// The route parser bundle (dist/routeParser.js: extract.ts and the TypeScript compiler), loaded
// on the first file that may declare a route (core/routes/scanFile.ts; the build points its
// require of './extract' here). Compiling 10 MB of JavaScript is most of that load: with a V8
// code cache kept in the scan cache's folder, a later process loads it in about a quarter of the
// time and a third less memory (measured: 375-734 ms and 114 MB RSS, cached 115-241 ms and 81 MB).
// V8 rejects a cache made for other source, another V8 or other flags; a file not ours (owner,
// writable by others) is never read, as for the scan cache (scanCacheStore.ts).
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { ExtractedFile } from '../core/routes/extracted';
import { ownFolder, readOwnFile } from './scanCacheStore';

const PARSER_FILE = 'routeParser.js';

type Extract = (text: string, file: string) => ExtractedFile;

/** Where the code cache is kept (the scan cache's folder); set once by the scan worker. */
let codeCacheDir: string | undefined;
let loaded: { extract: Extract; saveCache?: () => void } | undefined;

export function setParserCodeCacheDir(dir: string | undefined): void {
  codeCacheDir = dir;
}

export function extractRoutesFromSource(text: string, file: string): ExtractedFile {
  loaded ??= loadParser(join(__dirname, PARSER_FILE));
  const out = loaded.extract(text, file);
  // After the first parse: the cache then holds the parser's functions compiled too.
  loaded.saveCache?.();
  delete loaded.saveCache;
  return out;
}

function loadParser(file: string): { extract: Extract; saveCache?: () => void } {
  const cacheFile = codeCacheDir !== undefined && ownFolder(codeCacheDir) ? join(codeCacheDir, cacheName(file)) : undefined;
  if (cacheFile === undefined) return { extract: (require(file) as { extractRoutesFromSource: Extract }).extractRoutesFromSource };
  const cachedData = readOwnFile(cacheFile);
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} as { extractRoutesFromSource?: Extract } };
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  const extract = mod.exports.extractRoutesFromSource;
  if (!extract) throw new Error(`${file} does not export the route parser`);
  if (cachedData && script.cachedDataRejected !== true) return { extract };
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
  return { extract, saveCache };
}

/** One cache per parser bundle (its size and mtime), Node version and architecture. */
function cacheName(file: string): string {
  const st = statSync(file);
  return `route-parser-${process.version}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}.v8cache`;
}

// Moleculer's runner (moleculer-runner) loads only the services its SERVICES variable lists when the
// container's environment sets it (`SERVICES: articles` beside `SERVICES: api` in another service
// of the same image): a gateway (moleculer-web) in a file it does not load serves none of its routes
// there, though the services it aliases may run in other containers (they stay, for autoAliases).
// https://moleculer.services/docs/0.14/runner#services-loading-logic
import type { SourceScan } from '../ports';
import type { ServiceEnv } from '../routes/settingGuardWarnings';

/** The file name endings the runner tries after a listed name (`articles` -> articles.service.js). */
const SERVICE_ENDINGS = ['', '.service.js', '.service.ts', '.js', '.ts', '.mjs', '.cjs'];

/**
 * Whether a listed entry (`api`, `core/gateway`, `core/user/*.service.js`, a folder) names `file` (a path with forward
 * slashes): the entry with one of the endings is the file's path from one of its folders down, or the entry is one
 * of its folders (with the folders above). Matched segment by segment, never through a regular expression made
 * of the entry: the list comes from a compose file, so `*a*a*a*...` must cost no more than its length.
 */
function listedFile(entry: string, file: string): boolean {
  const wanted = entry.replace(/^\.\//, '').replace(/\/+$/, '');
  if (wanted === '') return false;
  const want = wanted.split('/');
  const segments = file.split('/');
  const last = segments.length - 1;
  // Wherever the entry's segments line up with the file's: ending at the file's name (with an ending), or at a folder above it.
  for (let from = 0; from + want.length - 1 <= last; from++) {
    const folders = want.slice(0, -1).every((w, i) => globSegment(w, segments[from + i] ?? ''));
    if (!folders) continue;
    const end = from + want.length - 1;
    const name = want[want.length - 1] ?? '';
    if (end === last && SERVICE_ENDINGS.some((e) => globSegment(name + e, segments[end] ?? ''))) return true;
    if (end < last && globSegment(name, segments[end] ?? '')) return true;
  }
  return false;
}

/**
 * Whether `name` (one path segment) matches `glob`, where `*` is any run of characters: the usual
 * two-pointer walk going back to the last star, at most length(glob) x length(name) steps.
 */
function globSegment(glob: string, name: string): boolean {
  let g = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (g < glob.length && glob[g] !== '*' && glob[g] === name[n]) {
      g++;
      n++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      mark = n;
    } else if (star >= 0) {
      g = star + 1;
      n = ++mark;
    } else return false;
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

/** The files of `extracted` holding a gateway the runner does not load (SERVICES set, naming none of them); none when the environment sets no SERVICES list. */
export function unloadedGatewayFiles(extracted: SourceScan['extracted'], env: ServiceEnv | undefined): Set<string> {
  const listed = env?.values['SERVICES']?.split(',').map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('!'));
  if (!listed || listed.length === 0) return new Set();
  const gatewayFiles = extracted.filter((e) => (e.x.moleculer?.gateways ?? []).length > 0).map((e) => e.file);
  return new Set(gatewayFiles.filter((file) => !listed.some((entry) => listedFile(entry, file.replace(/\\/g, '/')))));
}

/** The scanned files with the gateways of files the runner does not load (unloadedGatewayFiles) taken out. */
export function runnerLoadedGateways(extracted: SourceScan['extracted'], env: ServiceEnv | undefined): SourceScan['extracted'] {
  const unloaded = unloadedGatewayFiles(extracted, env);
  if (unloaded.size === 0) return extracted;
  return extracted.map((e) => (unloaded.has(e.file) ? { ...e, x: { ...e.x, moleculer: { ...e.x.moleculer, gateways: [] } } } : e));
}

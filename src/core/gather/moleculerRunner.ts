// Moleculer's runner (moleculer-runner) loads only the services its SERVICES variable lists when the
// container's environment sets it (`SERVICES: articles` beside `SERVICES: api` in another service
// of the same image): a gateway (moleculer-web) in a file it does not load serves none of its routes
// there, though the services it aliases may run in other containers (they stay, for autoAliases).
// https://moleculer.services/docs/0.14/runner#services-loading-logic
import type { SourceScan } from '../ports';
import type { ServiceEnv } from '../routes/settingGuardWarnings';

/** The file name endings the runner tries after a listed name (`articles` -> articles.service.js). */
const SERVICE_ENDINGS = ['', '.service.js', '.service.ts', '.js', '.ts', '.mjs', '.cjs'];

/** Whether a listed entry (`api`, `core/gateway`, `core/user/*.service.js`, a folder) names `file` (a path with forward slashes). */
function listedFile(entry: string, file: string): boolean {
  const wanted = entry.replace(/^\.\//, '').replace(/\/+$/, '');
  if (wanted === '') return false;
  const pattern = wanted.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
  const endings = SERVICE_ENDINGS.map((e) => e.replace(/\./g, '\\.')).join('|');
  // The entry names the file (with one of the endings), or a folder holding it.
  return new RegExp(`(?:^|/)${pattern}(?:${endings})$|(?:^|/)${pattern}/`).test(file);
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

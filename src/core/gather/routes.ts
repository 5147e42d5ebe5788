// The route side of one service's evidence: the routes its source declares (joined across files)
// and what each answered when probed, under the probe policy and the user's trust.
import * as l10n from '@vscode/l10n';
import type { RouteDef, RouteReport, ServiceSpec } from '../model';
import type { LogSink, ProberLike, SourceScan } from '../ports';
import type { ServiceEvidence } from '../ladder/evidence';
import type { ModuleDir } from '../mapping/modules';
import { moduleLookup } from '../mapping/modules';
import { collectExtracted, type PathAlias } from '../routes/collect';
import { resolveBaseUrl, SAFE_METHODS } from '../probe/policy';
import { NO_TRUST, refuseTokenVariable } from '../probe/trust';
import type { ProbeTrust } from '../probe/trust';
import { probeRoutes } from '../probe/runProbes';
import type { HttpMethod } from '../model';
import { rel } from './paths';

/** What probing needs of the check's options. */
export interface ProbeOptions {
  workspaceDir: string;
  probe?: boolean;
  allowedMethods?: HttpMethod[];
  env: Record<string, string | undefined>;
  token?: (envName: string, service: string) => string | undefined;
  trust?: ProbeTrust;
  signal?: AbortSignal;
}

/** The routes a service's source declares (plus x-runtime-drift.routes), and what could not be known. */
export function collectRoutes(
  log: LogSink | undefined,
  spec: ServiceSpec,
  sourceRoot: string,
  modules: readonly ModuleDir[],
  found: SourceScan['extracted'],
  aliases: PathAlias[],
  tree: { entry?: string | undefined; files?: readonly string[] } = {},
): { routes: RouteDef[]; warnings: string[] } {
  // Reads finish in any order; the collection's warnings and tie-breaks follow the files' order.
  const extracted = [...found].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const lookup = moduleLookup(modules, sourceRoot);
  const moduleOf = (file: string): string | undefined => lookup(file)?.name;
  const collected = collectExtracted(extracted, {
    routePrefix: spec.drift.routePrefix,
    moduleOf,
    extra: spec.drift.routes,
    aliases,
    ...(tree.entry !== undefined ? { entry: tree.entry } : {}),
    ...(tree.files ? { files: tree.files } : {}),
  });
  for (const w of collected.warnings) log?.log('warn', `${spec.name}: ${w}`);
  return collected;
}

/** Probes the declared routes (unless probing is off) and reports each with its answer. */
export async function probeServiceRoutes(
  prober: ProberLike,
  opts: ProbeOptions,
  spec: ServiceSpec,
  declared: RouteDef[],
  notRunning: string | undefined,
  listenPorts: readonly number[] = [],
): Promise<Pick<ServiceEvidence, 'routes' | 'auth' | 'baseUrl'>> {
  const trust = opts.trust ?? NO_TRUST;
  const base = resolveBaseUrl(spec, trust.engineHost, listenPorts);
  const tokenEnv = spec.drift.auth?.bearerTokenEnv;
  // The compose file only names the variable; whether its value may be sent is the user's call.
  const stored = tokenEnv ? opts.token?.(tokenEnv, spec.name) : undefined;
  const refused = tokenEnv && stored === undefined ? refuseTokenVariable(tokenEnv, trust) : undefined;
  const token = tokenEnv && !refused ? (stored ?? opts.env[tokenEnv]) : undefined;
  const auth = tokenEnv ? { env: tokenEnv, present: Boolean(token), ...(refused ? { refused } : {}) } : null;
  const probing = opts.probe !== false && base.url !== undefined && notRunning === undefined;
  const results = probing
    ? await probeRoutes(prober, base.url as string, declared, {
        allowedMethods: opts.allowedMethods ?? [...SAFE_METHODS],
        trust,
        bearerToken: token || undefined,
        signal: opts.signal,
      })
    : undefined;
  const notProbed = opts.probe === false ? l10n.t('probing disabled (--no-probe)') : (notRunning ?? base.evidence);
  const routes: RouteReport[] = declared.map((r) => {
    const res = results?.get(r);
    return {
      method: r.method,
      path: r.path,
      module: r.module ?? null,
      file: r.file ? rel(opts.workspaceDir, r.file) : null,
      line: r.line ?? null,
      status: res?.outcome.status ?? null,
      authStatus: res?.auth?.status ?? null,
      verdict: res?.outcome.verdict ?? 'not-probed',
      authVerdict: res?.auth?.verdict ?? null,
      detail: res ? (res.outcome.detail ?? null) : notProbed,
    };
  });
  return { routes, auth, baseUrl: base.url ?? null };
}

// Typed settings mirroring contributes.configuration in package.json, read through one function
// so activation and later changes share a path (`changed(undefined, key)` is always true).
import { PROBE_METHODS, type HttpMethod } from './model';
import { LISTING_METHODS, type ListingMethod } from './ports';
import { SAFE_METHODS } from './probe/policy';

export interface Config {
  /** Empty: DOCKER_HOST, then the docker context, then the default socket. */
  engineHost: string;
  probe: {
    enabled: boolean;
    timeoutMs: number;
    /** Methods allowed beyond GET and HEAD (off by default: probes must not change state). */
    methods: HttpMethod[];
    /** Origins probes (and tokens) may go to beyond loopback: from the user's own settings only. */
    allowedOrigins: string[];
    /** Variables whose values may be sent as bearer tokens: from the user's own settings only. */
    tokenVariables: string[];
  };
  /** The engineHost value came from the workspace's settings: not trusted as a probe destination. */
  engineHostFromWorkspace: boolean;
  autoCheckOnSave: boolean;
  exclude: string[];
  /** Compose files to read (workspace-relative, like `docker compose -f`); discovered when empty. */
  composeFiles: string[];
  /** How running containers are listed (LISTING_METHODS). */
  listing: ListingMethod;
  /** Drift as entries in the Problems panel (drifted files, missing routes). */
  problems: { enabled: boolean };
  /** Keep the route scans' findings between sessions in the extension's storage (engine/scanCacheStore.ts). */
  scanCache: boolean;
}

/** Every setting under CONFIG_SECTION, as package.json contributes them. */
export const CONFIG_KEYS = [
  'engineHost',
  'probe.enabled',
  'probe.timeoutMs',
  'probe.methods',
  'probe.allowedOrigins',
  'probe.tokenVariables',
  'autoCheckOnSave',
  'exclude',
  'composeFiles',
  'listing',
  'problems.enabled',
  'scanCache',
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** Settings the engine client is built from: a change replaces it (and the event stream). */
export const ENGINE_CLIENT_KEYS: readonly ConfigKey[] = ['engineHost', 'probe.timeoutMs', 'listing', 'scanCache'];

/** Settings whose change re-checks every service. */
export const RECHECK_KEYS: readonly ConfigKey[] = ['engineHost', 'probe.enabled', 'probe.timeoutMs', 'probe.methods', 'autoCheckOnSave', 'exclude', 'listing', 'scanCache'];

/**
 * Settings that decide where secrets may go: read from the user's own settings only, never from
 * a workspace's .vscode/settings.json (a workspace file is input, not authority).
 */
export const USER_ONLY_KEYS: readonly ConfigKey[] = ['probe.allowedOrigins', 'probe.tokenVariables'];

export const CONFIG_SECTION = 'runtimeDrift';

export const DEFAULT_CONFIG: Config = {
  engineHost: '',
  probe: { enabled: true, timeoutMs: 3000, methods: [], allowedOrigins: [], tokenVariables: [] },
  engineHostFromWorkspace: false,
  autoCheckOnSave: true,
  exclude: [],
  composeFiles: [],
  listing: 'auto',
  problems: { enabled: true },
  scanCache: true,
};

/** Builds a Config from a raw getter (`section.get(key)`), falling back to defaults on bad values. */
export function parseConfig(get: (key: ConfigKey) => unknown, fromWorkspace: (key: ConfigKey) => boolean = () => false): Config {
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v.trim() : d);
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : d);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
  const listing = get('listing');
  const methods = strings(get('probe.methods'))
    .map((m) => m.toUpperCase())
    .filter((m): m is HttpMethod => (PROBE_METHODS as readonly string[]).includes(m));
  return {
    engineHost: str(get('engineHost'), DEFAULT_CONFIG.engineHost),
    probe: {
      enabled: bool(get('probe.enabled'), DEFAULT_CONFIG.probe.enabled),
      timeoutMs: num(get('probe.timeoutMs'), DEFAULT_CONFIG.probe.timeoutMs),
      methods: [...new Set(methods)],
      allowedOrigins: strings(get('probe.allowedOrigins')).map((s) => s.trim()),
      tokenVariables: strings(get('probe.tokenVariables')).map((s) => s.trim()),
    },
    engineHostFromWorkspace: fromWorkspace('engineHost'),
    autoCheckOnSave: bool(get('autoCheckOnSave'), DEFAULT_CONFIG.autoCheckOnSave),
    exclude: strings(get('exclude')),
    composeFiles: strings(get('composeFiles')),
    listing: LISTING_METHODS.find((m) => m === listing) ?? DEFAULT_CONFIG.listing,
    problems: { enabled: bool(get('problems.enabled'), DEFAULT_CONFIG.problems.enabled) },
    scanCache: bool(get('scanCache'), DEFAULT_CONFIG.scanCache),
  };
}

/** GET and HEAD always; anything else only when the user opted in. */
export function allowedMethods(config: Config): HttpMethod[] {
  return [...new Set<HttpMethod>([...SAFE_METHODS, ...config.probe.methods])];
}

/** The setting's full name, as VS Code's settings and messages spell it ("runtimeDrift.probe.methods"). */
export function settingName(key: ConfigKey): string {
  return `${CONFIG_SECTION}.${key}`;
}

/** True on activation (no event) and when the event touches `key`. */
export function changed(e: { affectsConfiguration(section: string): boolean } | undefined, key: ConfigKey): boolean {
  return e === undefined || e.affectsConfiguration(settingName(key));
}

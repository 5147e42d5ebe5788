// `x-runtime-drift:` on a service. Validated strictly: a typo or a wrong type would otherwise
// silently fall back to inference and make the report wrong in ways that are hard to trace.
import * as l10n from '@vscode/l10n';
import { isAbsolute, posix, resolve } from 'node:path';
import type { DriftOverrides } from '../model';
import { UserInputError } from '../errors';
import { isRecord } from '../isRecord';

const STRING_FIELDS = ['source', 'target', 'baseUrl', 'routePrefix', 'modulesDir', 'buildOutput'] as const;
const KNOWN_FIELDS: readonly string[] = [...STRING_FIELDS, 'routes', 'auth', 'secretVariables'];

/** Validates `x-runtime-drift` of `service`; makes source/buildOutput absolute from `composeDir`. */
export function parseDriftOverrides(value: unknown, service: string, composeDir: string): DriftOverrides {
  if (value === undefined || value === null) return {};
  const at = (field: string) => l10n.t`service "${service}": x-runtime-drift.${field}`;
  if (!isRecord(value)) throw new UserInputError(l10n.t`service "${service}": x-runtime-drift must be a mapping`);
  for (const key of Object.keys(value)) {
    if (!KNOWN_FIELDS.includes(key)) {
      throw new UserInputError(l10n.t`${at(key)} is not a known field (known: ${KNOWN_FIELDS.join(', ')})`);
    }
  }
  const out: DriftOverrides = {};
  for (const field of STRING_FIELDS) {
    const v = value[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw new UserInputError(l10n.t`${at(field)} must be a string, got ${describe(v)}`);
    out[field] = v;
  }
  if (out.source !== undefined) out.source = resolve(composeDir, out.source);
  if (out.buildOutput !== undefined) out.buildOutput = resolve(composeDir, out.buildOutput);
  if (out.target !== undefined) {
    // A Windows host path here would be a mistake: the target is always a path inside a Linux container.
    if (!posix.isAbsolute(out.target) || isWindowsPath(out.target)) {
      throw new UserInputError(l10n.t`${at('target')} must be an absolute path inside the container (like /app/dist), got "${out.target}"`);
    }
    out.target = stripTrailingSlash(posix.normalize(out.target));
  }
  if (out.modulesDir !== undefined && (out.modulesDir === '' || isAbsolute(out.modulesDir))) {
    throw new UserInputError(l10n.t`${at('modulesDir')} must be a folder relative to the source root, got "${out.modulesDir}"`);
  }
  const routes = value['routes'];
  if (routes !== undefined && routes !== null) {
    if (!Array.isArray(routes) || !routes.every((r): r is string => typeof r === 'string')) {
      throw new UserInputError(l10n.t`${at('routes')} must be a list of strings like "GET /health", got ${describe(routes)}`);
    }
    out.routes = routes;
  }
  const secretVariables = value['secretVariables'];
  if (secretVariables !== undefined && secretVariables !== null) {
    if (!Array.isArray(secretVariables) || !secretVariables.every((r): r is string => typeof r === 'string')) {
      throw new UserInputError(l10n.t`${at('secretVariables')} must be a list of variable names, got ${describe(secretVariables)}`);
    }
    out.secretVariables = secretVariables;
  }
  const auth = value['auth'];
  if (auth !== undefined && auth !== null) {
    if (!isRecord(auth)) throw new UserInputError(l10n.t`${at('auth')} must be a mapping, got ${describe(auth)}`);
    for (const key of Object.keys(auth)) {
      if (key !== 'bearerTokenEnv') throw new UserInputError(l10n.t`${at(`auth.${key}`)} is not a known field (known: bearerTokenEnv)`);
    }
    const tokenEnv = auth['bearerTokenEnv'];
    if (tokenEnv !== undefined && tokenEnv !== null && typeof tokenEnv !== 'string') {
      throw new UserInputError(l10n.t`${at('auth.bearerTokenEnv')} must be a string, got ${describe(tokenEnv)}`);
    }
    out.auth = typeof tokenEnv === 'string' ? { bearerTokenEnv: tokenEnv } : {};
  }
  return out;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return l10n.t`a list ${JSON.stringify(v)}`;
  if (isRecord(v)) return l10n.t('a mapping');
  if (typeof v === 'string') return l10n.t`string ${JSON.stringify(v)}`;
  if (typeof v === 'number') return l10n.t`number ${JSON.stringify(v)}`;
  if (typeof v === 'boolean') return l10n.t`boolean ${JSON.stringify(v)}`;
  if (v === null) return l10n.t('null');
  return `${typeof v} ${JSON.stringify(v)}`;
}

function isWindowsPath(p: string): boolean {
  return /^[a-zA-Z]:/.test(p) || p.includes('\\');
}

function stripTrailingSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

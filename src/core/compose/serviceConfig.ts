// A service's runtime configuration as the compose files declare it now: command, entrypoint,
// environment (env_file, then environment:), ports, volumes, labels, healthcheck, user and
// working dir, in the shape the engine stores them, so config drift compares like with like.
// https://docs.docker.com/reference/compose-file/services/
import * as l10n from '@vscode/l10n';
import { posix, resolve } from 'node:path';
import type { DeclaredConfig, PortMapping } from '../model';
import { UserInputError } from '../errors';
import { parseDotenv } from './dotenv';
import type { Env } from './interpolate';
import { isRecord } from '../isRecord';

export interface ServiceConfigContext {
  /** Folder relative paths resolve from (the compose file's). */
  dir: string;
  /** Process environment merged with `.env`: `environment: [FOO]` takes FOO from here. */
  env: Env;
  /** env_file texts read beforehand (absolute path -> text); a file not there is left out. */
  files?: ReadonlyMap<string, string>;
  /** The service's parsed `ports:`. */
  ports: readonly PortMapping[];
  where: (field: string) => string;
}

export function parseServiceConfig(def: Record<string, unknown>, ctx: ServiceConfigContext): DeclaredConfig {
  const { environment, environmentFrom } = declaredEnvironment(def, ctx);
  const config: DeclaredConfig = {
    environment,
    environmentFrom,
    exposed: exposedPorts(def['expose'], ctx.ports),
    published: publishedPorts(ctx.ports),
    volumes: declaredVolumes(def['volumes'], ctx),
    labels: stringMap(def['labels'], ctx.where('labels')),
  };
  if (typeof def['image'] === 'string') config.image = def['image'];
  const command = commandList(def['command'], ctx.where('command'));
  if (command) config.command = command;
  const entrypoint = commandList(def['entrypoint'], ctx.where('entrypoint'));
  if (entrypoint) config.entrypoint = entrypoint;
  const healthcheck = healthTest(def['healthcheck']);
  if (healthcheck) config.healthcheck = healthcheck;
  if (def['user'] !== undefined && def['user'] !== null) config.user = String(def['user']);
  if (typeof def['working_dir'] === 'string') config.workingDir = def['working_dir'];
  return config;
}

/** The env_file paths a service definition names (absolute), for the caller to read first. */
export function envFilePaths(def: unknown, dir: string): string[] {
  if (!isRecord(def)) return [];
  return envFileEntries(def['env_file']).map((e) => resolve(dir, e.path));
}

function envFileEntries(raw: unknown): { path: string; required: boolean }[] {
  const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  return list.flatMap((e) => {
    if (typeof e === 'string') return [{ path: e, required: true }];
    if (isRecord(e) && typeof e['path'] === 'string') return [{ path: e['path'], required: e['required'] !== false }];
    return [];
  });
}

function declaredEnvironment(def: Record<string, unknown>, ctx: ServiceConfigContext) {
  const environment: Record<string, string> = {};
  const environmentFrom: Record<string, string> = {};
  for (const entry of envFileEntries(def['env_file'])) {
    const text = ctx.files?.get(resolve(ctx.dir, entry.path));
    if (text === undefined) continue; // outside the workspace or missing: compose says so itself
    for (const [k, v] of Object.entries(parseDotenv(text, ctx.env))) {
      environment[k] = v;
      environmentFrom[k] = entry.path;
    }
  }
  const raw = def['environment'];
  const pairs: [string, string | undefined][] = Array.isArray(raw)
    ? raw.map((e) => {
        const s = String(e);
        const eq = s.indexOf('=');
        return eq < 0 ? [s, ctx.env[s]] : [s.slice(0, eq), s.slice(eq + 1)];
      })
    : isRecord(raw)
      ? Object.entries(raw).map(([k, v]) => [k, v === null || v === undefined ? ctx.env[k] : scalarText(v)])
      : [];
  for (const [k, v] of pairs) {
    // `FOO` with no value and no such variable in the environment: compose leaves it unset.
    if (v === undefined) continue;
    environment[k] = v;
    environmentFrom[k] = 'environment';
  }
  return { environment, environmentFrom };
}

function scalarText(v: unknown): string {
  // YAML `true` / `1` in a mapping reach the container as the strings compose writes for them.
  return typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
}

function stringMap(raw: unknown, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === undefined || raw === null) return out;
  if (Array.isArray(raw)) {
    for (const e of raw) {
      const s = String(e);
      const eq = s.indexOf('=');
      out[eq < 0 ? s : s.slice(0, eq)] = eq < 0 ? '' : s.slice(eq + 1);
    }
    return out;
  }
  if (!isRecord(raw)) throw new UserInputError(l10n.t`${where} must be a list or a mapping`);
  for (const [k, v] of Object.entries(raw)) out[k] = v === null || v === undefined ? '' : scalarText(v);
  return out;
}

/** `command: npm start` is split into words as compose splits it (shellSplit), a list is taken as is. */
function commandList(raw: unknown, where: string): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (Array.isArray(raw)) return raw.map((x) => scalarText(x));
  if (typeof raw === 'string') return shellSplit(raw);
  throw new UserInputError(l10n.t`${where} must be a string or a list`);
}

/** Characters that end a string command outside quotes (shellSplit). */
const SHELL_OPERATOR = new Set([';', '&', '|', '<', '>']);

/**
 * A string command's words as compose reads them (compose-go's ShellCommand, go-shellwords' Parse):
 * quotes and backslashes, no expansion, and no shell: the first unquoted `;`, `&`, `|`, `<` or `>`
 * ends the command, the rest of the line is never run (`command: npm run dev;` runs `npm run dev`;
 * `npm ci && npm start` runs `npm ci` alone). A redirection's file descriptor (`2>`) goes with it.
 * https://github.com/compose-spec/compose-go/blob/main/types/command.go
 */
export function shellSplit(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (SHELL_OPERATOR.has(ch)) {
      if (ch === '>' && /^\d/.test(word)) inWord = false;
      break;
    }
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      word += text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
      inWord = true;
    } else if (ch === '"') {
      i++;
      for (; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1] as string)) i++;
        word += text[i];
      }
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function healthTest(raw: unknown): string[] | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw['disable'] === true) return ['NONE'];
  const test = raw['test'];
  if (typeof test === 'string') return ['CMD-SHELL', test];
  if (Array.isArray(test)) return test.map((x) => String(x));
  return undefined;
}

function portKey(target: number | string, protocol = 'tcp'): string {
  return `${target}/${protocol}`;
}

function exposedPorts(expose: unknown, ports: readonly PortMapping[]): string[] {
  const out = new Set<string>(ports.map((p) => portKey(p.target, p.protocol)));
  if (Array.isArray(expose)) {
    for (const e of expose) {
      const [range, protocol] = String(e).split('/');
      const [from, to] = (range ?? '').split('-').map(Number);
      if (from === undefined || Number.isNaN(from)) continue;
      for (let n = from; n <= (to ?? from); n++) out.add(portKey(n, protocol || 'tcp'));
    }
  }
  return [...out].sort();
}

function publishedPorts(ports: readonly PortMapping[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of ports) {
    const key = portKey(p.target, p.protocol);
    (out[key] ??= []).push(bindingText(p.hostIp, p.published === undefined ? '' : String(p.published)));
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** "127.0.0.1:8080", ":8080" (every address), ":" (a port the engine picks). */
export function bindingText(hostIp: string | undefined, hostPort: string): string {
  const ip = hostIp === undefined || hostIp === '0.0.0.0' ? '' : hostIp;
  return `${ip}:${hostPort}`;
}

/** bindingText read back: its host address (none for every address) and port (none when the engine picks one). */
export function bindingOf(text: string): { hostIp?: string; hostPort?: number } {
  const colon = text.lastIndexOf(':');
  const port = Number(text.slice(colon + 1));
  return { ...(colon > 0 ? { hostIp: text.slice(0, colon) } : {}), ...(port > 0 ? { hostPort: port } : {}) };
}

/** `volumes:` short ("./data:/data:ro", "cache:/cache", "/tmp") and long syntax, by container path. */
function declaredVolumes(raw: unknown, ctx: ServiceConfigContext): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(raw)) return out;
  for (const entry of raw) {
    if (typeof entry === 'string') {
      const parts = entry.split(':');
      if (parts.length === 1) {
        out[posix.normalize(entry)] = 'volume:';
        continue;
      }
      const [source = '', target = '', mode = ''] = parts;
      out[posix.normalize(target)] = volumeSource(source, ctx.dir) + (mode.split(',').includes('ro') ? ':ro' : '');
    } else if (isRecord(entry) && typeof entry['target'] === 'string') {
      const type = typeof entry['type'] === 'string' ? entry['type'] : 'volume';
      const source = typeof entry['source'] === 'string' ? entry['source'] : '';
      const kind = type === 'bind' ? `bind:${resolveHostPath(source, ctx.dir)}` : type === 'volume' ? `volume:${source}` : `${type}:`;
      out[posix.normalize(entry['target'])] = kind + (entry['read_only'] === true ? ':ro' : '');
    }
  }
  return out;
}

function volumeSource(source: string, dir: string): string {
  const isPath = source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
  return isPath ? `bind:${resolveHostPath(source, dir)}` : `volume:${source}`;
}

function resolveHostPath(source: string, dir: string): string {
  return source.startsWith('~') ? source : resolve(dir, source);
}

// Where a config-drift field is written: the compose file and line that declare it (an override
// file's line wins over the base file's, as its value does), or the env_file line that sets a
// variable. The editor puts its gutter badge and hover there. Pure: texts in, lines out.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { escapeRegExp } from '../escapeRegExp';

export interface TextFile {
  /** Absolute path. */
  path: string;
  text: string;
}

export interface SourceLine {
  /** Absolute path. */
  file: string;
  /** 1-based. */
  line: number;
}

export interface ConfigLocations {
  /** The line `service:` stands on in the first compose file that defines it. */
  service: SourceLine | null;
  /** Field ("environment.FOO") -> where its value is written; the service line when nowhere. */
  fields: Map<string, SourceLine>;
}

/**
 * Compose texts parsed once per check: every drifting service of a project places its fields in
 * the same compose files (30 services were 30 parses of one file; 0.1-0.4 s of CPU on the
 * bench's 30-service stack). Keyed by path, and used only while the text is the same.
 */
export interface ComposeParses {
  parse(file: TextFile): { doc: Document.Parsed; lines: LineCounter };
}

export function createComposeParses(): ComposeParses {
  const parsed = new Map<string, { text: string; doc: Document.Parsed; lines: LineCounter }>();
  return {
    parse(file) {
      const known = parsed.get(file.path);
      if (known && known.text === file.text) return known;
      const lines = new LineCounter();
      const doc = parseDocument(file.text, { lineCounter: lines, logLevel: 'silent' });
      parsed.set(file.path, { text: file.text, doc, lines });
      return { doc, lines };
    },
  };
}

interface ParsedFile {
  path: string;
  lines: LineCounter;
  /** The service's mapping and the pair whose key names it. */
  service: { pair: Pair<unknown, unknown>; map: YAMLMap | undefined } | undefined;
}

/**
 * Lines for each field of one service. `composeFiles` in merge order (base first); `envFiles`
 * (env_file texts by the path as written in compose, see DeclaredConfig.environmentFrom).
 */
export function locateConfigFields(
  service: string,
  fields: readonly string[],
  composeFiles: readonly TextFile[],
  env: { from: Record<string, string>; files: ReadonlyMap<string, TextFile> },
  parses: ComposeParses = createComposeParses(),
): ConfigLocations {
  const parsed = composeFiles.map((f) => parseFile(f, service, parses));
  const first = parsed.find((p) => p.service);
  const serviceLine = first?.service ? lineOf(first, first.service.pair.key as Node) : null;
  const out = new Map<string, SourceLine>();
  for (const field of fields) {
    const dot = field.indexOf('.');
    const key = dot < 0 ? field : field.slice(0, dot);
    const sub = dot < 0 ? undefined : field.slice(dot + 1);
    const fromEnvFile = key === 'environment' && sub !== undefined ? envFileLine(env, sub) : undefined;
    // The entry itself wherever it is (overrides first), else the key that would hold it.
    const later = [...parsed].reverse();
    const found =
      fromEnvFile ??
      (sub === undefined ? undefined : later.map((p) => fieldLine(p, key, sub, true)).find((l) => l !== undefined)) ??
      later.map((p) => fieldLine(p, key, sub, false)).find((l) => l !== undefined);
    const at = found ?? serviceLine;
    if (at) out.set(field, at);
  }
  return { service: serviceLine, fields: out };
}

function parseFile(file: TextFile, service: string, parses: ComposeParses): ParsedFile {
  try {
    const { doc, lines } = parses.parse(file);
    const services = doc.get('services', true);
    const pair = isMap(services) ? services.items.find((p) => isScalar(p.key) && p.key.value === service) : undefined;
    return { path: file.path, lines, service: pair ? { pair, map: isMap(pair.value) ? pair.value : undefined } : undefined };
  } catch {
    return { path: file.path, lines: new LineCounter(), service: undefined };
  }
}

function lineOf(file: ParsedFile, node: Node | null | undefined): SourceLine | null {
  const offset = node?.range?.[0];
  if (offset === undefined) return null;
  return { file: file.path, line: file.lines.linePos(offset).line };
}

/** The compose keys each field kind may be written under: a port may be in ports: or expose:. */
const KEYS: Record<string, string[]> = { ports: ['ports', 'expose'], working_dir: ['working_dir'] };

/** The line of `sub` under the key (entryOnly), or of the key itself. */
function fieldLine(file: ParsedFile, key: string, sub: string | undefined, entryOnly: boolean): SourceLine | undefined {
  const map = file.service?.map;
  if (!map) return undefined;
  for (const name of KEYS[key] ?? [key]) {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === name);
    if (!pair) continue;
    const entry = sub === undefined ? undefined : entryFor(pair.value, name, sub);
    if (entryOnly && !entry) continue;
    return lineOf(file, (entry ?? pair.key) as Node) ?? undefined;
  }
  return undefined;
}

/** The item of a list or the key of a mapping that declares `sub` (a variable, a label, a port, a mount target). */
function entryFor(value: unknown, key: string, sub: string): Node | undefined {
  if (isMap(value)) {
    const pair = value.items.find((p) => isScalar(p.key) && String(p.key.value) === sub);
    return pair?.key as Node | undefined;
  }
  if (!isSeq(value)) return undefined;
  const matches = (text: string): boolean => {
    if (key === 'ports' || key === 'expose') return new RegExp(`(^|[:-])${escapeRegExp(sub.split('/')[0] ?? '')}($|[/-])`).test(text);
    if (key === 'volumes') return text.split(':')[1] === sub || text === sub;
    return text === sub || text.startsWith(`${sub}=`);
  };
  for (const item of value.items) {
    if (isScalar(item) && matches(String(item.value))) return item;
    if (isMap(item)) {
      const target = item.get('target');
      if (target !== undefined && (String(target) === sub || String(target) === sub.split('/')[0])) return item;
    }
  }
  return undefined;
}

function envFileLine(env: { from: Record<string, string>; files: ReadonlyMap<string, TextFile> }, name: string): SourceLine | undefined {
  const from = env.from[name];
  const file = from === undefined || from === 'environment' ? undefined : env.files.get(from);
  if (!file) return undefined;
  // The name is the workspace's (an env_file's or the container's): literal, a `(` in it is no group.
  const assignment = new RegExp(`^\\s*(export\\s+)?${escapeRegExp(name)}\\s*=`);
  const index = file.text.split(/\r?\n/).findIndex((l) => assignment.test(l));
  return index < 0 ? undefined : { file: file.path, line: index + 1 };
}

// The fast way to list a running container's files: `find ROOT/ -exec stat` run inside it through
// the exec API (an argument array, no shell). The engine then sends about 60 bytes a file instead
// of a 1 KB tar record, and does not have to read the files: on 2,000 files that is half the
// time of the archive API, on 50,000 a third. Read-only: find and stat only look.
//
// It needs find and stat in the image (busybox, Debian, Alpine...); whether find is there is asked
// first with a HEAD on the archive API (cheap), so a distroless container costs no failed exec.
// Where they are missing, the container is not running, or anything else is unusual (a permission
// error on a subfolder, an odd exit), the caller falls back to the archive API, which works everywhere.
import type Dockerode from 'dockerode';
import type { FileListing } from '../core/model';
import { isRecord } from '../core/isRecord';
import { ListingTooLargeError, MAX_LISTED_ENTRIES } from './tarListing';
import { builtListing, listingBuilder, packedListing, type PathTableBuilder } from './pathTable';

/** `find` could not answer this time (root not a folder, a permission error...); list it another way. */
export const EXEC_UNSUPPORTED = Symbol('exec listing unsupported');
/** The image has no find or stat (distroless): do not try exec in this container again. */
export const EXEC_MISSING = Symbol('find or stat missing');

/** Bytes of stderr kept, for the one line that says why find failed. */
const STDERR_KEEP = 4096;

/** S_IFMT bits of the raw mode stat prints with %f. */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

/**
 * find's argument list for `root` (absolute, normalised). The trailing slash makes find follow a
 * root that is a symlink, as require() would; regular files and symlinks (which behave as files
 * at run time) are printed as "<raw mode hex> <size> <path>".
 */
export function findCommand(root: string): string[] {
  const start = root === '/' ? '/' : `${root}/`;
  return ['find', start, '(', '-type', 'f', '-o', '-type', 'l', ')', '-exec', 'stat', '-c', '%f %s %n', '{}', '+'];
}

/**
 * find's arguments for what changed under `root` (absolute, normalised) in the last `minutes`:
 * files, links and folders whose inode changed (ctime: a copy sets a file's mtime from its
 * archive, never its ctime), printed as findCommand prints them.
 */
export function findChangedCommand(root: string, minutes: number): string[] {
  const start = root === '/' ? '/' : `${root}/`;
  return ['find', start, '(', '-type', 'f', '-o', '-type', 'l', '-o', '-type', 'd', ')', '-cmin', `-${minutes}`, '-exec', 'stat', '-c', '%f %s %n', '{}', '+'];
}

/** What findChangedCommand printed: the files and links with their sizes (-1: a link), and the folders. */
export interface ChangedEntries {
  files: Map<string, number>;
  dirs: Set<string>;
}

/** find's output for `root` parsed as it arrives: chunks cut anywhere, never joined whole. */
export interface StatLineParser {
  push(chunk: Buffer): void;
  /** The listing, once the output has ended. */
  end(): FileListing;
  /** The entries as printed (folders too), once the output has ended: for findChangedCommand. */
  endChanges(): ChangedEntries;
  /** Bytes pushed so far. */
  readonly bytes: number;
}

/**
 * Parses find's output for `root` line by line as chunks arrive: the whole lines of a chunk are
 * decoded at once and only a line cut by a chunk boundary is carried over (a newline byte never
 * occurs inside a UTF-8 sequence, so cutting at newlines never splits a character). Each file
 * goes into the packed listing as it is read (PathTableBuilder: its folder kept once, its name a
 * slice of the chunk's text), never into a Set and a Map of whole path strings first. Lines that
 * do not start with "<hex> <digits> /" continue the previous path (a file name with a newline in it).
 */
export function statLineParser(root: string): StatLineParser {
  return new StatLines(root);
}

class StatLines implements StatLineParser {
  private readonly files: PathTableBuilder;
  private readonly base: string;
  private readonly inside: string;
  // The entry being read: a name may hold newlines, so it is only complete at the next entry.
  private text = '';
  private from = -1;
  private to = 0;
  private continued: string | undefined;
  private mode = 0;
  private size = 0;
  private carry: Buffer | undefined;
  private entries = 0;
  private readonly dirs = new Set<string>();
  bytes = 0;

  constructor(private readonly root: string) {
    this.base = root === '/' ? '' : root;
    this.inside = `${this.base}/`;
    this.files = listingBuilder(root);
  }

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const lastNewline = buf.lastIndexOf(10);
    if (lastNewline >= 0) this.lines(buf.toString('utf8', 0, lastNewline + 1));
    // A copy of the cut line only, so the chunk itself can go.
    this.carry = lastNewline + 1 < buf.length ? Buffer.from(buf.subarray(lastNewline + 1)) : undefined;
  }

  end(): FileListing {
    this.finish();
    // Packed: a long-lived client keeps listings between checks (containerListings.ts).
    return builtListing(this.root, this.files);
  }

  endChanges(): ChangedEntries {
    this.finish();
    const listing = builtListing(this.root, this.files);
    const files = new Map<string, number>();
    for (const f of listing.files) files.set(f, listing.sizes?.get(f) ?? -1);
    return { files, dirs: this.dirs };
  }

  private finish(): void {
    if (this.carry) this.lines(`${this.carry.toString('utf8')}\n`);
    this.carry = undefined;
    this.flush();
  }

  /** Whole lines, each ending in a newline. */
  private lines(text: string): void {
    for (let start = 0, nl = text.indexOf('\n'); nl >= 0; start = nl + 1, nl = text.indexOf('\n', start)) this.line(text, start, nl);
    // The entry still open keeps this text (it is only sliced at the next entry): not the chunk's bytes.
  }

  /** One line, text[start, end) without its newline. */
  private line(text: string, start: number, end: number): void {
    // "<hex mode> <size> <path>": fields read from the characters, nothing copied but the path.
    const s1 = text.indexOf(' ', start);
    const s2 = s1 > start && s1 < end ? text.indexOf(' ', s1 + 1) : -1;
    const fields = s2 >= 0 && s2 < end;
    const lineMode = fields ? digitsAt(text, start, s1, 16) : -1;
    const lineSize = fields ? digitsAt(text, s1 + 1, s2, 10) : -1;
    if (fields && text.charCodeAt(s2 + 1) === 47 /* / */ && s2 + 1 < end && lineMode >= 0 && lineSize >= 0) {
      this.flush();
      this.text = text;
      this.from = s2 + 1;
      this.to = end;
      this.mode = lineMode;
      this.size = lineSize;
    } else if (this.from >= 0) {
      this.continued = `${this.continued ?? this.text.slice(this.from, this.to)}\n${text.slice(start, end)}`;
    }
  }

  /** The entry read so far is complete: keep it when it is a file or link under the root. */
  private flush(): void {
    if (this.from < 0) return;
    let text = this.text;
    let from = this.from;
    let to = this.to;
    if (this.continued !== undefined || hasDoubleSlash(text, from, to)) {
      const path = this.continued ?? text.slice(from, to);
      text = path.includes('//') ? path.replace(/\/{2,}/g, '/') : path;
      from = 0;
      to = text.length;
    }
    this.from = -1;
    this.continued = undefined;
    if (++this.entries > MAX_LISTED_ENTRIES) throw new ListingTooLargeError(this.root);
    if ((this.mode & S_IFMT) === S_IFDIR) {
      const clean = text.slice(from, to);
      this.dirs.add(clean.length > 1 ? clean.replace(/\/+$/, '') : clean);
    } else if (isFileMode(this.mode) && text.startsWith(this.inside, from)) {
      this.files.addBelow(text, from + this.inside.length, to, (this.mode & S_IFMT) === S_IFREG ? this.size : -1);
    }
  }
}

/** Whether text[from, to) holds "//". */
function hasDoubleSlash(text: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (text.charCodeAt(i) === 47 && text.charCodeAt(i - 1) === 47) return true;
  return false;
}

/** The number written in text[from, to) in base 10 or 16 (lower or upper case); -1 when not only digits. */
export function digitsAt(text: string, from: number, to: number, base: 10 | 16): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : base === 16 && c >= 97 && c <= 102 ? c - 87 : base === 16 && c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return -1;
    n = n * base + d;
  }
  return n;
}

function isFileMode(mode: number): boolean {
  const type = mode & S_IFMT;
  return type === S_IFREG || type === S_IFLNK;
}

/**
 * Splits the exec API's multiplexed stream (8-byte frame headers: stream 1 = stdout, 2 = stderr)
 * without buffering frames twice.
 */
export function demuxer(onStdout: (chunk: Buffer) => void, onStderr: (chunk: Buffer) => void): (data: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  let kind = 0;
  let remaining = 0;
  return (data) => {
    let buf = pending.length > 0 ? Buffer.concat([pending, data]) : data;
    pending = Buffer.alloc(0);
    while (buf.length > 0) {
      if (remaining === 0) {
        if (buf.length < 8) {
          pending = buf;
          return;
        }
        kind = buf[0] ?? 0;
        remaining = buf.readUInt32BE(4);
        buf = buf.subarray(8);
        continue;
      }
      const take = Math.min(remaining, buf.length);
      const part = buf.subarray(0, take);
      if (kind === 2) onStderr(part);
      else onStdout(part);
      remaining -= take;
      buf = buf.subarray(take);
    }
  };
}

/**
 * Where find lives in the images this is for (busybox and Alpine: /bin, Debian and Ubuntu:
 * /usr/bin). stat is not asked for: busybox runs its own applet for `-exec stat` even without a
 * /bin/stat link, and where find comes from findutils, coreutils' stat is there too.
 */
const FIND_PATHS = ['/bin/find', '/usr/bin/find', '/usr/local/bin/find'];

/**
 * Whether the container has find, asked with HEAD requests on the archive API (a couple of ms each)
 * before an exec is tried: a failed exec costs the engine 50-90 ms, and a distroless stack would
 * pay it for every container on every CLI run. Anything but a clear 404 counts as "may have it",
 * so exec is still tried.
 */
async function hasFind(container: Dockerode.Container, signal: AbortSignal): Promise<boolean> {
  const exists = (path: string): Promise<boolean> =>
    container.infoArchive({ path, abortSignal: signal } as Parameters<Dockerode.Container['infoArchive']>[0]).then(
      (res: unknown) => {
        // dockerode hands the HEAD response over as a stream: read to its end, its connection goes
        // back to the pool; left alone it held the CLI open once calls stopped being aborted at close.
        (res as { resume?: () => void } | undefined)?.resume?.();
        return true;
      },
      (err: unknown) => !(isRecord(err) && err.statusCode === 404),
    );
  // /bin/find first (busybox, and every merged-/usr distribution through its /bin link): one
  // request for most images; the other places only when it is not there.
  const [first, ...rest] = FIND_PATHS;
  if (first !== undefined && (await exists(first))) return true;
  return (await Promise.all(rest.map(exists))).some(Boolean);
}

/** Lists `root` (absolute, normalised) in a running container with find; EXEC_UNSUPPORTED when it cannot. */
export async function execListing(
  container: Dockerode.Container,
  root: string,
  signal: AbortSignal,
  /** find and stat already ran in this container: skip asking for them. */
  toolsKnown = false,
  /** Told the exec's ID once it exists (its events are this client's own, not news). */
  onExec?: (execId: string) => void,
): Promise<FileListing | typeof EXEC_UNSUPPORTED | typeof EXEC_MISSING> {
  // A root that is not absolute would reach find as an expression ("-delete"): never.
  if (!root.startsWith('/')) return EXEC_UNSUPPORTED;
  if (!toolsKnown && !(await hasFind(container, signal))) return EXEC_MISSING;
  const parser = statLineParser(root);
  const run = await runFind(container, findCommand(root), parser, signal, onExec);
  if (run.exitCode === 0) return parser.end();
  // find's own words for a root that is not there; anything else is not ours to interpret.
  if (run.exitCode === 1 && parser.bytes === 0 && /No such file or directory/.test(run.stderr) && run.stderr.split('\n').filter(Boolean).length === 1) {
    return { root, files: new Set(), sizes: new Map(), rootMissing: true };
  }
  // 126/127: the runtime could not start find (not in the image), or find could not run stat.
  return run.exitCode === 126 || run.exitCode === 127 ? EXEC_MISSING : EXEC_UNSUPPORTED;
}

/**
 * What changed under `root` in a running container in the last `minutes` (findChangedCommand),
 * where find already ran (execListing); EXEC_UNSUPPORTED when find did not answer plainly (a
 * find without -cmin, a root gone): the caller lists the whole root instead.
 */
export async function execChangedEntries(
  container: Dockerode.Container,
  root: string,
  minutes: number,
  signal: AbortSignal,
  onExec?: (execId: string) => void,
): Promise<ChangedEntries | typeof EXEC_UNSUPPORTED> {
  if (!root.startsWith('/') || !(minutes > 0)) return EXEC_UNSUPPORTED;
  const parser = statLineParser(root);
  const run = await runFind(container, findChangedCommand(root, Math.ceil(minutes)), parser, signal, onExec);
  return run.exitCode === 0 ? parser.endChanges() : EXEC_UNSUPPORTED;
}

/**
 * A remembered listing brought up to date with what changed since (execChangedEntries) in a
 * copy into the container, which only adds and replaces: each changed file or link is in it
 * with its new size; a file that became a folder, or lay in a folder that became a file or a
 * link, is not.
 */
export function applyChangedEntries(previous: FileListing, changes: ChangedEntries): FileListing {
  const files = new Set<string>();
  const sizes = new Map<string, number>();
  const base = previous.root === '/' ? 0 : previous.root.length;
  for (const f of previous.files) {
    if (changes.files.has(f)) continue;
    if (changes.dirs.has(f) || (changes.files.size > 0 && replacedAbove(f, base, changes.files))) continue;
    files.add(f);
    const size = previous.sizes?.get(f);
    if (size !== undefined) sizes.set(f, size);
  }
  for (const [f, size] of changes.files) {
    files.add(f);
    if (size >= 0) sizes.set(f, size);
  }
  return packedListing(previous.root, files, sizes);
}

/** Some folder above `path` (below the root, which ends at `base`) is now a file or link. */
function replacedAbove(path: string, base: number, files: ReadonlyMap<string, number>): boolean {
  for (let i = path.indexOf('/', base + 1); i > 0; i = path.indexOf('/', i + 1)) {
    if (files.has(path.slice(0, i))) return true;
  }
  return false;
}

/** Runs find through the exec API, its output to `parser` as it streams; its exit code and the start of its stderr. */
async function runFind(
  container: Dockerode.Container,
  cmd: string[],
  parser: StatLineParser,
  signal: AbortSignal,
  onExec: ((execId: string) => void) | undefined,
): Promise<{ exitCode: number | null; stderr: string }> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, abortSignal: signal } as Dockerode.ExecCreateOptions);
  onExec?.(exec.id);
  const stream = (await exec.start({ hijack: true, stdin: false, abortSignal: signal } as Dockerode.ExecStartOptions)) as NodeJS.ReadableStream & {
    destroy(): void;
  };
  // Parsed as it streams: the output (about 60 bytes a file) is never held whole.
  let stderr = '';
  const feed = demuxer(
    (chunk) => parser.push(chunk),
    (chunk) => {
      if (stderr.length < STDERR_KEEP) stderr += chunk.toString('utf8');
    },
  );
  await drain(stream, feed, signal);
  const info = await exec.inspect({ abortSignal: signal } as Dockerode.ExecInspectOptions);
  return { exitCode: info.ExitCode, stderr };
}

/**
 * Feeds the exec's stream to `feed` until it ends; rejects on a stream error, on abort (the stream
 * is destroyed) and when `feed` throws (too many entries: stop reading, the exec ends with the stream).
 */
function drain(stream: NodeJS.ReadableStream & { destroy(): void }, feed: (data: Buffer) => void, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const abort = () => {
      stream.destroy();
      reject(signal.reason);
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    stream.on('data', (d: Buffer) => {
      try {
        feed(d);
      } catch (e) {
        signal.removeEventListener('abort', abort);
        stream.destroy();
        reject(e);
      }
    });
    stream.on('end', () => {
      signal.removeEventListener('abort', abort);
      resolve();
    });
    stream.on('error', (e: Error) => {
      signal.removeEventListener('abort', abort);
      reject(e);
    });
  });
}

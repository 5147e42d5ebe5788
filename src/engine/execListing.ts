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
import { packedListing } from './pathTable';

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
 * Parses find's output for `root` line by line as chunks arrive, straight from the bytes: only
 * a line cut by a chunk boundary is carried over, and each path becomes a string of its own (no
 * slice of a whole-output string keeps that text alive). Lines that do not start with
 * "<hex> <digits> /" continue the previous path (a file name with a newline in it). A newline
 * byte never occurs inside a UTF-8 sequence, so cutting at newlines never splits a character.
 */
export function statLineParser(root: string): StatLineParser {
  return new StatLines(root);
}

class StatLines implements StatLineParser {
  private readonly files = new Set<string>();
  private readonly sizes = new Map<string, number>();
  private readonly base: string;
  private readonly inside: string;
  // The entry being read: a name may hold newlines, so it is only complete at the next entry.
  private path: string | undefined;
  private mode = 0;
  private size = 0;
  private carry: Buffer | undefined;
  private entries = 0;
  private readonly dirs = new Set<string>();
  bytes = 0;

  constructor(private readonly root: string) {
    this.base = root === '/' ? '' : root;
    this.inside = `${this.base}/`;
  }

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
      this.line(buf, start, nl);
      start = nl + 1;
    }
    // A copy of the cut line only, so the chunk itself can go.
    this.carry = start < buf.length ? Buffer.from(buf.subarray(start)) : undefined;
  }

  end(): FileListing {
    this.finish();
    // Packed: a long-lived client keeps listings between checks (containerListings.ts).
    return packedListing(this.root, this.files, this.sizes);
  }

  endChanges(): ChangedEntries {
    this.finish();
    const files = new Map<string, number>();
    for (const f of this.files) files.set(f, this.sizes.get(f) ?? -1);
    return { files, dirs: this.dirs };
  }

  private finish(): void {
    if (this.carry) this.line(this.carry, 0, this.carry.length);
    this.carry = undefined;
    this.flush();
    this.path = undefined;
  }

  /** One line, buf[start, end) without its newline. */
  private line(buf: Buffer, start: number, end: number): void {
    // "<hex mode> <size> <path>": fields read from the bytes, nothing copied but the path.
    const s1 = buf.indexOf(32, start);
    const s2 = s1 > start && s1 < end ? buf.indexOf(32, s1 + 1) : -1;
    const fields = s2 >= 0 && s2 < end;
    const lineMode = fields ? digitsAt(buf, start, s1, 16) : -1;
    const lineSize = fields ? digitsAt(buf, s1 + 1, s2, 10) : -1;
    if (fields && buf[s2 + 1] === 47 /* / */ && s2 + 1 < end && lineMode >= 0 && lineSize >= 0) {
      this.flush();
      this.path = buf.toString('utf8', s2 + 1, end);
      this.mode = lineMode;
      this.size = lineSize;
    } else if (this.path !== undefined) {
      this.path += `\n${buf.toString('utf8', start, end)}`;
    }
  }

  /** The entry read so far is complete: keep it when it is a file or link under the root. */
  private flush(): void {
    const path = this.path;
    if (path === undefined) return;
    const clean = path.includes('//') ? path.replace(/\/{2,}/g, '/') : path;
    if (++this.entries > MAX_LISTED_ENTRIES) throw new ListingTooLargeError(this.root);
    if ((this.mode & S_IFMT) === S_IFDIR) this.dirs.add(clean.length > 1 ? clean.replace(/\/+$/, '') : clean);
    else if ((this.base === '' || clean.startsWith(this.inside)) && isFileMode(this.mode)) {
      this.files.add(clean);
      if ((this.mode & S_IFMT) === S_IFREG) this.sizes.set(clean, this.size);
    }
  }
}

/** The number written in bytes[from, to) in base 10 or 16 (lower or upper case); -1 when not only digits. */
export function digitsAt(bytes: Uint8Array, from: number, to: number, base: 10 | 16): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i] as number;
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

// Running containers' listings remembered between checks, for a long-lived process that watches
// the engine's events (the extension). A container's files change only through the engine: a
// start or stop, a copy into it (the archive API's PUT: `docker cp`), a process run in it
// (`exec`), or its replacement (a recreate is a new container). Each of those is an event, so a
// listing stays good until an event about its container says otherwise. Trusted only while the
// event stream is connected (what happened while it was not is not known: everything is
// dropped when it connects or breaks), never for a folder on a bind mount or a volume (the host
// or another container writes there without an event), never while someone else's exec runs in
// the container (a shell writes as it goes), nor in the first START_SETTLE_MS after a start (an
// entrypoint may still be writing), and re-listed in the background once older than
// LISTING_REFRESH_MS (the container's own processes write without events too), and not served at
// all once older than LISTING_MAX_AGE_MS.
import type { FileListing } from '../core/model';
import type { EngineEvent } from '../core/ports';

/** Older than this, a remembered listing is served once more while a fresh one is made. */
export const LISTING_REFRESH_MS = 60_000;
/** Older than this, a remembered listing is not served: the check waits for a fresh one. */
export const LISTING_MAX_AGE_MS = 5 * 60_000;
/**
 * A container's own start-up may still be writing its files (an entrypoint that builds or
 * unpacks): listings taken this soon after a start event are not remembered.
 */
export const START_SETTLE_MS = 10_000;
/** Containers remembered at most (a listing of 10,000 files is about 1 MB). */
const MAX_CONTAINERS = 256;

/** Container events after which its files may differ (exec_start: someone else's process may write from now on). */
const CHANGES_FILES = new Set(['start', 'die', 'destroy', 'create', 'extract-to-dir', 'exec_start', 'exec_die', 'kill', 'stop', 'restart', 'pause', 'unpause', 'rename', 'update', 'copy', 'commit']);

/**
 * Events after which the change they report is complete (a copy extracted, someone else's process
 * ended): the listing is made again at once, so the re-check the event brings finds it under way
 * instead of starting it after its debounce and its container lookups.
 */
const RELIST_AT_ONCE = new Set(['extract-to-dir', 'exec_die']);
/**
 * Events whose change only adds or replaces files (an archive extracted: `docker cp`): the
 * remembered listing is brought up to date with what changed since it was made instead of made
 * again (a find of the changed entries prints a few lines instead of one per file).
 */
const ADDS_ONLY = 'extract-to-dir';

interface Entry {
  /** When the listing began: what changed since is what an update asks for. */
  at: number;
  /** When the last whole listing began (an update keeps it): the ages below count from it. */
  fullAt: number;
  listing: Promise<FileListing>;
  refreshing: boolean;
}

/** A remembered listing brought up to date with what changed in the last `elapsedMs` (a copy into the container: additions and replacements only). */
export type ListingUpdate = (previous: FileListing, elapsedMs: number) => Promise<FileListing>;

interface Lister {
  list: () => Promise<FileListing>;
  update?: ListingUpdate;
}

export interface ContainerListingsOptions {
  now?: () => number;
}

export class ContainerListings {
  private trusted = false;
  private readonly entries = new Map<string, Entry>();
  /** Per container, bumped by each event that may change its files: a listing begun before is not kept. */
  private readonly epochs = new Map<string, number>();
  /** Mount destinations per container (binds, volumes, tmpfs), as its last inspect said. */
  private readonly mounts = new Map<string, readonly string[]>();
  /** Execs not ours that started in a container and have not ended. */
  private readonly foreignExecs = new Map<string, Set<string>>();
  private readonly ownExecs = new Set<string>();
  /** How each remembered (container, root) was listed, to list it again at once (RELIST_AT_ONCE). */
  private readonly listers = new Map<string, Lister>();
  /** Per container, the command its health check runs, as exec events word it. */
  private readonly healthchecks = new Map<string, string>();
  /** When a start event came, per container, for START_SETTLE_MS. */
  private readonly started = new Map<string, number>();
  private readonly now: () => number;

  constructor(opts: ContainerListingsOptions = {}) {
    this.now = opts.now ?? Date.now;
  }

  /** The event stream connected (true) or broke (false): either way, nothing remembered holds. */
  setTrusted(connected: boolean): void {
    this.trusted = connected;
    this.entries.clear();
    this.listers.clear();
    this.foreignExecs.clear();
    for (const id of this.epochs.keys()) this.bump(id);
  }

  /** What the container's inspect says is mounted where. */
  noteMounts(containerId: string, destinations: readonly string[]): void {
    if (this.mounts.size >= MAX_CONTAINERS && !this.mounts.has(containerId)) this.mounts.delete(this.mounts.keys().next().value as string);
    this.mounts.set(containerId, destinations);
  }

  /**
   * The container's health check (its inspect's Healthcheck.Test): the engine runs it as an exec
   * every interval; it is not a change to anyone's files, nor news.
   */
  noteHealthcheck(containerId: string, test: readonly string[] | null): void {
    const command = healthcheckCommand(test);
    if (command === undefined) this.healthchecks.delete(containerId);
    else this.healthchecks.set(containerId, command);
  }

  /** An exec this client started (a listing's find): its events change nothing. */
  noteOwnExec(execId: string): void {
    if (this.ownExecs.size >= MAX_CONTAINERS * 4) this.ownExecs.clear();
    this.ownExecs.add(execId);
  }

  /** True when the event is about one of this client's own execs or a health check's: not news to anyone. */
  isOwn(event: EngineEvent): boolean {
    if (event.execId === undefined) return false;
    if (this.ownExecs.has(event.execId)) return true;
    // A health check's exec_start names its command; its exec_die then counts as ours too.
    if (event.action === 'exec_start' && event.id !== undefined && event.command !== undefined && this.healthchecks.get(event.id) === event.command) {
      this.noteOwnExec(event.execId);
      return true;
    }
    return false;
  }

  /** Drops what an engine event may have changed. */
  onEvent(event: EngineEvent): void {
    if (event.type !== 'container' || event.id === undefined || !CHANGES_FILES.has(event.action)) return;
    if (event.execId !== undefined) {
      if (this.ownExecs.has(event.execId)) {
        if (event.action === 'exec_die') this.ownExecs.delete(event.execId);
        return;
      }
      const running = this.foreignExecs.get(event.id) ?? new Set<string>();
      if (event.action === 'exec_start') running.add(event.execId);
      else running.delete(event.execId);
      if (running.size > 0) this.foreignExecs.set(event.id, running);
      else this.foreignExecs.delete(event.id);
    }
    const previous = event.action === ADDS_ONLY ? this.entriesOf(event.id) : undefined;
    this.forget(event.id);
    if (event.action === 'start' || event.action === 'restart') this.started.set(event.id, this.now());
    if (event.action === 'destroy') {
      this.started.delete(event.id);
      this.healthchecks.delete(event.id);
      this.mounts.delete(event.id);
      this.epochs.delete(event.id);
      this.foreignExecs.delete(event.id);
      this.dropListers(event.id);
    }
    if (RELIST_AT_ONCE.has(event.action)) this.relist(event.id, previous);
  }

  /** The remembered listings of a container, by key. */
  private entriesOf(containerId: string): Map<string, Entry> {
    const prefix = `${containerId}\0`;
    return new Map([...this.entries].filter(([key]) => key.startsWith(prefix)));
  }

  /**
   * The container's remembered roots listed again now, where a listing may be remembered; those
   * in `previous` (the listings before a copy) brought up to date instead, where they can be.
   */
  private relist(containerId: string, previous: Map<string, Entry> | undefined): void {
    const prefix = `${containerId}\0`;
    for (const [key, lister] of this.listers) {
      if (!key.startsWith(prefix) || this.entries.has(key) || !this.cacheable(containerId, key.slice(prefix.length))) continue;
      const before = previous?.get(key);
      const { update } = lister;
      if (before && update) {
        const updated = () => before.listing.then((old) => (old.rootMissing ? lister.list() : update(old, this.now() - before.at)), () => lister.list());
        void this.remember(containerId, key, updated, before.fullAt).catch(() => undefined);
      } else {
        void this.remember(containerId, key, lister.list).catch(() => undefined);
      }
    }
  }

  private dropListers(containerId: string): void {
    const prefix = `${containerId}\0`;
    for (const key of [...this.listers.keys()]) if (key.startsWith(prefix)) this.listers.delete(key);
  }

  /**
   * `root`'s listing in the container: remembered when that can be trusted, else `list()`;
   * `update` brings a remembered one up to date after a copy into the container.
   */
  get(containerId: string, root: string, list: () => Promise<FileListing>, update?: ListingUpdate): Promise<FileListing> {
    if (!this.cacheable(containerId, root)) return list();
    const key = `${containerId}\0${root}`;
    if (this.listers.size >= MAX_CONTAINERS && !this.listers.has(key)) this.listers.delete(this.listers.keys().next().value as string);
    this.listers.set(key, { list, update });
    const known = this.entries.get(key);
    // From the last whole listing: an update sees no deletion (a container's own processes delete without events).
    const age = known ? this.now() - known.fullAt : Infinity;
    if (known && age < LISTING_MAX_AGE_MS) {
      if (age >= LISTING_REFRESH_MS && !known.refreshing) {
        known.refreshing = true;
        // The answer now is the remembered one; the next check gets the fresh one.
        void this.remember(containerId, key, list).catch(() => undefined);
      }
      return known.listing;
    }
    return this.remember(containerId, key, list);
  }

  private remember(containerId: string, key: string, list: () => Promise<FileListing>, fullAt?: number): Promise<FileListing> {
    const epoch = this.epochs.get(containerId) ?? 0;
    const at = this.now();
    const listing = list();
    const entry: Entry = { at, fullAt: fullAt ?? at, listing, refreshing: false };
    const current = () => this.trusted && (this.epochs.get(containerId) ?? 0) === epoch;
    // Kept at once when nothing is remembered (concurrent checks share it), else when it is done.
    if (!this.entries.has(key)) this.store(key, entry);
    listing.then(
      () => {
        if (current()) this.store(key, entry);
        else if (this.entries.get(key) === entry) this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        const old = this.entries.get(key);
        if (old) old.refreshing = false;
      },
    );
    return listing;
  }

  private store(key: string, entry: Entry): void {
    if (this.entries.size >= MAX_CONTAINERS && !this.entries.has(key)) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, entry);
  }

  /** Whether a listing of `root` in the container may be remembered now. */
  cacheable(containerId: string, root: string): boolean {
    if (!this.trusted || this.foreignExecs.has(containerId)) return false;
    const started = this.started.get(containerId);
    if (started !== undefined) {
      if (this.now() - started < START_SETTLE_MS) return false;
      this.started.delete(containerId);
    }
    const mounts = this.mounts.get(containerId);
    // Not inspected by this client: what is mounted there is not known.
    if (!mounts) return false;
    return !mounts.some((m) => overlaps(m, root));
  }

  private forget(containerId: string): void {
    this.bump(containerId);
    const prefix = `${containerId}\0`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private bump(containerId: string): void {
    this.epochs.set(containerId, (this.epochs.get(containerId) ?? 0) + 1);
  }
}

/** How exec events word a health check's run: CMD-SHELL runs `/bin/sh -c <text>`, CMD its arguments. */
function healthcheckCommand(test: readonly string[] | null): string | undefined {
  if (!test || test.length < 2) return undefined;
  const [kind, ...rest] = test;
  if (kind === 'CMD-SHELL') return `/bin/sh -c ${rest.join(' ')}`;
  if (kind === 'CMD') return rest.join(' ');
  return undefined;
}

/** One folder holds the other (or they are the same): a mount there changes what the root lists. */
function overlaps(a: string, b: string): boolean {
  const x = trim(a);
  const y = trim(b);
  return x === y || x === '/' || y === '/' || x.startsWith(`${y}/`) || y.startsWith(`${x}/`);
}

function trim(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.replace(/\/+$/, '') : p;
}

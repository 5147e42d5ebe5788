// Running containers' listings remembered between checks (src/engine/containerListings.ts): what
// keeps a listing, what drops it, and where it is never trusted.
import assert from 'node:assert/strict';
import type { FileListing } from '../../../src/core/model';
import type { EngineEvent } from '../../../src/core/ports';
import { ContainerListings, LISTING_MAX_AGE_MS, LISTING_REFRESH_MS, START_SETTLE_MS } from '../../../src/engine/containerListings';

const C = 'c0ffee';
const ROOT = '/app/dist';

function setup(opts: { trusted?: boolean; mounts?: string[] } = {}) {
  let now = 1_000_000;
  const listings = new ContainerListings({ now: () => now });
  let made = 0;
  const list = () => {
    made += 1;
    return Promise.resolve<FileListing>({ root: ROOT, files: new Set([`${ROOT}/v${made}.js`]), sizes: new Map(), rootMissing: false });
  };
  if (opts.trusted !== false) listings.setTrusted(true);
  listings.noteMounts(C, opts.mounts ?? []);
  return {
    listings,
    get: () => listings.get(C, ROOT, list),
    get made() {
      return made;
    },
    advance: (ms: number) => void (now += ms),
    event: (action: string, extra: Partial<EngineEvent> = {}) => listings.onEvent({ type: 'container', action, id: C, ...extra }),
  };
}

suite('container listings remembered between checks', () => {
  test('while the event stream is connected, a second check does not list again', async () => {
    const t = setup();
    await t.get();
    const again = await t.get();
    assert.equal(t.made, 1);
    assert.ok(again.files.has(`${ROOT}/v1.js`));
  });

  test('without a connected event stream every check lists', async () => {
    const t = setup({ trusted: false });
    await t.get();
    await t.get();
    assert.equal(t.made, 2);
  });

  for (const action of ['start', 'die', 'destroy', 'create', 'extract-to-dir', 'kill', 'restart']) {
    test(`a ${action} event drops the container's listing`, async () => {
      const t = setup();
      await t.get();
      t.event(action);
      await t.get();
      assert.equal(t.made, 2);
    });
  }

  test('after a copy into the container or the end of someone else\'s exec, the listing is made again at once and the re-check gets that one', async () => {
    const t = setup();
    await t.get();
    t.event('extract-to-dir');
    assert.equal(t.made, 2, 'listed again on the event, before any check asks');
    const after = await t.get();
    assert.equal(t.made, 2);
    assert.ok(after.files.has(`${ROOT}/v2.js`), 'the listing made after the copy');
    t.event('exec_start', { execId: 'shell' });
    assert.equal(t.made, 2, 'not while the exec may still write');
    await t.get();
    t.event('exec_die', { execId: 'shell' });
    assert.equal(t.made, 4);
    await t.get();
    assert.equal(t.made, 4);
    t.event('die');
    t.event('destroy');
    t.event('extract-to-dir');
    assert.equal(t.made, 4, 'nothing listed again for a container that is gone, nor after a stop');
  });

  test('for START_SETTLE_MS after a start nothing is remembered (the entrypoint may still write); then it is', async () => {
    const t = setup();
    t.event('start');
    await t.get();
    await t.get();
    assert.equal(t.made, 2);
    t.advance(START_SETTLE_MS);
    await t.get();
    await t.get();
    assert.equal(t.made, 3);
  });

  test("another container's event, or an image event, keeps it", async () => {
    const t = setup();
    await t.get();
    t.listings.onEvent({ type: 'container', action: 'die', id: 'other' });
    t.listings.onEvent({ type: 'image', action: 'tag', id: C });
    await t.get();
    assert.equal(t.made, 1);
  });

  test("this client's own listing execs change nothing and are recognised as its own", async () => {
    const t = setup();
    await t.get();
    t.listings.noteOwnExec('e1');
    const start = { type: 'container' as const, action: 'exec_start', id: C, execId: 'e1' };
    assert.equal(t.listings.isOwn(start), true);
    t.event('exec_start', { execId: 'e1' });
    t.event('exec_die', { execId: 'e1' });
    await t.get();
    assert.equal(t.made, 1);
    assert.equal(t.listings.isOwn({ ...start, execId: 'e2' }), false);
  });

  test("while someone else's exec runs in the container, every check lists; its end drops the listing", async () => {
    const t = setup();
    await t.get();
    t.event('exec_start', { execId: 'shell' });
    await t.get();
    await t.get();
    assert.equal(t.made, 3, 'not remembered while the shell runs');
    t.event('exec_die', { execId: 'shell' });
    await t.get();
    await t.get();
    assert.equal(t.made, 4, 'remembered again once it ended');
  });

  for (const [mount, cached] of [
    ['/app/dist', false],
    ['/app', false],
    ['/app/dist/uploads', false],
    ['/', false],
    ['/var/data', true],
    ['/app/distribution', true],
  ] as const) {
    test(`a mount at ${mount} ${cached ? 'leaves the listing remembered' : 'keeps it from being remembered'}`, async () => {
      const t = setup({ mounts: [mount] });
      await t.get();
      await t.get();
      assert.equal(t.made, cached ? 1 : 2);
    });
  }

  test('a container this client never inspected (mounts unknown) is never remembered', async () => {
    const listings = new ContainerListings();
    listings.setTrusted(true);
    let made = 0;
    const list = () => Promise.resolve<FileListing>({ root: ROOT, files: new Set([String(++made)]), sizes: new Map(), rootMissing: false });
    await listings.get('unknown', ROOT, list);
    await listings.get('unknown', ROOT, list);
    assert.equal(made, 2);
  });

  test('the stream breaking or reconnecting drops everything', async () => {
    const t = setup();
    await t.get();
    t.listings.setTrusted(false);
    t.listings.setTrusted(true);
    await t.get();
    assert.equal(t.made, 2);
  });

  test('a listing during which an event came is answered but not kept', async () => {
    const t = setup();
    let release: () => void = () => undefined;
    const slow = () =>
      new Promise<FileListing>((resolve) => {
        release = () => resolve({ root: ROOT, files: new Set(['old']), sizes: new Map(), rootMissing: false });
      });
    const first = t.listings.get(C, ROOT, slow);
    // (A stop: a copy or an exec's end would also start a new listing at once; see above.)
    t.event('die');
    release();
    assert.ok((await first).files.has('old'));
    await t.get();
    assert.equal(t.made, 1, 'listed again after the event');
  });

  test('at LISTING_REFRESH_MS the remembered listing is served once more while a new one is made; past LISTING_MAX_AGE_MS it is not served', async () => {
    const t = setup();
    await t.get();
    t.advance(LISTING_REFRESH_MS);
    const served = await t.get();
    assert.ok(served.files.has(`${ROOT}/v1.js`), 'the remembered one');
    assert.equal(t.made, 2, 'a fresh listing started in the background');
    await Promise.resolve();
    const next = await t.get();
    assert.ok(next.files.has(`${ROOT}/v2.js`), 'the next check gets the fresh one');
    assert.equal(t.made, 2);
    t.advance(LISTING_MAX_AGE_MS);
    const late = await t.get();
    assert.ok(late.files.has(`${ROOT}/v3.js`), 'too old: listed and waited for');
  });

  test("the container's health check runs as an exec: neither news nor a change (by its command, CMD-SHELL or CMD)", async () => {
    const t = setup();
    t.listings.noteHealthcheck(C, ['CMD-SHELL', 'curl -f http://localhost/health || exit 1']);
    await t.get();
    const start = { type: 'container' as const, action: 'exec_start', id: C, execId: 'h1', command: '/bin/sh -c curl -f http://localhost/health || exit 1' };
    assert.equal(t.listings.isOwn(start), true);
    t.listings.onEvent(start);
    const die = { type: 'container' as const, action: 'exec_die', id: C, execId: 'h1' };
    assert.equal(t.listings.isOwn(die), true);
    t.listings.onEvent(die);
    await t.get();
    assert.equal(t.made, 1);
    // Another command in the same container is someone's exec.
    assert.equal(t.listings.isOwn({ ...start, execId: 'x', command: '/bin/sh -c touch /app/dist/x.js' }), false);
    t.listings.noteHealthcheck(C, ['CMD', 'node', 'health.js']);
    assert.equal(t.listings.isOwn({ ...start, execId: 'h2', command: 'node health.js' }), true);
    t.listings.noteHealthcheck(C, ['NONE']);
    assert.equal(t.listings.isOwn({ ...start, execId: 'h3', command: 'node health.js' }), false);
  });

  test('after a copy, the remembered listing is brought up to date with what changed since it began; an exec\'s end lists again; ages count from the last whole listing', async () => {
    let now = 1_000_000;
    const listings = new ContainerListings({ now: () => now });
    listings.setTrusted(true);
    listings.noteMounts(C, []);
    let made = 0;
    const updates: number[] = [];
    const list = () => {
      made += 1;
      return Promise.resolve<FileListing>({ root: ROOT, files: new Set([`${ROOT}/v${made}.js`]), sizes: new Map(), rootMissing: false });
    };
    const update = (previous: FileListing, elapsedMs: number) => {
      updates.push(elapsedMs);
      return Promise.resolve<FileListing>({ ...previous, files: new Set([...previous.files, `${ROOT}/u${updates.length}.js`]) });
    };
    const get = () => listings.get(C, ROOT, list, update);
    await get();
    now += 5_000;
    listings.onEvent({ type: 'container', action: 'extract-to-dir', id: C });
    const afterCopy = await get();
    assert.deepEqual([...afterCopy.files].sort(), [`${ROOT}/u1.js`, `${ROOT}/v1.js`]);
    assert.deepEqual(updates, [5_000], 'what changed since the listing began');
    assert.equal(made, 1, 'not listed again');
    now += 2_000;
    listings.onEvent({ type: 'container', action: 'extract-to-dir', id: C });
    await get();
    assert.deepEqual(updates, [5_000, 2_000], 'since the update began');
    listings.onEvent({ type: 'container', action: 'exec_start', id: C, execId: 'x' });
    listings.onEvent({ type: 'container', action: 'exec_die', id: C, execId: 'x' });
    const afterExec = await get();
    assert.equal(made, 2, "someone's exec may delete: listed again");
    assert.deepEqual([...afterExec.files], [`${ROOT}/v2.js`]);
    // The refresh age counts from the whole listing, not from an update since.
    listings.onEvent({ type: 'container', action: 'extract-to-dir', id: C });
    await get();
    now += LISTING_REFRESH_MS - 1;
    await get();
    assert.equal(made, 2);
    now += 1;
    await get();
    assert.equal(made, 3, 'refreshed by a whole listing');
  });
});

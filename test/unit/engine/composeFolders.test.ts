// The walk for compose files remembered while a file watcher vouches for it
// (src/engine/composeFolders.ts, core/compose/discover.ts composeWalkTouched): which changed
// paths drop it, and when it is walked again.
import assert from 'node:assert/strict';
import { discoverComposeProjects } from '../../../src/core/compose/discover';
import { composeWalkTouched, walkedFolders } from '../../../src/core/compose/walk';
import type { ComposeFolders } from '../../../src/core/ports';
import { COMPOSE_FOLDERS_MAX_AGE_MS, COMPOSE_FOLDERS_REFRESH_MS, ComposeFolderMemory } from '../../../src/engine/composeFolders';
import { memFs } from '../helpers/memFs';

const svc = (image: string) => `services:\n  app:\n    image: ${image}\n`;

// /ws (depth 0) … /ws/a/b/c/d (depth 4: read, not descended).
const FILES = {
  '/ws/compose.yaml': svc('root'),
  '/ws/a/b/c/d/file.ts': 'x',
  '/ws/node_modules/p/index.js': 'x',
};

async function walked(files: Record<string, string> = FILES): Promise<ComposeFolders> {
  let found: ComposeFolders | undefined;
  await discoverComposeProjects(memFs(files), '/ws', {}, { folders: { folders: async (_dir, _key, walk) => (found = await walk()) }, fresh: false });
  assert.ok(found);
  return found;
}

suite('compose walk: which changes can alter it', () => {
  const dirs = new Set(['/ws/a/new', '/ws/a/b/c/d/newdir']);
  const isDir = (p: string) => dirs.has(p);

  test('a compose base or variant file in a folder the walk read, at any depth it read', async () => {
    const w = walkedFolders(await walked());
    assert.equal(composeWalkTouched(w, '/ws/a/compose.yml', isDir), true);
    assert.equal(composeWalkTouched(w, '/ws/a/b/c/d/docker-compose.prod.yml', isDir), true);
    assert.equal(composeWalkTouched(w, '/ws/compose.yaml', isDir), true);
  });

  test('a folder appearing or going where the walk looked for folders; not one below its depth', async () => {
    const w = walkedFolders(await walked());
    assert.equal(composeWalkTouched(w, '/ws/a/new', isDir), true, 'a new folder');
    assert.equal(composeWalkTouched(w, '/ws/a/b', isDir), true, 'a folder it read, gone (not a folder now)');
    assert.equal(composeWalkTouched(w, '/ws/a/b/c/d/newdir', isDir), false, 'below the depth it descends to');
    assert.equal(composeWalkTouched(w, '/ws', isDir), true, 'the root itself');
    assert.equal(composeWalkTouched(w, '/', isDir), true, 'a folder above the root');
  });

  test('not: a saved or deleted source file, a file in a folder it skips, a path outside', async () => {
    const w = walkedFolders(await walked());
    assert.equal(composeWalkTouched(w, '/ws/a/b/c/d/file.ts', isDir), false);
    assert.equal(composeWalkTouched(w, '/ws/a/b/c/d/gone.ts', isDir), false);
    assert.equal(composeWalkTouched(w, '/ws/a/readme.md', isDir), false);
    assert.equal(composeWalkTouched(w, '/ws/node_modules/p/compose.yaml', isDir), false);
    assert.equal(composeWalkTouched(w, '/other/compose.yaml', isDir), false);
    assert.equal(composeWalkTouched(w, '/ws/a/b/c/d/e/compose.yaml', isDir), false, 'below the deepest folder it read');
  });
});

suite('compose walk memory', () => {
  function setup() {
    let now = 1_000_000;
    let walks = 0;
    const background: boolean[] = [];
    const memory = new ComposeFolderMemory({ now: () => now, isDir: () => false });
    const found: ComposeFolders = { root: '/ws', baseDirs: ['/ws'], variants: [], besideBase: [], read: ['/ws', '/ws/src'], descended: ['/ws'] };
    const walk = async (inBackground = false) => {
      walks += 1;
      background.push(inBackground);
      return found;
    };
    return {
      memory,
      get: (fresh = false) => memory.folders('/ws', 'k', walk, fresh),
      get walks() {
        return walks;
      },
      background,
      advance: (ms: number) => void (now += ms),
    };
  }

  test('walks every time while no file watcher feeds it (the CLI)', async () => {
    const s = setup();
    await s.get();
    await s.get();
    assert.equal(s.walks, 2);
  });

  test('remembered while the watcher reports nothing that can change it; a compose file drops it', async () => {
    const s = setup();
    s.memory.watcher(true);
    await s.get();
    s.memory.changed(['/ws/src/main.ts']);
    await s.get();
    assert.equal(s.walks, 1);
    s.memory.changed(['/ws/src/compose.yaml']);
    await s.get();
    assert.equal(s.walks, 2);
  });

  test('an explicit check walks; a lost or stopped watcher forgets', async () => {
    const s = setup();
    s.memory.watcher(true);
    await s.get();
    await s.get(true);
    assert.equal(s.walks, 2);
    s.memory.watcher(true); // lost: may have dropped events
    await s.get();
    assert.equal(s.walks, 3);
    s.memory.watcher(false);
    await s.get();
    await s.get();
    assert.equal(s.walks, 5);
  });

  test('a change while the walk runs: that walk is not kept', async () => {
    const s = setup();
    s.memory.watcher(true);
    const first = s.get();
    s.memory.changed(['/ws/src/x.ts']);
    await first;
    await s.get();
    assert.equal(s.walks, 2);
  });

  test('walked again in the background after the refresh age, not served after the maximum age', async () => {
    const s = setup();
    s.memory.watcher(true);
    await s.get();
    s.advance(COMPOSE_FOLDERS_REFRESH_MS);
    await s.get();
    assert.equal(s.walks, 2, 'refreshed in the background');
    await s.get();
    assert.equal(s.walks, 2);
    s.advance(COMPOSE_FOLDERS_MAX_AGE_MS);
    await s.get();
    assert.equal(s.walks, 3);
    // Told apart, so that discovery makes a refresh walk itself, not in the scan worker ahead of the check's scans.
    assert.deepEqual(s.background, [false, true, false]);
  });
});

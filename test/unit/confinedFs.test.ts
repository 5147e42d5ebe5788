// A check reads only the workspace: a link in it that leads elsewhere reads as absent.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confinedFs, withinWorkspace } from '../../src/core/confinedFs';
import { discoverComposeProjects } from '../../src/core/compose/discover';
import { createNodeFs } from '../../src/engine/nodeFs';
import type { FsLike } from '../../src/core/ports';
import { workspaceJsonProjects } from '../../src/core/mapping/nxProject';
import { memFs } from './helpers/memFs';

suite('confined workspace files', () => {
  let top: string;
  let ws: string;
  let outside: string;
  setup(() => {
    top = realpathSync(mkdtempSync(join(tmpdir(), 'rd-confined-')));
    ws = join(top, 'ws');
    outside = join(top, 'elsewhere');
    mkdirSync(join(ws, 'app'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'secret.env'), 'TOKEN=s3cr3t\n');
    writeFileSync(join(outside, 'extra.yaml'), 'services:\n  sneaky:\n    image: sneaky:1\n');
    writeFileSync(join(ws, 'app', 'main.ts'), 'export {};\n');
    writeFileSync(join(ws, 'compose.yaml'), 'services:\n  api:\n    image: api:1\n');
    symlinkSync(join(outside, 'secret.env'), join(ws, '.env'));
    symlinkSync(join(outside, 'extra.yaml'), join(ws, 'compose.override.yaml'));
    symlinkSync(outside, join(ws, 'linked'));
    symlinkSync('app/main.ts', join(ws, 'alias.ts'));
  });
  teardown(() => rmSync(top, { recursive: true, force: true }));

  test('a link leading out of the workspace reads as absent (file and folder), once said; links and files inside read as usual', async () => {
    const refused: string[] = [];
    const fs = confinedFs(createNodeFs(), ws, (p) => refused.push(p));
    await assert.rejects(fs.readFile(join(ws, '.env')), (err: NodeJS.ErrnoException) => err.code === 'ENOENT' && !err.message.includes('s3cr3t'));
    assert.equal(await fs.stat(join(ws, '.env')), undefined);
    assert.deepEqual(await fs.readdir(join(ws, 'linked')), []);
    await assert.rejects(fs.readFile(join(ws, 'linked', 'secret.env')));
    assert.equal(await fs.realpath?.(join(ws, 'linked')), undefined);
    assert.equal(await fs.readFile(join(ws, 'alias.ts')), 'export {};\n');
    assert.equal((await fs.stat(join(ws, 'app', 'main.ts')))?.isFile, true);
    assert.deepEqual(await fs.readdir(ws), ['.env', 'alias.ts', 'app', 'compose.override.yaml', 'compose.yaml', 'linked']);
    // An absolute path elsewhere on the host, as a workspace file may name it.
    await assert.rejects(fs.readFile(join(outside, 'secret.env')));
    await fs.stat(join(ws, '.env'));
    assert.deepEqual(refused, [join(ws, '.env'), join(ws, 'linked'), join(ws, 'linked', 'secret.env'), join(outside, 'secret.env')]);
    // The folders above the workspace (the check's own look upward, at a build context's parent) are
    // absent too, and not said: no workspace file led there.
    assert.deepEqual(await fs.readdir(top), []);
    assert.deepEqual(await fs.readdir(join(ws, '..')), []);
    assert.equal(await fs.stat(join(top, 'elsewhere')), undefined);
    assert.deepEqual(refused.slice(4), [join(top, 'elsewhere')]);
    // Spelt through a link to the workspace, its folders above are the check's own look upward too.
    symlinkSync(ws, join(outside, 'ws-link'));
    const saidThroughLink: string[] = [];
    const linked = confinedFs(createNodeFs(), join(outside, 'ws-link'), (p) => saidThroughLink.push(p));
    assert.deepEqual(await linked.readdir(outside), []);
    assert.deepEqual(await linked.readdir(join(outside, 'ws-link', 'app')), ['main.ts']);
    await assert.rejects(linked.readFile(join(outside, 'ws-link', '.env')));
    assert.deepEqual(saidThroughLink, [join(outside, 'ws-link', '.env')]);
  });

  test('a walk through the view follows no link out (without a boundary of its own), and a walk of a linked folder outside finds nothing', async () => {
    const fs = confinedFs(createNodeFs(), ws);
    const walked = await fs.walkTree?.(ws, { skipDir: () => false });
    assert.deepEqual(walked?.files.map((f) => f.slice(ws.length + 1)).sort(), ['alias.ts', 'app/main.ts', 'compose.yaml']);
    assert.deepEqual((await fs.walkTree?.(join(ws, 'linked'), { skipDir: () => false }))?.files, []);
    const texts: string[] = [];
    await fs.readEach?.([join(ws, 'app', 'main.ts'), join(ws, 'linked', 'secret.env')], (p) => texts.push(p.slice(ws.length + 1)));
    assert.deepEqual(texts, ['app/main.ts']);
  });

  test('compose discovery through the workspace view reads neither an override nor a .env linked from elsewhere', async () => {
    const plain = await discoverComposeProjects(createNodeFs(), ws, {});
    assert.deepEqual(plain.flatMap((p) => p.services.map((s) => s.name)).sort(), ['api', 'sneaky'], 'without the view the link is followed (what the view prevents)');
    const logged: string[] = [];
    const deps = withinWorkspace({ fs: createNodeFs() as FsLike, log: { log: (_level: string, message: string) => logged.push(message) } }, ws);
    const confined = await discoverComposeProjects(deps.fs, ws, {});
    assert.deepEqual(confined.flatMap((p) => p.services.map((s) => s.name)), ['api']);
    assert.ok(logged.some((m) => m.includes('compose.override.yaml') && m.includes('outside the workspace')), logged.join('\n'));
    assert.ok(logged.every((m) => !m.includes('s3cr3t')));
  });

  test('an upward search from a deep folder (a real one, here Nx\'s workspace.json) never reads a file above the workspace, though one is there; said once', async () => {
    writeFileSync(join(top, 'workspace.json'), JSON.stringify({ projects: { intruder: { root: 'elsewhere' } } }));
    writeFileSync(join(top, 'nx.json'), '{}');
    mkdirSync(join(ws, 'app', 'deep', 'deeper'), { recursive: true });
    const read: string[] = [];
    const node = createNodeFs();
    const spy: FsLike = { ...node, readFile: (p) => (read.push(p), node.readFile(p)) };
    const refused: string[] = [];
    const fs = confinedFs(spy, ws, (p) => refused.push(p));
    assert.deepEqual([...(await workspaceJsonProjects(fs, join(ws, 'app', 'deep', 'deeper'))).keys()], []);
    assert.deepEqual([...(await workspaceJsonProjects(fs, join(ws, 'app'))).keys()], []);
    assert.deepEqual(read.filter((p) => !p.startsWith(`${ws}/`)), []);
    assert.deepEqual(refused, [join(top, 'workspace.json'), join(top, 'nx.json')]);
    // Without the view the same search finds it (what the view prevents).
    assert.deepEqual([...(await workspaceJsonProjects(node, join(ws, 'app', 'deep', 'deeper'))).keys()], ['intruder']);
  });
});

suite('confined workspace files without links (files in memory)', () => {
  const files = {
    '/top/workspace.json': JSON.stringify({ projects: { intruder: { root: 'elsewhere' } } }),
    '/top/nx.json': '{}',
    '/top/package.json': JSON.stringify({ name: 'above' }),
    '/top/ws/package.json': JSON.stringify({ name: 'own' }),
    '/top/ws/apps/api/src/deep/main.ts': 'export {};\n',
  };

  test('a path spelt above the workspace is absent and never read, said once when something is there; the folders holding the workspace are not said', async () => {
    const mem = memFs(files);
    const read: string[] = [];
    const spy: FsLike = { ...mem, readFile: (p) => (read.push(p), mem.readFile(p)), readdir: (p) => (read.push(p), mem.readdir(p)) };
    const refused: string[] = [];
    const fs = confinedFs(spy, '/top/ws', (p) => refused.push(p));
    assert.deepEqual([...(await workspaceJsonProjects(fs, '/top/ws/apps/api/src/deep')).keys()], []);
    await assert.rejects(fs.readFile('/top/package.json'), (err: NodeJS.ErrnoException) => err.code === 'ENOENT');
    assert.equal(await fs.stat('/top/package.json'), undefined);
    assert.deepEqual(await fs.readdir('/top'), []);
    assert.equal(await fs.stat('/top/absent.json'), undefined);
    assert.equal(await fs.outside?.('/top/package.json'), true);
    assert.equal(JSON.parse(await fs.readFile('/top/ws/package.json')).name, 'own');
    assert.equal(await fs.outside?.('/top/ws/apps'), false);
    assert.deepEqual(read.filter((p) => !p.startsWith('/top/ws/')), []);
    assert.deepEqual(refused, ['/top/workspace.json', '/top/nx.json', '/top/package.json']);
    // Without the view the search climbs to the file above.
    assert.deepEqual([...(await workspaceJsonProjects(mem, '/top/ws/apps/api/src/deep')).keys()], ['intruder']);
  });
});

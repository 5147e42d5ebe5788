// A check reads only the workspace: a link in it that leads elsewhere reads as absent.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confinedFs, withinWorkspace } from '../../src/core/confinedFs';
import { discoverComposeProjects } from '../../src/core/compose/discover';
import { createNodeFs } from '../../src/engine/nodeFs';
import type { FsLike } from '../../src/core/ports';

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

  test('without a realpath on the port (files in memory) the view is the port itself', () => {
    const fs: FsLike = { readFile: async () => '', stat: async () => undefined, readdir: async () => [] };
    assert.equal(confinedFs(fs, '/ws'), fs);
  });
});

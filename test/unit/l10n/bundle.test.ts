import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const root = path.resolve(__dirname, '../../..');
const read = (rel: string): string => readFileSync(path.join(root, rel), 'utf8');

/** Every string value of the manifest that is a %key% reference. */
function nlsRefs(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%]+)%$/.exec(value);
    if (m?.[1]) out.add(m[1]);
  } else if (Array.isArray(value)) for (const v of value) nlsRefs(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) nlsRefs(v, out);
  return out;
}

suite('translations', () => {
  test('l10n/bundle.l10n.json holds exactly the vscode.l10n.t and (core) l10n.t strings of src (npm run l10n writes it)', async function () {
    // Parsing every source file with tree-sitter takes tens of seconds on a busy machine (53 s seen with eight corpus runs beside it).
    this.timeout(240_000);
    const files = (readdirSync(path.join(root, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const found = await getL10nJson(files.map((f) => ({ extension: '.ts', contents: read(path.join('src', f)) })));
    const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(bundle).sort(), Object.keys(found).sort());
  });

  test('every %key% of package.json is in package.nls.json, and every entry there is used', () => {
    const refs = nlsRefs(JSON.parse(read('package.json')));
    const nls = Object.keys(JSON.parse(read('package.nls.json')) as Record<string, string>);
    assert.deepEqual([...refs].sort(), [...nls].sort());
  });

  test('package.json says no user-facing word itself: titles, descriptions and welcome texts are %keys%', () => {
    const pkg = JSON.parse(read('package.json')) as { displayName: string; contributes: { commands: { title: string }[]; configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> } } };
    assert.match(pkg.displayName, /^%.+%$/);
    for (const c of pkg.contributes.commands) assert.match(c.title, /^%.+%$/);
    for (const [key, p] of Object.entries(pkg.contributes.configuration.properties)) assert.match(p.description ?? p.markdownDescription ?? '', /^%.+%$/, key);
  });
});

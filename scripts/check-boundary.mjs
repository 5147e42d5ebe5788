// The pure core and the engine adapters must not import vscode (shared/STYLE.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const bad = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(name)) {
      const text = readFileSync(p, 'utf8');
      if (/from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(text)) bad.push(p);
    }
  }
}
for (const d of ['src/core', 'src/engine', 'src/cli']) walk(d);
if (bad.length) {
  console.error(`vscode imported outside src/vscode and src/extension.ts:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log('boundary ok: src/core, src/engine, src/cli do not import vscode');

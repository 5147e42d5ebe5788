// A pseudo-translation of l10n/bundle.l10n.json for tests: every message wrapped in ⟪ ⟫, its
// placeholders kept, so a text shows which of its parts went through the bundle.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { l10nJsonFormat } from '@vscode/l10n-dev';

export const englishBundle = JSON.parse(readFileSync(path.resolve(__dirname, '../../../l10n/bundle.l10n.json'), 'utf8')) as l10nJsonFormat;

export function pseudoBundle(): l10nJsonFormat {
  const out: l10nJsonFormat = {};
  for (const [key, value] of Object.entries(englishBundle)) out[key] = typeof value === 'string' ? `⟪${value}⟫` : { ...value, message: `⟪${value.message}⟫` };
  return out;
}

/** Configures @vscode/l10n with `bundle` and returns the keys the code looks up from then on. */
export function spyOn(bundle: l10nJsonFormat): Set<string> {
  const asked = new Set<string>();
  // The library reads bundle[key] for each message: a proxy sees exactly the keys the code builds.
  l10n.config({ contents: new Proxy(bundle, { get: (target, key) => (typeof key === 'string' && asked.add(key), target[key as string]) }) });
  return asked;
}

/** What is left of `text` outside its ⟪translated⟫ parts, beyond the punctuation that joins them. */
export function untranslated(text: string): string {
  let depth = 0;
  let rest = '';
  for (const ch of text) {
    if (ch === '⟪') depth++;
    else if (ch === '⟫') depth--;
    else if (depth === 0) rest += ch;
  }
  return rest.replace(/[\s;,.·]+/g, '');
}

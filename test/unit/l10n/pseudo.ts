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

/** Letters in another script: a translated message keeps no ASCII word of its English source. */
const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => [c, String.fromCodePoint(c.charCodeAt(0) + (c <= 'Z' ? 0xff21 - 65 : 0xff41 - 97))]),
);

/** The bundle with each message's words (not its {placeholders}) in full-width letters. */
export function accentedBundle(): l10nJsonFormat {
  const accent = (m: string): string => m.split(/(\{[^}]+\})/).map((part, i) => (i % 2 ? part : part.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c))).join('');
  const out: l10nJsonFormat = {};
  for (const [key, value] of Object.entries(englishBundle)) out[key] = accent(typeof value === 'string' ? value : value.message);
  return out;
}

/**
 * The ASCII words of `text` that are not in `data`: with accentedBundle configured, English the
 * code said without the bundle, even inside another message's placeholder. Words of the inputs
 * (names, paths, values) and of the commands a fix names are data, not text.
 */
export function englishLeft(text: string, data: string): string[] {
  const known = new Set(data.match(/[A-Za-z]{2,}/g) ?? []);
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !known.has(w));
}

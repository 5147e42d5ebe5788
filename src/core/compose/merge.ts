// Merging an override file onto the base, as compose does for the parts we read: mappings merge
// key by key, `ports` accumulate, anything else in the override replaces the base value.
// https://docs.docker.com/reference/compose-file/merge/
import { isRecord } from '../isRecord';

/** Sequences whose entries accumulate across files instead of being replaced. */
const CONCATENATED = new Set(['ports', 'expose']);

export function mergeComposeTrees(base: unknown, override: unknown, key?: string): unknown {
  if (isRecord(base) && isRecord(override)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(override)) out[k] = k in base ? mergeComposeTrees(base[k], v, k) : v;
    return out;
  }
  if (key !== undefined && CONCATENATED.has(key) && Array.isArray(base) && Array.isArray(override)) {
    // The same entry in both files is one mapping, not two.
    const seen = new Set(base.map((e) => JSON.stringify(e)));
    return [...base, ...override.filter((e) => !seen.has(JSON.stringify(e)))];
  }
  return override;
}

// runtimeDrift.exclude / CheckOptions.exclude: workspace-relative folders or globs.
// "generated" and "generated/" leave out that folder; "**/*.gen.ts", "src/legacy/*" are globs
// (`*` within one path segment, `**` across segments, `?` one character).

export type ExcludeMatcher = (relPath: string) => boolean;

const GLOB_CHARS = /[*?[\]{}]/;

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches zero or more whole segments; a trailing "**" matches everything below.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A glob naming a folder also covers what is inside it.
  return new RegExp(`^${re}(?:/.*)?$`);
}

export function compileExclude(patterns: readonly string[] | undefined): ExcludeMatcher {
  const clean = (patterns ?? []).map((p) => p.trim().replace(/^\.\//, '').replace(/\/+$/, '')).filter(Boolean);
  if (clean.length === 0) return () => false;
  const prefixes = clean.filter((p) => !GLOB_CHARS.test(p));
  const globs = clean.filter((p) => GLOB_CHARS.test(p)).map(globToRegExp);
  return (relPath) => {
    const rel = relPath.replace(/\\/g, '/');
    return prefixes.some((p) => rel === p || rel.startsWith(`${p}/`)) || globs.some((g) => g.test(rel));
  };
}

// `.dockerignore`: what never enters the build context, so never the image. Patterns relative to
// the context, `*` within a segment, `**` across segments, `!` to take a path back; the last
// pattern that matches decides; a pattern naming a folder covers what is inside it.
// https://docs.docker.com/build/concepts/context/#dockerignore-files
import { compileGlob } from '../mapping/exclude';

export type IgnoreMatcher = (contextRelPath: string) => boolean;

export function parseDockerignore(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export function compileDockerignore(patterns: readonly string[]): IgnoreMatcher {
  const rules = patterns.map((raw) => {
    const negated = raw.startsWith('!');
    const body = (negated ? raw.slice(1) : raw).trim().replace(/^\/+/, '').replace(/^\.\//, '').replace(/\/+$/, '');
    return { negated, re: compileGlob(body === '' ? '**' : body) };
  });
  if (rules.length === 0) return () => false;
  return (rel) => {
    let ignored = false;
    for (const r of rules) if (r.re.test(rel)) ignored = !r.negated;
    return ignored;
  };
}

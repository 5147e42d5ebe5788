// The join's side of memberGuards.ts (kept apart: the engine bundles collect.ts without the
// TypeScript compiler): a route registered only when an instance has a member is dropped where the
// class it was given is known to lack that member.
import type { ExtractedFile } from './extracted';

/**
 * The key of ExtractedFile.classMembers under which a file whose default export is a factory
 * returning `new X(...)` (`module.exports = function (options) { return new Service(options) }`)
 * keeps the members of X: what another file's `use('/x', createService(options))` is given.
 */
export const DEFAULT_FACTORY_INSTANCE = '*default-instance*';

/**
 * The routes of files whose member guards are unmet dropped: where `membersOf` (the class a file's
 * name stands for, declared there or imported) knows the class and it lacks the member, or does not
 * know it and the guard asks for a `known` class (each such class told once by `unknown`, with the line).
 */
export function dropUnmetMemberGuards<S extends { x: ExtractedFile }>(
  scanned: readonly S[],
  membersOf: (s: S, local: string) => readonly string[] | undefined,
  unknown?: (s: S, local: string, line: number) => void,
): void {
  for (const s of scanned) {
    if (!s.x.routes.some((r) => r.needsMember)) continue;
    const told = new Set<string>();
    const routes = s.x.routes.filter((r) => {
      const guard = r.needsMember;
      if (guard === undefined) return true;
      const members = membersOf(s, guard.local);
      if (members === undefined && guard.known && !told.has(`${guard.local}:${r.line}`)) {
        told.add(`${guard.local}:${r.line}`);
        unknown?.(s, guard.local, r.line);
      }
      return members?.includes(guard.member) ?? !guard.known;
    });
    if (routes.length !== s.x.routes.length) s.x = { ...s.x, routes };
  }
}

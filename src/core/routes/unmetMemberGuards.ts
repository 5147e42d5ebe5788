// The join's side of memberGuards.ts (kept apart: the engine bundles collect.ts without the
// TypeScript compiler): a route registered only when an instance has a member is dropped where the
// class it was given is known to lack that member.
import type { ExtractedFile } from './extracted';

/**
 * The routes of files whose member guards are unmet dropped: where `membersOf` (the class a file's
 * name stands for, declared there or imported) knows the class and it lacks the member.
 */
export function dropUnmetMemberGuards<S extends { x: ExtractedFile }>(scanned: readonly S[], membersOf: (s: S, local: string) => readonly string[] | undefined): void {
  for (const s of scanned) {
    if (!s.x.routes.some((r) => r.needsMember)) continue;
    const routes = s.x.routes.filter((r) => r.needsMember === undefined || (membersOf(s, r.needsMember.local)?.includes(r.needsMember.member) ?? true));
    if (routes.length !== s.x.routes.length) s.x = { ...s.x, routes };
  }
}

// Workspace-relative names for what the report shows.
import * as path from 'node:path';
import { relativeInside } from '../mapping/fastRelative';

/** `abs` relative to `root`, with forward slashes. */
export function rel(root: string, abs: string): string {
  return relativeInside(root, abs) ?? path.relative(root, abs).split(path.sep).join('/');
}

/** "/ws/backend/src/a.ts:12: ..." -> "backend/src/a.ts:12: ...". */
export function relativeWarning(workspaceDir: string, warning: string): string {
  const prefix = workspaceDir.endsWith(path.sep) ? workspaceDir : workspaceDir + path.sep;
  return warning.startsWith(prefix) ? warning.slice(prefix.length).split(path.sep).join('/') : warning;
}

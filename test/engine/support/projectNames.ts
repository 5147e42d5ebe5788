// Names that cannot collide between test runs (several engineers and CI share one engine).
import { randomBytes } from 'node:crypto';

/**
 * A compose-safe project name: lowercase letters, digits, "-" and "_" (compose v1 strips the
 * rest, v2 rejects it), unique per call, starting with `prefix`.
 */
export function uniqueProjectName(prefix: string): string {
  const safe = prefix.toLowerCase().replace(/[^a-z0-9_-]/g, '') || 'rd';
  return `${safe}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Label buildImage() puts on test images (and so on their containers), for cleanupProject(). */
export const TEST_PROJECT_LABEL = 'io.runtime-drift.test-project';

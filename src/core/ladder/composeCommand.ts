// The compose command a person runs for one stack, from the workspace root. Pure.
import { COMPOSE_FILE_NAMES, COMPOSE_OVERRIDE_NAMES } from '../compose/fileNames';

const DEFAULT_NAMES: ReadonlySet<string> = new Set([...COMPOSE_FILE_NAMES, ...COMPOSE_OVERRIDE_NAMES]);

/** A word the shell reads as itself: bare when it can be, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * `-f` flags for the stack's files, relative to the workspace root: none when compose finds them by
 * itself there (default names in the root folder), else every file in merge order, so that a
 * command copied from a fix text runs the same stack (a variant file, a sub-folder's stack).
 */
export function composeFileFlags(relFiles: readonly string[]): string {
  const found = relFiles.every((f) => !f.includes('/') && DEFAULT_NAMES.has(f));
  return found ? '' : relFiles.map((f) => `-f ${shellWord(f)}`).join(' ');
}

/** "docker compose -f sub/compose.yaml": the label, then the stack's file flags. */
export function composeCommand(label: string, fileFlags: string | undefined): string {
  return fileFlags ? `${label} ${fileFlags}` : label;
}

// The command line a shell started with `-c` runs, as Docker starts it: `sh -c "node a.js"`,
// `/bin/bash -ec "…"`, `/usr/local/bin/zsh -lc "…"`, `bash -o pipefail -c "…"`, `exec sh -c "…"`,
// `/usr/bin/env bash -c "…"`. One reading for every reader of a start command, so that a shell
// one of them sees through is seen through by all. Read as text, never run.
// https://pubs.opengroup.org/onlinepubs/9699919799/utilities/sh.html
import { posix } from 'node:path';

/** Shells an image runs a command line with, by their program name (any path before it). */
const SHELL = /^(?:sh|bash|ash|dash|zsh)$/;

/** What may stand before the shell and leaves it the one that runs: `exec`, `env` (any path to it) and variable assignments. */
const beforeShell = (word: string): boolean => word === 'exec' || posix.basename(word) === 'env' || /^[A-Za-z_]\w*=/.test(word);

/** Options taking the next word as their value (`-o pipefail`, `+O extglob`). */
const VALUE_OPTION = /^[-+][oO]$/;

/** A cluster of one-letter options holding `c` (`-c`, `-ec`, `-lc`, `-xec`). */
const COMMAND_OPTION = /^-[A-Za-z]*c[A-Za-z]*$/;

/**
 * Where, in `words`, the command line starts that a shell given `-c` runs (the index of the word
 * after the option holding `c`); -1 when the words do not start such a shell (a shell running a
 * script file, `sh ./start.sh`, or no shell at all).
 */
export function shellLineAt(words: readonly string[]): number {
  let at = 0;
  while (at < words.length && beforeShell(words[at] ?? '')) at++;
  if (!SHELL.test(posix.basename(words[at] ?? ''))) return -1;
  for (at++; at < words.length; at++) {
    const word = words[at] ?? '';
    if (COMMAND_OPTION.test(word)) return at + 1;
    if (VALUE_OPTION.test(word)) at++;
    else if (!/^(?:-|\+)./.test(word)) return -1;
  }
  return -1;
}

/** The words without the shell running them as its command line (`sh -c …`, shellLineAt); the words themselves when no shell runs them. */
export function withoutShell(words: readonly string[]): string[] {
  const at = shellLineAt(words);
  return at < 0 ? [...words] : words.slice(at);
}

// supervisord starts each [program:x] of its configuration: `command` in `directory`.
// https://supervisord.org/configuration.html#program-x-section-settings
// Read as text, never run: a value with an expansion (`%(ENV_PORT)s`) is kept as written.
import { posix } from 'node:path';
import type { Stage } from './parse';

/** Where supervisord looks for its configuration when not given one (after its own folder's). https://supervisord.org/configuration.html */
const DEFAULT_CONFIGS = ['/etc/supervisord.conf', '/etc/supervisor/supervisord.conf'];
/** The folder Debian's and Alpine's packaged configuration includes (`[include] files = /etc/supervisor/conf.d/*.conf`). */
const INCLUDED = '/etc/supervisor/conf.d/';

/**
 * The configuration files a start command running supervisord reads, as image paths: the one
 * `-c` / `--configuration` names, else the default places and the files the stage copies into
 * the folder a packaged configuration includes. None when the command does not run supervisord.
 */
export function supervisordConfigs(words: readonly string[], stage: Stage): string[] {
  const at = words.findIndex((w) => /^supervisord$/.test(posix.basename(w)));
  if (at < 0) return [];
  const included = stage.copies.filter((c) => c.dest.startsWith(INCLUDED) && c.dest.endsWith('.conf')).map((c) => c.dest);
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i] ?? '';
    const given = w === '-c' || w === '--configuration' ? words[i + 1] : /^--configuration=(.+)$/.exec(w)?.[1];
    if (given === undefined) continue;
    const file = posix.resolve(stage.workdir, given);
    // `-c` naming the packaged configuration's own place: when the build does not replace it, it is the package's, which includes conf.d.
    return DEFAULT_CONFIGS.includes(file) ? [file, ...included] : [file];
  }
  return [...DEFAULT_CONFIGS, ...included];
}

/** The programs a supervisord configuration declares, in order: `command`, started in `directory` (else `workdir`). */
export function supervisordPrograms(text: string, workdir: string): { command: string; workdir: string }[] {
  const out: { command: string; workdir: string }[] = [];
  let current: { command?: string; directory?: string } | undefined;
  const flush = () => {
    if (current?.command !== undefined) out.push({ command: current.command, workdir: current.directory !== undefined ? posix.resolve(workdir, current.directory) : workdir });
  };
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[([^\]]+)\]/.exec(line);
    if (section) {
      flush();
      current = /^program:/.test(section[1] ?? '') ? {} : undefined;
      continue;
    }
    const kv = /^\s*(command|directory)\s*=\s*(.*?)\s*$/.exec(line.replace(/(^|\s);.*$/, ''));
    if (current && kv) current[kv[1] === 'command' ? 'command' : 'directory'] = kv[2] ?? '';
  }
  flush();
  return out;
}

// A Deno project's tasks, read as package.json scripts are: what `deno task x` runs.
import { join } from 'node:path';
import type { FsLike } from '../ports';
import { isRecord } from '../isRecord';
import { readJsonObject } from './tsconfig';

/**
 * The tasks of the context's deno.json or deno.jsonc (`"compile": "deno compile --output app src/main.ts"`,
 * or `{ "command": ... }`): what `deno task compile` runs, read as package scripts are.
 * https://docs.deno.com/runtime/reference/cli/task/
 */
export async function denoTasks(fs: FsLike, context: string): Promise<Record<string, string>> {
  for (const name of ['deno.json', 'deno.jsonc']) {
    const tasks = tasksOf(await readJsonObject(fs, join(context, name)));
    const out: Record<string, string> = {};
    for (const [task, body] of Object.entries(tasks)) {
      const command = typeof body === 'string' ? body : isRecord(body) ? body['command'] : undefined;
      if (typeof command === 'string') out[task] = command;
    }
    if (Object.keys(tasks).length > 0) return out;
  }
  return {};
}

function tasksOf(cfg: Record<string, unknown> | undefined): Record<string, unknown> {
  const tasks = cfg?.['tasks'];
  return isRecord(tasks) ? tasks : {};
}

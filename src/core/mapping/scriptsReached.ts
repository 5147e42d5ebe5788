// The package scripts an image's build runs by name, followed through the scripts they run in turn
// (`yarn build` -> "build": "npm run compile && ..." -> "compile"), with npm's pre/post hooks: what
// a config named only by another script (`"build:scripts": "tsc --project scripts/tsconfig.json"`,
// never run) does not compile.
import { scriptsRun } from './buildCommands';

/** The names among `scripts` the commands reach; empty when they run none of them by name. */
export function scriptsReached(commands: readonly string[], scripts: Readonly<Record<string, string>>): Set<string> {
  const reached = new Set<string>();
  const todo = commands.flatMap((c) => scriptsRun(c));
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
    if (reached.has(name) || !Object.hasOwn(scripts, name)) continue;
    reached.add(name);
    todo.push(...scriptsRun(scripts[name] ?? ''), ...[`pre${name}`, `post${name}`].filter((hook) => Object.hasOwn(scripts, hook)));
  }
  return reached;
}

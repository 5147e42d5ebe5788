// Whether the project's build bundles its output into a few files (then source files have no
// one-to-one counterpart in the image), and what says so.
import { objectField, type BuildProject } from './buildProject';

/** Dependencies that mean the output is a bundle, so files do not map one to one. */
export const BUNDLERS = ['vite', 'webpack', 'next', 'parcel', 'rollup', '@angular/cli', 'react-scripts', '@sveltejs/kit'] as const;

/** Build scripts that bundle a server into a few files. */
const SERVER_BUNDLE_SCRIPT = /\btsup\b|\btsdown\b|\brolldown\b|\bncc\s+build\b|\besbuild\b[^&|;]*--bundle|\bwebpack\b|\bnest\s+build\b[^&|;]*--webpack|\bbun\s+build\b/;

/**
 * What bundles the output, if anything. A server is judged by its build script (tsup, tsdown, ncc,
 * esbuild --bundle, webpack) and nest-cli.json only: a front-end bundler beside it (Next, Vite
 * for the dashboard or for dev) does not make the server a bundle.
 */
export function findBundler(project: BuildProject): string | undefined {
  const pkg = project.pkg;
  if (project.server !== undefined) {
    const script = bundlingScript(pkg?.scripts ?? {}, /^build(?::(?:prod|server|api))?$/);
    if (script) return script;
    const nest = objectField(project.nestCli, 'compilerOptions');
    if (nest['webpack'] === true) return 'webpack (nest-cli.json compilerOptions.webpack)';
    // Nest CLI 10+: `"builder": "webpack"` or `{ "type": "webpack" }` (tsc and swc emit per file).
    const builder = typeof nest['builder'] === 'string' ? nest['builder'] : objectField(nest, 'builder')['type'];
    if (builder === 'webpack') return 'webpack (nest-cli.json compilerOptions.builder)';
    return undefined;
  }
  if (!pkg) return undefined;
  const named = BUNDLERS.find((b) => b in pkg.deps);
  if (named) return named;
  // No bundler dependency by name, but a build script that bundles (esbuild --bundle, webpack...).
  return bundlingScript(pkg.scripts, /^build(?::[\w-]+)?$/);
}

function bundlingScript(scripts: Record<string, string>, names: RegExp): string | undefined {
  const build = Object.entries(scripts).find(([name, script]) => names.test(name) && SERVER_BUNDLE_SCRIPT.test(script));
  return build ? `${SERVER_BUNDLE_SCRIPT.exec(build[1])?.[0] ?? 'a bundler'} (its "${build[0]}" script)` : undefined;
}

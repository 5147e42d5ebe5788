// An image that builds and runs a program of another language (a Java service built with Gradle,
// a C++ binary made with CMake, a Python app run by gunicorn) out of a repository that also holds
// JavaScript: what runs is not JavaScript, so no folder of the repository is its source and it has
// no routes to read. Narrow on purpose: only where the stage the container runs starts such a
// program and nothing of JavaScript is anywhere in the build (no Node/Bun/Deno image, no install
// or run of their tools). A front end served by nginx or an image copying a prebuilt output starts
// no such program (nginx, or node), so it is still mapped.
import { basename } from 'node:path';
import { commandWords, stageChain, stagesBuiltFor, type Dockerfile } from '../dockerfile/parse';
import { serviceStartDockerfile } from '../dockerfile/serviceStart';
import type { ServiceSpec } from '../model';
import type { FsLike } from '../ports';
import { builtStage } from './builtImage';
import { shellLineAt } from '../dockerfile/shellLine';

/** Runtimes of other languages, named first by a start command. */
const OTHER_RUNTIME = /^(?:java|dotnet|python[\d.]*|gunicorn|uvicorn|hypercorn|daphne|flask|ruby|bundle|rails|puma|php|php-fpm[\d.]*|perl|elixir|mix|iex|erl)$/;

/** Base images of other languages' toolchains and runtimes (the repository part of FROM). */
const OTHER_LANGUAGE_IMAGE = /(?:^|\/)(?:openjdk|eclipse-temurin|amazoncorretto|ibm-semeru-runtimes|sapmachine|gradle|maven|golang|rust|gcc|python|ruby|php|elixir|erlang|swift|dotnet\/(?:sdk|aspnet|runtime(?:-deps)?))(?:[:@]|$)/;

/** RUNs of other languages' builds: Gradle, Maven, javac, go build, cargo, CMake, a C/C++ compiler, dotnet, pip. */
const OTHER_BUILD = /(?:^|[\s;&|(/])(?:gradlew?|mvnw?|javac|go\s+build|cargo\s+build|cmake|g\+\+|gcc|clang\+\+|dotnet\s+(?:publish|build|restore)|mix\s+(?:compile|release)|pip3?\s+install)(?:\s|$)/;

/** JavaScript's runtimes as images: node, gcr.io/distroless/nodejs22-debian12, oven/bun, denoland/deno. */
const JS_IMAGE = /(?:^|\/)(?:node|nodejs\d*(?:-[\w.]+)?|bun|deno)(?:[:@]|$)/;

/** A RUN installing or running anything of JavaScript. */
const JS_TOOL = /(?:^|[^\w.-])(?:node|nodejs|npm|npx|yarn|pnpm|bun|bunx|deno|corepack|nvm|nodesource|n\s+lts)(?:[^\w.-]|$)/;

/** A start file of JavaScript or a shell script (which may start node): not a compiled program. */
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|sh|bash)$/;

/** Servers of files (a front end's build may be what they serve): never taken for another language's program. */
const STATIC_SERVER = /^(?:nginx|caddy|httpd|apache2|lighttpd|envoy|traefik)$/;

/** Wrappers a start command runs its program through. */
const WRAPPER = /^(?:exec|tini|dumb-init|su-exec|gosu|--|-s|-g)$/;

/**
 * What the image runs instead of JavaScript (`java`, `./bin/ads`), when the stage the container runs
 * (its start as compose gives it) starts another language's program and the build uses nothing of
 * JavaScript; undefined otherwise (no start command: the base image's, unknown).
 */
export function otherLanguageStart(df: Dockerfile, target: string | undefined): string | undefined {
  const stage = builtStage(df, target);
  if (!stage) return undefined;
  const { stages } = stagesBuiltFor(df, target);
  const js = stages.some((s) => JS_IMAGE.test(s.from) || s.runs.some((r) => JS_TOOL.test(r.command)) || s.copies.some((c) => c.from !== undefined && JS_IMAGE.test(c.from)));
  const start = stageChain(df.stages, stage).reduce<string | undefined>((found, s) => s.start ?? found, undefined);
  if (js || start === undefined) return undefined;
  const program = startedProgram(start);
  if (program === undefined || SCRIPT_FILE.test(program) || JS_TOOL.test(program) || STATIC_SERVER.test(basename(program))) return undefined;
  if (OTHER_RUNTIME.test(basename(program))) return program;
  // A program of its own, by its path (`./bin/ads`; a bare name may be a shell's command): a binary the build compiles in another language.
  if (!program.includes('/')) return undefined;
  const compiled = stages.some((s) => OTHER_LANGUAGE_IMAGE.test(s.from) || s.runs.some((r) => OTHER_BUILD.test(r.command)));
  return compiled ? program : undefined;
}

/** The program a start command runs: the last of a chain, past `sh -c "…"`, `exec`, init wrappers and variable assignments. */
function startedProgram(start: string): string | undefined {
  // `ulimit -n 65536 && exec /app/bin/server`: the last command of a chain is the one that stays.
  const words = commandWords(start.split(/&&|\|\||;/).pop() ?? '');
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const line = shellLineAt(words.slice(i));
    if (line >= 0) return startedProgram(words.slice(i + line).join(' '));
    if (WRAPPER.test(word) || /^\w+=/.test(word) || basename(word) === 'env') continue;
    return word;
  }
  return undefined;
}

/** The program of another language a service's image runs, its compose start applied (otherLanguageStart); undefined when none or no source override says otherwise. */
export async function serviceRunsOtherLanguage(fs: FsLike, spec: ServiceSpec): Promise<string | undefined> {
  if (!spec.build || spec.drift.source !== undefined || spec.drift.target !== undefined) return undefined;
  const df = await serviceStartDockerfile(fs, spec.build, spec.config);
  return df && otherLanguageStart(df, spec.build.target);
}

// Every command printed for a person names the engine it was checked against, so that pasted into
// another shell it never acts on that shell's (often the local) engine. Their one source is the
// compose command the check was given, already addressed to that engine by the engine adapter
// (engine/composeTarget.ts: `docker --context prod compose`, `DOCKER_HOST=ssh://infra docker
// compose`); a plain docker command for the same engine is derived from it here.

/**
 * The docker command for the engine a compose command addresses: `docker compose` → `docker`,
 * `docker --context prod compose` → `docker --context prod`, `DOCKER_HOST=… docker-compose` →
 * `DOCKER_HOST=… docker`.
 */
export function dockerCommandOf(composeLabel: string): string {
  // The context as composeTarget's shellWord wrote it: a bare word, or single-quoted.
  const context = /(?:^|\s)docker-compose --context ('(?:[^']|'\\'')*'|\S+)$/.exec(composeLabel);
  if (context) return `${composeLabel.slice(0, context.index).trimEnd()} docker --context ${context[1]}`.trimStart();
  if (/(?:^|\s)docker-compose$/.test(composeLabel)) return composeLabel.replace(/docker-compose$/, 'docker');
  return composeLabel.replace(/\s+compose$/, '');
}

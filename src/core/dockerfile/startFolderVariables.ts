// A start script that keeps the folder it starts in, the image's WORKDIR, in a variable
// (`dir=$(pwd)`, `HERE="$PWD"`) and starts a file below it by that variable
// (`node "$dir/server/dist/main.js"`): the file is the one relative to the WORKDIR. Read, not run.

/** `dir=$(pwd)`, `DIR="$(pwd)"`, `here=\`pwd\``, `ROOT=$PWD`, with `export` or `local` before it. */
const START_FOLDER_ASSIGNMENT = /^\s*(?:export\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=(["']?)(?:\$\(\s*pwd\s*\)|`\s*pwd\s*`|\$\{?PWD\}?)\2\s*(?:[;#]|$)/;

/** A command changing folder: the variable's folder is no longer the one relative paths start from. */
const CHANGES_FOLDER = /(?:^|[\s;&|({])(?:cd|pushd|popd)(?:\s|$)/;

/**
 * The script's lines with `$dir/` (or `${dir}/`) read as `./` where `dir` holds the folder the
 * script starts in, up to the first line changing folder (after it, `./` would name another folder).
 */
export function withStartFolderVariables(lines: readonly string[]): string[] {
  const names = new Set<string>();
  let moved = false;
  return lines.map((line) => {
    const assigned = START_FOLDER_ASSIGNMENT.exec(line)?.[1];
    if (assigned !== undefined && !moved) names.add(assigned);
    if (CHANGES_FOLDER.test(line.replace(/(^|\s)#.*$/, ''))) moved = true;
    if (moved || names.size === 0 || assigned !== undefined) return line;
    return line.replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))\//g, (whole, braced?: string, bare?: string) => (names.has(braced ?? bare ?? '') ? './' : whole));
  });
}

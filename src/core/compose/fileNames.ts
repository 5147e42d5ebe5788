// The file names compose finds by itself in a folder: apart, so that what only names them (the
// fix texts' -f flags, in the extension's first bundle) does not pull in the YAML parser.

/** Base file names in compose's order of preference; the first present in a folder wins. */
export const COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'] as const;
/** Override file names; like compose, only the first present is applied. */
export const COMPOSE_OVERRIDE_NAMES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
] as const;

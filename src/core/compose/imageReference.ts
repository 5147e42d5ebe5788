// An image reference as the engine accepts it (the distribution/reference grammar): an optional
// registry host (with a port), lower-case path components, an optional tag and digest. A compose
// value made blank in part by an unset variable (`ghcr.io/acme/api:${TAG}` → `ghcr.io/acme/api:`)
// is none: compose cannot pull, build or run it, and the engine answers it with "invalid reference
// format", so the check says so of that service instead of asking the engine.

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);
/** The engine's limit on a repository name (the reference without tag and digest). */
const MAX_NAME_LENGTH = 255;

export function isImageReference(ref: string): boolean {
  if (!REFERENCE.test(ref)) return false;
  return repositoryName(ref).length <= MAX_NAME_LENGTH;
}

/** The reference without its tag and digest: `ghcr.io/acme/api:1@sha256:…` -> `ghcr.io/acme/api`. */
export function repositoryName(ref: string): string {
  return ref.replace(/@.*$/, '').replace(/:[\w][\w.-]*$/, '');
}

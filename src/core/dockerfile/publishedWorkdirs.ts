// The WORKDIR of a few widely used published images, read from the Dockerfile each publisher
// builds it with: a stage FROM one of them that sets no WORKDIR of its own works there, not in
// Docker's default "/" (`FROM ghcr.io/puppeteer/puppeteer` then `COPY . ./` puts the context in
// /home/pptruser). Facts of the images, not of any project; the container's image is compared
// at check time (imageWorkdirWarning), so a publisher moving its WORKDIR is still caught.

interface PublishedWorkdir {
  /** The image's repository as written in FROM, without tag or digest (a `docker.io/` prefix is dropped). */
  repository: string;
  workdir: string;
  /** Tags built by another Dockerfile that sets no WORKDIR. */
  notForTags?: RegExp;
}

const PUBLISHED: readonly PublishedWorkdir[] = [
  // oven-sh/bun dockerhub/{debian,debian-slim,alpine}/Dockerfile: WORKDIR /home/bun/app; the
  // distroless variant (dockerhub/distroless/Dockerfile) sets none.
  { repository: 'oven/bun', workdir: '/home/bun/app', notForTags: /distroless/ },
  // puppeteer/puppeteer docker/Dockerfile: USER pptruser, WORKDIR /home/pptruser.
  { repository: 'ghcr.io/puppeteer/puppeteer', workdir: '/home/pptruser' },
];

/** The WORKDIR the published image `ref` (`oven/bun:1-slim`, `docker.io/oven/bun@sha256:…`) sets, when it is one of those known. */
export function publishedWorkdir(ref: string): string | undefined {
  const [name = '', digest] = ref.toLowerCase().split('@');
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const repo = (colon > slash ? name.slice(0, colon) : name).replace(/^docker\.io\//, '');
  const tag = colon > slash ? name.slice(colon + 1) : digest === undefined ? 'latest' : '';
  const known = PUBLISHED.find((p) => p.repository === repo);
  if (!known || known.notForTags?.test(tag)) return undefined;
  return known.workdir;
}

// The WORKDIR of a few widely used published images, read from the Dockerfile each publisher
// builds it with: a stage FROM one of them that sets no WORKDIR of its own works there, not in
// Docker's default "/" (`FROM ghcr.io/puppeteer/puppeteer` then `COPY . ./` puts the context in
// /home/pptruser). Facts of the images, not of any project; the container's image is compared
// at check time (imageWorkdirWarning), so a publisher moving its WORKDIR is still caught. Also the
// ENV variables a few of them set that Dockerfiles FROM them use in their paths (AWS Lambda's base
// images: `WORKDIR ${LAMBDA_TASK_ROOT}`, `COPY app.js ${LAMBDA_TASK_ROOT}`), which the files do not show.

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

/**
 * Published images, by repository prefix as written in FROM (without a `docker.io/` prefix), and the
 * ENV variables their publisher's Dockerfile sets. AWS Lambda's base images for every runtime
 * (public.ecr.aws/lambda/nodejs:22, amazon/aws-lambda-nodejs:20, .../provided): the function's code
 * in LAMBDA_TASK_ROOT, the runtime in LAMBDA_RUNTIME_DIR (documented by AWS for every base image).
 */
const PUBLISHED_ENV: readonly { prefix: string; env: Readonly<Record<string, string>> }[] = [
  { prefix: 'public.ecr.aws/lambda/', env: { LAMBDA_TASK_ROOT: '/var/task', LAMBDA_RUNTIME_DIR: '/var/runtime' } },
  { prefix: 'amazon/aws-lambda-', env: { LAMBDA_TASK_ROOT: '/var/task', LAMBDA_RUNTIME_DIR: '/var/runtime' } },
];

/** The ENV variables the published image `ref` sets, when it is one of those known. */
export function publishedEnv(ref: string): ReadonlyMap<string, string> | undefined {
  const repo = (ref.toLowerCase().split('@')[0] ?? '').replace(/^docker\.io\//, '');
  const known = PUBLISHED_ENV.find((p) => repo.startsWith(p.prefix));
  return known && new Map(Object.entries(known.env));
}

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

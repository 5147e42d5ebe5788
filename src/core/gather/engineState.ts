// The engine side of one service's evidence: its container (running first, then newest), the
// image its tag points to now, and the files of each under the mapping's target.
import type { ContainerInfo, FileListing, ServiceSpec, SourceMapping } from '../model';
import type { EngineLike } from '../ports';
import type { ServiceEvidence } from '../ladder/evidence';

export type EngineState = Pick<
  ServiceEvidence,
  'engineError' | 'imageRef' | 'container' | 'image' | 'stale' | 'containerListing' | 'imageListing'
>;

export function emptyEngineState(spec: ServiceSpec, engineError: string): EngineState {
  return {
    engineError,
    imageRef: spec.image ?? defaultImageRefs(spec)[0] ?? spec.name,
    container: undefined,
    image: undefined,
    stale: false,
    containerListing: undefined,
    imageListing: undefined,
  };
}

/** Compose v2 names built images PROJECT-SERVICE, v1 PROJECT_SERVICE. */
export function defaultImageRefs(spec: ServiceSpec): string[] {
  return [`${spec.project}-${spec.name}`, `${spec.project}_${spec.name}`];
}

/** Running containers first; among equals, the newest first. */
export function runningFirst(a: ContainerInfo, b: ContainerInfo): number {
  return Number(b.state === 'running') - Number(a.state === 'running') || b.created.localeCompare(a.created);
}

/** Of a service's containers, a running one; among equals, the newest. */
export function pickContainer(containers: readonly ContainerInfo[]): ContainerInfo | undefined {
  return [...containers].sort(runningFirst)[0];
}

export async function gatherEngineState(
  engine: EngineLike,
  spec: ServiceSpec,
  mapping: SourceMapping | undefined,
  containerAsked: Promise<ContainerInfo | undefined>,
  signal?: AbortSignal,
): Promise<EngineState> {
  const container = await containerAsked;
  let imageRef = container?.imageRef ?? spec.image;
  // The engine said at listing time that the reference named the container's own image: not asked again.
  let image = container?.refImage ?? (imageRef ? await engine.inspectImage(imageRef, signal) : undefined);
  if (!imageRef) {
    for (const ref of defaultImageRefs(spec)) {
      image = await engine.inspectImage(ref, signal);
      if (image) {
        imageRef = ref;
        break;
      }
    }
  }
  // A bundled service is judged by when its image was built, and a build served from the layer
  // cache only tags the image again: the time of that tag is asked fresh, never remembered.
  if (image && container?.refImage === image && mapping?.bundled && spec.build) {
    const fresh = await engine.inspectImage(image.ref, signal);
    if (fresh?.id === image.id) image = fresh;
  }
  const ref = imageRef ?? defaultImageRefs(spec)[0] ?? spec.name;
  const stale = Boolean(container && image && container.imageId !== image.id);
  // Each program the image starts is listed under its own target (SourceMapping.programs): one listing of them all.
  const [containerListing, imageListing] = await Promise.all([
    container ? listMapped(mapping, (t) => engine.listContainerFiles(container.id, t, signal)) : undefined,
    image && (stale || !container) ? listMapped(mapping, (t) => engine.listImageFiles(image.id, t, signal)) : undefined,
  ]);
  return { engineError: null, imageRef: ref, container, image, stale, containerListing, imageListing };
}

/**
 * The files the file rungs compare, listed by `list` under each target: the mapping's, then its
 * programs' (none of a bundle), as one listing: the first's root, and whether it is absent; every
 * file and size of each. Undefined when there is no target to list.
 */
export async function listMapped(mapping: SourceMapping | undefined, list: (target: string) => Promise<FileListing | undefined>): Promise<FileListing | undefined> {
  const targets = [...new Set([mapping, ...(mapping?.programs ?? [])].flatMap((m) => (m && !m.bundled ? [m.target] : [])))];
  const [first, ...rest] = await Promise.all(targets.map(list));
  if (!first || rest.length === 0) return first;
  const files = new Set(first.files);
  const sizes = new Map(first.sizes);
  for (const l of rest) {
    for (const f of l?.files ?? []) files.add(f);
    for (const [f, size] of l?.sizes ?? []) sizes.set(f, size);
  }
  return { ...first, files, ...(first.sizes || sizes.size > 0 ? { sizes } : {}) };
}

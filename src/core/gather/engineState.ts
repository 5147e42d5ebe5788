// The engine side of one service's evidence: its container (running first, then newest), the
// image its tag points to now, and the files of each under the mapping's target.
import type { ContainerInfo, ServiceSpec, SourceMapping } from '../model';
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
  const listable = mapping && !mapping.bundled;
  const [containerListing, imageListing] = await Promise.all([
    container && listable ? engine.listContainerFiles(container.id, mapping.target, signal) : undefined,
    image && listable && (stale || !container) ? engine.listImageFiles(image.id, mapping.target, signal) : undefined,
  ]);
  return { engineError: null, imageRef: ref, container, image, stale, containerListing, imageListing };
}

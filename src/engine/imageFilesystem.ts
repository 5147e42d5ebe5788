// What decides an image's files: its layers (their content digests, in order), and the two parts of
// its config that change what a created container shows (VOLUME mounts fresh volumes, WORKDIR is
// made at create). Images that differ only in the rest of their config (a LABEL, ENV, CMD: what
// compose gives each service of one build, or one base tagged per service) list the same files, so
// dockerEngine.ts lists such images once per client instead of once per image ID.

/** The fields of an image inspect this reads (dockerode's ImageInspectInfo has them). */
export interface InspectedImage {
  Id: string;
  RootFS?: { Type?: string; Layers?: string[] } | null;
  Config?: { Volumes?: Record<string, unknown> | null; WorkingDir?: string } | null;
}

/**
 * A key equal for two images exactly when their created containers show the same files; undefined
 * when the inspect does not name its layers (an engine that omits RootFS), so the image is keyed by its ID.
 */
export function filesystemKey(info: InspectedImage): string | undefined {
  const layers = info.RootFS?.Layers;
  if (info.RootFS?.Type !== 'layers' || !Array.isArray(layers) || layers.length === 0 || !layers.every((l) => typeof l === 'string' && l !== '')) return undefined;
  const volumes = Object.keys(info.Config?.Volumes ?? {}).sort();
  return JSON.stringify(['layers', layers, volumes, info.Config?.WorkingDir ?? '']);
}

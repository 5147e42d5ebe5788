// Engine inspect answers -> ContainerConfig: what a container was created with and what its
// image supplied, in the encoding DeclaredConfig uses (core/compose/serviceConfig.ts).
import type Dockerode from 'dockerode';
import type { ContainerConfig } from '../core/model';
import { bindingText } from '../core/compose/serviceConfig';

type ImageConfig = NonNullable<ContainerConfig['imageDefaults']>;

export function containerConfigOf(info: Dockerode.ContainerInspectInfo, image: ImageConfig | null): ContainerConfig {
  const c = info.Config;
  const published: Record<string, string[]> = {};
  const bindings = (info.HostConfig?.PortBindings ?? {}) as Record<string, { HostIp?: string; HostPort?: string }[] | null>;
  for (const [port, list] of Object.entries(bindings)) {
    published[port] = (list ?? []).map((b) => bindingText(b.HostIp || undefined, b.HostPort ?? '')).sort();
  }
  // The host ports the engine gave (`-p 127.0.0.1::3000` asks for any): what a probe connects to.
  const bound: Record<string, string[]> = {};
  for (const [port, list] of Object.entries((info.NetworkSettings?.Ports ?? {}) as Record<string, { HostIp?: string; HostPort?: string }[] | null>)) {
    const hosts = (list ?? []).filter((b) => b.HostPort).map((b) => bindingText(b.HostIp || undefined, b.HostPort ?? ''));
    if (hosts.length > 0) bound[port] = hosts.sort();
  }
  const volumes: Record<string, string> = {};
  for (const m of info.Mounts ?? []) {
    const kind = m.Type === 'bind' ? `bind:${m.Source}` : m.Type === 'volume' ? `volume:${m.Name ?? ''}` : `${m.Type}:`;
    volumes[m.Destination] = kind + (m.RW === false ? ':ro' : '');
  }
  for (const [target] of Object.entries(info.HostConfig?.Tmpfs ?? {})) volumes[target] ??= 'tmpfs:';
  const health = (c as { Healthcheck?: { Test?: string[] } }).Healthcheck?.Test;
  return {
    image: c.Image,
    env: c.Env ?? [],
    cmd: listOf(c.Cmd),
    entrypoint: listOf(c.Entrypoint),
    exposed: Object.keys(c.ExposedPorts ?? {}).sort(),
    published,
    ...(Object.keys(bound).length > 0 ? { bound } : {}),
    ...(info.HostConfig?.NetworkMode ? { networkMode: info.HostConfig.NetworkMode } : {}),
    volumes,
    labels: c.Labels ?? {},
    healthcheck: health ?? null,
    user: c.User ?? '',
    workingDir: c.WorkingDir ?? '',
    imageDefaults: image,
  };
}

export function imageConfigOf(info: Dockerode.ImageInspectInfo): ImageConfig {
  const c = info.Config;
  const health = (c as { Healthcheck?: { Test?: string[] } }).Healthcheck?.Test;
  return {
    env: c.Env ?? [],
    cmd: listOf(c.Cmd),
    entrypoint: listOf(c.Entrypoint),
    exposed: Object.keys(c.ExposedPorts ?? {}).sort(),
    volumes: Object.keys(c.Volumes ?? {}),
    labels: c.Labels ?? {},
    healthcheck: health ?? null,
    user: c.User ?? '',
    workingDir: c.WorkingDir ?? '',
  };
}

function listOf(v: string[] | string | null | undefined): string[] | null {
  if (v === null || v === undefined) return null;
  return Array.isArray(v) ? v : [v];
}

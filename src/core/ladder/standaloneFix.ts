// The fix of a service made of a Dockerfile alone (ServiceSpec.standalone): docker commands, not
// compose ones. How its container is run (ports, volumes, environment) is the person's, so a
// recreate names the image to run and leaves the options to them. Pure.
import * as l10n from '@vscode/l10n';
import type { ImageBuildStep, RungName } from '../model';
import type { ServiceEvidence } from './evidence';
import { dockerCommandOf } from '../engineCommands';
import { imageBuildCommand, RELEASE, standaloneBuild } from './action';

export function standaloneFix(ev: ServiceEvidence, rung: RungName | null): string | null {
  const docker = dockerCommandOf(ev.composeLabel);
  const tag = ev.imageRef;
  const build = buildCommand(ev, docker);
  const port = ev.spec.ports[0]?.target;
  const run = `${docker} run -d${port !== undefined ? ` -p ${port}:${port}` : ''} ${tag}`;
  const c = ev.container;
  // A new container of the image, with the options the person ran the old one with.
  const replace = c ? `${docker} rm -f ${c.name} && ${docker} run … ${tag}` : run;
  switch (rung) {
    case null:
      return null;
    case 'source':
      return l10n.t`nothing in ${ev.spec.name}'s source maps into the image: check the COPY lines of ${ev.spec.standalone?.dockerfile ?? 'its Dockerfile'}`;
    case 'build':
      return l10n.t`run the build in ${ev.buildDirRel ?? '.'}, then ${build}, and run a new container of ${tag}`;
    case 'image':
      if (!c) return l10n.t`not running, and the image is behind the source: ${`${build} && ${run}`}`;
      return l10n.t`build the image: ${build}, then replace container ${c.name} with one of the new image (${replace}, with its options)`;
    case 'container':
      if (!c && !ev.image) return l10n.t`build and start it (no compose file; its containers are those running ${tag}): ${`${build} && ${run}`}`;
      if (!c) return l10n.t`start it (no compose file; its containers are those running ${tag}): ${run}`;
      if (ev.stale || ev.imageListing) return l10n.t`replace container ${c.name} with one of the current image ${tag} (${replace}, with its options)`;
      if (c.state !== 'running') return l10n.t`start the container (it is ${c.state}): ${`${docker} start ${c.name}`}`;
      return l10n.t`the running image lacks it: ${build}, then replace container ${c.name}`;
    case 'route': {
      const logs = `${docker} logs ${c?.name ?? tag}`;
      if (ev.routes.some((r) => r.verdict === 'unreachable')) return l10n.t`${ev.spec.name} does not answer at its base URL: is it running and listening, its port published? (${logs})`;
      if (ev.routes.some((r) => r.verdict === 'broken')) return l10n.t`the route fails with 5xx: read ${logs}`;
      return l10n.t('the code is deployed but the route is not exposed: a wiring bug in the code (controller/router not registered, wrong path or prefix), not a deploy problem');
    }
    case 'auth':
      return ev.auth ? l10n.t`credentials: the token in ${ev.auth.env} is not accepted` : l10n.t('credentials: the token in the configured variable is not accepted');
  }
}

/** The project's own build command where it writes one down (not a release: RELEASE), else ours (standaloneBuild). */
function buildCommand(ev: ServiceEvidence, docker: string): string {
  const documented = ev.spec.documentedBuild?.command;
  if (documented !== undefined && !RELEASE.test(documented)) return documented;
  return imageBuildCommand(standaloneBuild({ standalone: ev.spec.standalone }, ev.imageRef) as ImageBuildStep, docker);
}

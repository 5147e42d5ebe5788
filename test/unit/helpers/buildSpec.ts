import type { ServiceSpec } from '../../../src/core/model';

/** A compose service `web` of the workspace /ws, built from the whole folder with `dockerfile`. */
export const buildSpec = (dockerfile = '/ws/Dockerfile'): ServiceSpec => ({
  name: 'web',
  project: 'ws',
  projectDir: '/ws',
  composeFiles: ['/ws/compose.yaml'],
  ports: [],
  drift: {},
  build: { context: '/ws', dockerfile },
});

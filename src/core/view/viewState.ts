// One word for the Containers view's situation, used as the `runtimeDrift.state` context key so
// the welcome view can say what to do (no compose file, no engine, check failed).
import type { Report } from '../model';

export type ViewState = 'checking' | 'noCompose' | 'noEngine' | 'error' | 'ready';

export function viewState(reports: readonly Report[], checking: boolean, error?: string): ViewState {
  if (reports.length === 0) return error ? 'error' : checking ? 'checking' : 'noCompose';
  if (reports.some((r) => !r.engine.reachable)) return 'noEngine';
  if (reports.every((r) => r.services.length === 0)) return error ? 'error' : 'noCompose';
  return 'ready';
}

// Probe bearer tokens live in SecretStorage, keyed by the service's bearerTokenEnv name, never in
// settings or logs. SecretStorage cannot list its keys, so the names (not the values) are kept in
// workspace state to read them all before a check (the check's token lookup is synchronous).
import type * as vscode from 'vscode';

const NAMES_KEY = 'runtimeDrift.probeTokenNames';
const secretKey = (envName: string) => `runtimeDrift.probeToken.${envName}`;

export class ProbeSecrets {
  private values: readonly string[] = [];

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  private names(): string[] {
    const raw = this.state.get<unknown>(NAMES_KEY);
    return Array.isArray(raw) ? raw.filter((n): n is string => typeof n === 'string') : [];
  }

  /** env name -> token, for one check. */
  async snapshot(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const name of this.names()) {
      const value = await this.secrets.get(secretKey(name));
      if (value) out.set(name, value);
    }
    this.values = [...out.values()];
    return out;
  }

  /** Token values seen so far, for redaction. */
  known(): readonly string[] {
    return this.values;
  }

  async set(envName: string, token: string): Promise<void> {
    await this.secrets.store(secretKey(envName), token);
    const names = new Set(this.names());
    names.add(envName);
    await this.state.update(NAMES_KEY, [...names]);
    this.values = [...this.values, token];
  }

  async delete(envName: string): Promise<void> {
    await this.secrets.delete(secretKey(envName));
    await this.state.update(NAMES_KEY, this.names().filter((n) => n !== envName));
  }
}

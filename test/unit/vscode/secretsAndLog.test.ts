// The adapters below import only types from 'vscode', so they run here with plain fakes.
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { createLogSink, shortError, type LogChannelLike } from '../../../src/vscode/logChannel';
import { ProbeSecrets } from '../../../src/vscode/probeSecrets';

function fakeSecrets(): vscode.SecretStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: async (k: string) => data.get(k),
    store: async (k: string, v: string) => void data.set(k, v),
    delete: async (k: string) => void data.delete(k),
    onDidChange: (() => ({ dispose() {} })) as unknown as vscode.Event<vscode.SecretStorageChangeEvent>,
  };
}

function fakeMemento(): vscode.Memento {
  const data = new Map<string, unknown>();
  return {
    keys: () => [...data.keys()],
    get: ((k: string, d?: unknown) => (data.has(k) ? data.get(k) : d)) as vscode.Memento['get'],
    update: async (k: string, v: unknown) => void data.set(k, v),
  };
}

suite('probe secrets', () => {
  test('tokens are stored in SecretStorage by env name; only the names go to workspace state', async () => {
    const secrets = fakeSecrets();
    const state = fakeMemento();
    const store = new ProbeSecrets(secrets, state);
    await store.set('API_TOKEN', 's3cret-token');
    assert.equal(secrets.data.get('runtimeDrift.probeToken.API_TOKEN'), 's3cret-token');
    assert.deepEqual(state.get('runtimeDrift.probeTokenNames'), ['API_TOKEN']);
    assert.ok(!JSON.stringify(state.keys().map((k) => state.get(k))).includes('s3cret'), 'no value in workspace state');

    const fresh = new ProbeSecrets(secrets, state);
    assert.deepEqual([...(await fresh.snapshot())], [['API_TOKEN', 's3cret-token']]);
    assert.deepEqual(fresh.known(), ['s3cret-token']);

    await fresh.delete('API_TOKEN');
    assert.equal((await fresh.snapshot()).size, 0);
  });
});

suite('log sink', () => {
  test('known tokens and Authorization headers are redacted before the channel sees them', () => {
    const lines: string[] = [];
    const channel: LogChannelLike = {
      debug: (m: string) => void lines.push(`debug ${m}`),
      info: (m: string) => void lines.push(`info ${m}`),
      warn: (m: string) => void lines.push(`warn ${m}`),
      error: (m: string) => void lines.push(`error ${m}`),
    } as LogChannelLike;
    const sink = createLogSink(channel, () => ['s3cret-token']);
    sink.log('info', 'probe GET /x with s3cret-token');
    sink.log('error', 'request failed: Authorization: Bearer abc.def.ghi');
    assert.deepEqual(lines, ['info probe GET /x with ***', 'error request failed: Authorization: ***']);
  });

  test('notification text is the first line only, clipped and redacted', () => {
    const err = new Error('Docker engine not reachable\n    at stack frame');
    assert.equal(shortError(err), 'Docker engine not reachable');
    assert.equal(shortError(new Error('x'.repeat(300))).length, 238);
    assert.equal(shortError('compose failed: API_TOKEN=abcd1234'), 'compose failed: API_TOKEN=***');
  });
});

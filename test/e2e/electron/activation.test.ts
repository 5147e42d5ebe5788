// In-host: the packaged manifest and the activate() code agree, so the command a user sees in
// the palette is really backed by a handler once the extension is active.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'runtime-drift.runtime-drift';

suite('activation', () => {
  test('runtimeDrift.checkRuntime is registered after activation', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in the host`);
    await extension.activate();
    assert.equal(extension.isActive, true);

    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('runtimeDrift.checkRuntime'), 'runtimeDrift.checkRuntime is not registered');
  });
});

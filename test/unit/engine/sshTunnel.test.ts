import assert from 'node:assert/strict';
import { sshTarget, sshTargetArgs, why } from '../../../src/engine/sshTunnel';

suite('ssh tunnel: the target as the system ssh takes it', () => {
  test('user, port and host come from the ssh:// address; anything else is not a target', () => {
    assert.deepEqual(sshTarget('ssh://deploy@infra-1.internal:2222'), { host: 'infra-1.internal', port: 2222, user: 'deploy' });
    assert.deepEqual(sshTarget('ssh://infra-1'), { host: 'infra-1' });
    assert.deepEqual(sshTarget('ssh://[fd00::5]'), { host: 'fd00::5' });
    assert.equal(sshTarget('tcp://infra-1:2376'), undefined);
    assert.equal(sshTarget('unix:///var/run/docker.sock'), undefined);
  });

  test('the host is passed after --, so a host name cannot be read as an option', () => {
    assert.deepEqual(sshTargetArgs({ host: '-oProxyCommand=x', user: 'u', port: 22 }), ['-l', 'u', '-p', '22', '--', '-oProxyCommand=x']);
  });

  test("ssh's reason is its last line, without the known-hosts notice", () => {
    assert.equal(why('Warning: Permanently added rd (ED25519) to the list of known hosts.\r\nroot@127.0.0.1: Permission denied (publickey).\n'), 'root@127.0.0.1: Permission denied (publickey).');
    assert.equal(why(''), 'ssh exited without saying why');
  });
});

import assert from 'node:assert/strict';
import { remoteCliMissing, remoteSocketPath, sshTarget, sshTargetArgs, why } from '../../../src/engine/sshTunnel';

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

suite('ssh tunnel: the remote engine forwarded as a socket, when it is one', () => {
  test("the socket the remote docker CLI names is forwarded; whatever the login's shell printed before it is skipped", () => {
    assert.equal(remoteSocketPath('unix:///var/run/docker.sock\nrd-logged-in\n'), '/var/run/docker.sock');
    assert.equal(remoteSocketPath('welcome to infra-1\nunix:///run/user/1000/docker.sock\nrd-logged-in\n'), '/run/user/1000/docker.sock');
  });

  test('a TCP engine, no answer (an old CLI without contexts) or a path -L cannot carry: dialled through dial-stdio instead', () => {
    assert.equal(remoteSocketPath('tcp://10.0.0.5:2376\nrd-logged-in\n'), undefined);
    assert.equal(remoteSocketPath('rd-logged-in\n'), undefined);
    assert.equal(remoteSocketPath('unix:///tmp/a:b.sock\nrd-logged-in\n'), undefined);
    assert.equal(remoteSocketPath('unix:///tmp/a b.sock\nrd-logged-in\n'), undefined);
    assert.equal(remoteSocketPath('unix://relative.sock\nrd-logged-in\n'), undefined);
  });
});

suite('ssh tunnel: no docker CLI on the engine host', () => {
  test("the remote shell's own words, whichever shell said them; an old CLI's complaint is not that", () => {
    assert.equal(remoteCliMissing('bash: line 1: docker: command not found\nrd-logged-in\n'), 'bash: line 1: docker: command not found');
    assert.equal(remoteCliMissing('sh: 1: docker: not found\nrd-logged-in\n'), 'sh: 1: docker: not found');
    assert.equal(remoteCliMissing("docker: 'context' is not a docker command.\nrd-logged-in\n"), undefined);
    assert.equal(remoteCliMissing('unix:///var/run/docker.sock\nrd-logged-in\n'), undefined);
  });
});

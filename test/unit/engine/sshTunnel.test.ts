import assert from 'node:assert/strict';
import { loginAnswer, remoteCliMissing, remoteSocketPath, sshTarget, sshTargetArgs, why } from '../../../src/engine/sshTunnel';

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

suite("ssh tunnel: the login's answer (which engine the host's docker CLI would use)", () => {
  test("the engine line is found after whatever the login's shell printed; the CLI's presence is its own line", () => {
    assert.deepEqual(loginAnswer('welcome to infra-1\nrd-engine=unix:///run/user/1000/docker.sock\nrd-logged-in\n'), { engine: 'unix:///run/user/1000/docker.sock', cli: true });
    assert.deepEqual(loginAnswer('rd-engine=unix:///var/run/docker.sock\nrd-no-cli\nrd-logged-in\n'), { engine: 'unix:///var/run/docker.sock', cli: false });
  });

  test("a named context's CLI may warn before its answer; an error over several lines is kept as one", () => {
    assert.equal(loginAnswer('rd-engine=WARNING: Error loading config file: x\nunix:///tmp/e.sock\nrd-logged-in\n').engine, 'unix:///tmp/e.sock');
    assert.equal(loginAnswer('rd-engine=WARNING: x\nunable to resolve docker endpoint: context "nope" does not exist\nrd-logged-in\n').engine, 'WARNING: x unable to resolve docker endpoint: context "nope" does not exist');
    assert.equal(loginAnswer('rd-logged-in\n').engine, '');
  });
});

suite('ssh tunnel: the remote engine forwarded as a socket, when it is one', () => {
  test('a unix socket there is forwarded', () => {
    assert.equal(remoteSocketPath('unix:///var/run/docker.sock'), '/var/run/docker.sock');
    assert.equal(remoteSocketPath('unix:///run/user/1000/docker.sock'), '/run/user/1000/docker.sock');
  });

  test('a TCP engine, no answer (an old CLI without contexts) or a path -L cannot carry: dialled through dial-stdio instead', () => {
    assert.equal(remoteSocketPath('tcp://10.0.0.5:2376'), undefined);
    assert.equal(remoteSocketPath(''), undefined);
    assert.equal(remoteSocketPath('unix:///tmp/a:b.sock'), undefined);
    assert.equal(remoteSocketPath('unix:///tmp/a b.sock'), undefined);
    assert.equal(remoteSocketPath('unix://relative.sock'), undefined);
  });
});

suite('ssh tunnel: no docker CLI on the engine host', () => {
  test("the remote shell's own words, whichever shell said them; an old CLI's complaint is not that", () => {
    assert.equal(remoteCliMissing('bash: line 1: docker: command not found'), 'bash: line 1: docker: command not found');
    assert.equal(remoteCliMissing('/bin/sh: 1: docker: not found'), '/bin/sh: 1: docker: not found');
    assert.equal(remoteCliMissing("docker: 'context' is not a docker command."), undefined);
    assert.equal(remoteCliMissing('unix:///var/run/docker.sock'), undefined);
  });
});

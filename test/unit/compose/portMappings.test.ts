import assert from 'node:assert/strict';
import { parsePorts } from '../../../src/core/compose/portMappings';
import { UserInputError } from '../../../src/core/errors';

suite('compose ports', () => {
  test('short syntax: container only, host:container, ip:host:container, protocol', () => {
    assert.deepEqual(parsePorts(['3000', 9229, '8080:3000', '127.0.0.1:8081:3001', '53:53/udp'], 'p'), [
      { target: 3000, protocol: 'tcp' },
      { target: 9229, protocol: 'tcp' },
      { published: 8080, target: 3000, protocol: 'tcp' },
      { hostIp: '127.0.0.1', published: 8081, target: 3001, protocol: 'tcp' },
      { published: 53, target: 53, protocol: 'udp' },
    ]);
  });

  test('an empty published port means the engine picks one', () => {
    assert.deepEqual(parsePorts(['127.0.0.1::5000'], 'p'), [{ hostIp: '127.0.0.1', target: 5000, protocol: 'tcp' }]);
  });

  test('IPv6 host addresses, bracketed or not', () => {
    assert.deepEqual(parsePorts(['[::1]:6001:6001', '::1:6002:6002'], 'p'), [
      { hostIp: '::1', published: 6001, target: 6001, protocol: 'tcp' },
      { hostIp: '::1', published: 6002, target: 6002, protocol: 'tcp' },
    ]);
  });

  test('ranges expand pairwise', () => {
    assert.deepEqual(parsePorts(['3000-3001:4000-4001', '7000-7001'], 'p'), [
      { published: 3000, target: 4000, protocol: 'tcp' },
      { published: 3001, target: 4001, protocol: 'tcp' },
      { target: 7000, protocol: 'tcp' },
      { target: 7001, protocol: 'tcp' },
    ]);
  });

  test('long syntax', () => {
    assert.deepEqual(
      parsePorts([{ target: 80, published: '8080', host_ip: '127.0.0.1', protocol: 'tcp' }, { target: '81' }], 'p'),
      [
        { hostIp: '127.0.0.1', published: 8080, target: 80, protocol: 'tcp' },
        { target: 81, protocol: 'tcp' },
      ],
    );
  });

  test('sctp entries are dropped rather than rejected', () => {
    assert.deepEqual(parsePorts(['9000:9000/sctp'], 'p'), []);
  });

  test('bad entries are UserInputErrors naming where they are', () => {
    assert.throws(() => parsePorts(['80:abc'], 'service "api": ports'), /service "api": ports\[0\]: invalid port "80:abc"/);
    assert.throws(() => parsePorts(['70000'], 'p'), /port out of range/);
    assert.throws(() => parsePorts(['1-3:1-2'], 'p'), /different lengths/);
    assert.throws(() => parsePorts([{ published: 80 }], 'p'), UserInputError);
    assert.throws(() => parsePorts('80:80', 'p'), /must be a list/);
  });
});

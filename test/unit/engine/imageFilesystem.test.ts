import assert from 'node:assert/strict';
import { filesystemKey } from '../../../src/engine/imageFilesystem';

suite('imageFilesystem', () => {
  const image = (over: object = {}) => ({ Id: 'sha256:a', RootFS: { Type: 'layers', Layers: ['sha256:l1', 'sha256:l2'] }, Config: { WorkingDir: '/app', Volumes: null }, ...over });

  test('images alike in layers, volumes and working folder share a key whatever their ID, labels or command', () => {
    const a = filesystemKey(image());
    assert.ok(a);
    assert.equal(filesystemKey({ ...image({ Id: 'sha256:b' }), Config: { WorkingDir: '/app', Volumes: {}, Labels: { service: 'b' }, Cmd: ['node'] } } as never), a);
  });

  test('another layer, another order of layers, a VOLUME or another WORKDIR is another key', () => {
    const a = filesystemKey(image());
    for (const other of [
      image({ RootFS: { Type: 'layers', Layers: ['sha256:l1', 'sha256:l2', 'sha256:l3'] } }),
      image({ RootFS: { Type: 'layers', Layers: ['sha256:l2', 'sha256:l1'] } }),
      image({ Config: { WorkingDir: '/app', Volumes: { '/app/data': {} } } }),
      image({ Config: { WorkingDir: '/srv', Volumes: null } }),
    ])
      assert.notEqual(filesystemKey(other), a, JSON.stringify(other));
  });

  test('the order volumes are named in does not matter', () => {
    const vols = (v: Record<string, unknown>) => filesystemKey(image({ Config: { WorkingDir: '', Volumes: v } }));
    assert.equal(vols({ '/a': {}, '/b': {} }), vols({ '/b': {}, '/a': {} }));
  });

  test('no key when the inspect does not name its layers: the image is listed by its ID', () => {
    for (const RootFS of [undefined, null, { Type: 'layers' }, { Type: 'layers', Layers: [] }, { Type: 'other', Layers: ['sha256:l1'] }, { Type: 'layers', Layers: [''] }])
      assert.equal(filesystemKey(image({ RootFS })), undefined, JSON.stringify(RootFS));
  });
});

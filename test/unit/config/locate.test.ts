import assert from 'node:assert/strict';
import { createComposeParses, locateConfigFields } from '../../../src/core/config/locate';

const BASE = {
  path: '/ws/compose.yaml',
  text: `services:
  db:
    image: postgres
  api:
    build: ./api
    command: ["node", "main.js"]
    environment:
      FEATURE_WORKFLOW: "on"
      PORT: "3000"
    env_file: [api.env]
    ports:
      - "127.0.0.1:8080:3000"
    expose: ["9229"]
    volumes:
      - ./data:/data
    labels: ["tier=web"]
`,
};
const OVERRIDE = { path: '/ws/compose.override.yaml', text: 'services:\n  api:\n    environment:\n      - PORT=3001\n' };
const ENV_FILE = { path: '/ws/api.env', text: '# api\nSECRET_KEY=abc\n' };

suite('config drift: each field on the line that declares it', () => {
  const locate = (fields: string[]) =>
    locateConfigFields('api', fields, [BASE, OVERRIDE], { from: { SECRET_KEY: 'api.env', PORT: 'environment' }, files: new Map([['api.env', ENV_FILE]]) });

  test('the service line is where the first file defines it', () => {
    assert.deepEqual(locate([]).service, { file: '/ws/compose.yaml', line: 4 });
  });

  test('keys, mapping entries and list items; an override file wins over the base', () => {
    const at = locate(['command', 'environment.FEATURE_WORKFLOW', 'environment.PORT', 'ports.3000/tcp', 'ports.9229/tcp', 'volumes./data', 'labels.tier']);
    assert.deepEqual(Object.fromEntries([...at.fields].map(([f, l]) => [f, `${l.file.slice(4)}:${l.line}`])), {
      command: 'compose.yaml:6',
      'environment.FEATURE_WORKFLOW': 'compose.yaml:8',
      'environment.PORT': 'compose.override.yaml:4',
      'ports.3000/tcp': 'compose.yaml:12',
      'ports.9229/tcp': 'compose.yaml:13',
      'volumes./data': 'compose.yaml:15',
      'labels.tier': 'compose.yaml:16',
    });
  });

  test('a variable from an env_file is placed on its line there', () => {
    assert.deepEqual(locate(['environment.SECRET_KEY']).fields.get('environment.SECRET_KEY'), { file: '/ws/api.env', line: 2 });
  });

  test("a variable or port name holding a regular expression's characters is read literally, not as a pattern", () => {
    const env = { path: '/ws/odd.env', text: '# odd\nA(B=1\nX.Y=2\nXaY=3\n' };
    const at = locateConfigFields('api', ['environment.A(B', 'environment.XaY', 'ports.80(/tcp'], [BASE], { from: { 'A(B': 'odd.env', XaY: 'odd.env' }, files: new Map([['odd.env', env]]) });
    assert.deepEqual(at.fields.get('environment.A(B'), { file: '/ws/odd.env', line: 2 });
    assert.deepEqual(at.fields.get('environment.XaY'), { file: '/ws/odd.env', line: 4 });
    assert.deepEqual(at.fields.get('ports.80(/tcp'), { file: '/ws/compose.yaml', line: 11 });
  });

  test('a field compose no longer declares stands on its key, else on the service line', () => {
    assert.deepEqual(locate(['environment.OLD_FLAG', 'user']).fields.get('user'), { file: '/ws/compose.yaml', line: 4 });
    // A variable no longer declared: the environment key of the last file that has one.
    assert.deepEqual(locate(['environment.OLD_FLAG']).fields.get('environment.OLD_FLAG'), { file: '/ws/compose.override.yaml', line: 3 });
  });

  test("one check's services share a compose file's parse, and a changed text is parsed again", () => {
    const parses = createComposeParses();
    const noEnv = { from: {}, files: new Map() };
    const first = parses.parse(BASE);
    assert.equal(parses.parse({ ...BASE, text: BASE.text.slice(0) }).doc, first.doc);
    // Shared: the same lines as a parse of its own, for every service of the file.
    assert.deepEqual(locateConfigFields('db', ['image'], [BASE], noEnv, parses), locateConfigFields('db', ['image'], [BASE], noEnv));
    assert.deepEqual(locateConfigFields('api', ['command'], [BASE], noEnv, parses).fields.get('command'), { file: '/ws/compose.yaml', line: 6 });
    const edited = { ...BASE, text: `# edited\n${BASE.text}` };
    assert.notEqual(parses.parse(edited).doc, first.doc);
    assert.deepEqual(locateConfigFields('api', ['command'], [edited], noEnv, parses).fields.get('command'), { file: '/ws/compose.yaml', line: 7 });
  });
});

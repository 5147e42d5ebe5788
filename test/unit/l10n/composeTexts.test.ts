import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { parseComposeProject } from '../../../src/core/compose/parse';
import { UserInputError } from '../../../src/core/errors';
import { accentedBundle, englishLeft } from './pseudo';

const dir = '/ws/demo';

/** Compose files that are wrong in the ways src/core/compose says so: each gives one message. */
const BAD: string[] = [
  'services:\n  api:\n    image: "${IMAGE:?set it}"\n',
  'services:\n  api:\n    image: "${IMAGE"\n',
  'services:\n  api:\n    image: 5\n',
  'services:\n  api:\n    build: 5\n',
  'services:\n  api:\n    image: a\n    network_mode: 5\n',
  'services:\n  api:\n    image: a\n    ports: ["99999:80"]\n',
  'services:\n  api:\n    image: a\n    ports: ["80-81:90-92"]\n',
  'services:\n  api:\n    image: a\n    ports: ["80/icmp"]\n',
  'services:\n  api:\n    image: a\n    ports: 80\n',
  'services:\n  api:\n    image: a\n    ports: [{published: 80}]\n',
  'services:\n  api:\n    image: a\n    x-runtime-drift: 5\n',
  'services:\n  api:\n    image: a\n    x-runtime-drift:\n      sourec: x\n',
  'services:\n  api:\n    image: a\n    x-runtime-drift:\n      source: 5\n',
  'services:\n  api:\n    image: a\n    x-runtime-drift:\n      target: app/dist\n',
  'services:\n  api:\n    image: a\n    x-runtime-drift:\n      routes: GET /health\n',
  'services:\n  api:\n    image: a\n    x-runtime-drift:\n      auth: {cookie: x}\n',
  'services:\n  api:\n    extends: {file: other.yaml, service: base}\n',
  'services:\n  api:\n    extends: {service: nowhere}\n',
  'services: [1]\n',
  '- 1\n',
  'services:\n  api: [1]\n',
  'services:\n  api:\n    image: a\n   bad: indentation\n',
  'services:\n  api:\n    image: a\n    ports: ["${PORT}:${P2}"]\n',
  'services:\n  api:\n    image: a\n    ports: ["${P2}"]\n',
];

/** What the YAML parser itself says about the badly indented file: its words, not ours. */
const YAML_REPORT = 'All mapping items must start at the same column';

/** The message a bad file gives: thrown for the file, or the one service's error. */
function messageOf(text: string): string {
  try {
    const project = parseComposeProject([{ path: `${dir}/compose.yaml`, text }], { dir, env: {}, envExample: { file: '.env.example', names: ['PORT'] } });
    const errors = project.services.flatMap((s) => (s.error === undefined ? [] : [s.error]));
    assert.equal(errors.length, 1, `one service error for ${JSON.stringify(text)}: ${JSON.stringify(errors)}`);
    return errors[0] as string;
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    assert.ok(e instanceof UserInputError, String(e));
    return e.message;
  }
}

suite('compose texts through the l10n bundle', () => {
  teardown(() => l10n.config({ contents: {} }));

  test('every error a bad compose file gives is English without a bundle and leaves no English word with one', () => {
    const english = BAD.map(messageOf);
    for (const m of english) assert.match(m, /[a-z]{4,}/, 'an English sentence without a bundle');
    l10n.config({ contents: accentedBundle() });
    BAD.forEach((text, i) => {
      const translated = messageOf(text);
      assert.notEqual(translated, english[i], `translated: ${english[i]}`);
      // The file's own words (keys, values, the file name, the YAML parser's own report) are data.
      const data = `${text} ${YAML_REPORT} compose.yaml .env.example ${dir} services value tcp udp sctp source target baseUrl routePrefix modulesDir buildOutput routes auth secretVariables bearerTokenEnv`;
      assert.deepEqual(englishLeft(translated, data), [], `${english[i]} -> ${translated}`);
    });
  });
});

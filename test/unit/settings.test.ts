// The settings VS Code shows (package.json) and the ones the service reads (settings.ts, rules.ts)
// are written in two places for two readers: these tests keep them one set of facts.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODES, DEFAULT_SETTINGS, RULES, SEVERITIES, settingsFrom } from '../../server/src/service';
import { manifest, root } from '../support/manifest';

const properties = manifest<{ contributes: { configuration: { properties: Record<string, { default: unknown; enum?: string[]; markdownDescription?: string }> } } }>()
  .contributes.configuration.properties;

test('every diagnostic code has a setting with its default severity, the severities and a link to its README section', () => {
  for (const code of CODES) {
    const setting = properties[`normref.diagnostics.${code}`];
    assert.ok(setting, `normref.diagnostics.${code} is contributed`);
    assert.equal(setting.default, RULES[code].severity, code);
    assert.deepEqual(setting.enum, [...SEVERITIES, 'off'], code);
    assert.match(setting.markdownDescription ?? '', new RegExp(`README\\.md#${code}\\)`), code);
  }
  const contributed = Object.keys(properties).filter((k) => k.startsWith('normref.diagnostics.'));
  assert.deepEqual(contributed.sort(), CODES.map((c) => `normref.diagnostics.${c}`).sort());
});

test('every diagnostic code has a README section whose heading is the code', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const code of CODES) assert.match(readme, new RegExp(`^### \`${code}\`$`, 'm'), code);
});

test('the contributed defaults are the service defaults', () => {
  assert.equal(properties['normref.controls.defaultEdition'].default, DEFAULT_SETTINGS.controls.defaultEdition);
  assert.equal(properties['normref.links.template'].default, DEFAULT_SETTINGS.links.template);
  assert.equal(properties['normref.links.enabled'].default, DEFAULT_SETTINGS.links.enabled);
  assert.deepEqual(properties['normref.ignore'].default, DEFAULT_SETTINGS.diagnostics.ignore);
});

test('settings that cannot be used fall back to their defaults, each with a line that names it', () => {
  const { settings, problems } = settingsFrom({ diagnostics: { withdrawn: 'warn', 'no-such-code': 'error', renamed: 'error' }, ignore: 'ISO 27001', controls: { defaultEdition: '2019' } });
  assert.equal(settings.diagnostics.severities.withdrawn, 'warning');
  assert.equal(settings.diagnostics.severities.renamed, 'error');
  assert.deepEqual(settings.diagnostics.ignore, []);
  assert.equal(settings.controls.defaultEdition, '2022');
  assert.equal(problems.length, 4);
  assert.match(problems.join('\n'), /normref\.diagnostics\.withdrawn: "warn" is not one of error, warning, information, hint, off/);
  assert.match(problems.join('\n'), /normref\.diagnostics\.no-such-code is not a diagnostic/);
  assert.match(problems.join('\n'), /normref\.ignore must be a list/);
  assert.match(problems.join('\n'), /normref\.controls\.defaultEdition: "2019"/);
  const links = settingsFrom({ links: { enabled: 'no' } });
  assert.equal(links.settings.links.enabled, true);
  assert.deepEqual(links.problems, ['normref.links.enabled: "no" is not true or false']);
});

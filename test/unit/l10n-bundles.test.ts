// Every text a user reads is translated: each %key% of package.json in package.nls.json and in the
// German and French files, each message of the code in l10n/bundle.l10n.json (as the export tool
// finds them) and in the German and French bundles, with the same placeholders.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LANGUAGES, nls, nlsKeys, root, type Messages } from '../support/manifest';

const bundle = (language?: string): Messages =>
  JSON.parse(fs.readFileSync(path.join(root, 'l10n', language ? `bundle.l10n.${language}.json` : 'bundle.l10n.json'), 'utf8')) as Messages;

/** What must survive translation: {0} placeholders, `code`, link targets. */
function kept(text: string): string[] {
  const placeholders = text.match(/\{\d+\}/g) ?? [];
  const code = text.match(/`[^`]*`/g) ?? [];
  const links = [...text.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
  return [...placeholders, ...code, ...links].sort();
}

test('package.json names every title and description as a %key% of package.nls.json, and every key is used', () => {
  const used = nlsKeys();
  const english = nls();
  for (const { key, at } of used) assert.ok(key in english, `${at}: %${key}% is not in package.nls.json`);
  for (const at of ['displayName', 'description', 'contributes.configuration.title']) assert.ok(used.some((u) => u.at === at), `${at} is not a %key%`);
  const unused = Object.keys(english).filter((k) => !used.some((u) => u.key === k));
  assert.deepEqual(unused, [], 'keys of package.nls.json that package.json does not use');
});

test('package.nls.de.json and package.nls.fr.json translate every key, keeping code, links and placeholders', () => {
  const english = nls();
  for (const language of LANGUAGES) {
    const translated = nls(language);
    assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort(), `${language}: the keys of package.nls.json`);
    for (const [key, text] of Object.entries(english)) {
      assert.ok(translated[key].trim(), `${language}: ${key} is empty`);
      assert.deepEqual(kept(translated[key]), kept(text), `${language}: ${key} keeps the code, links and placeholders`);
    }
  }
});

test('l10n/bundle.l10n.json holds exactly the messages of client/src and server/src (npm run l10n:export)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-l10n-'));
  try {
    const cli = path.join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'export', '--outDir', out, 'client/src', 'server/src'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    const exported = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Messages;
    assert.deepEqual(Object.keys(bundle()).sort(), Object.keys(exported).sort(), 'run npm run l10n:export');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('the German and French bundles translate every message, keeping its placeholders', () => {
  const english = bundle();
  for (const language of LANGUAGES) {
    const translated = bundle(language);
    const missing = Object.keys(english).filter((k) => !translated[k]?.trim());
    assert.deepEqual(missing, [], `${language}: messages without a translation`);
    const extra = Object.keys(translated).filter((k) => !(k in english));
    assert.deepEqual(extra, [], `${language}: translations of messages the code no longer has`);
    for (const key of Object.keys(english)) {
      assert.deepEqual([...new Set(translated[key].match(/\{\d+\}/g))].sort(), [...new Set(key.match(/\{\d+\}/g))].sort(), `${language}: ${key}`);
    }
  }
});

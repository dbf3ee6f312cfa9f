// The service in the user's display language: the bundles the Node adapter reads from l10n/, handed
// to the service, turn hovers and diagnostics into German or French, and French hovers show ISO's
// French title. (Each test file runs in a process of its own: the language set here stays here.)
import test, { afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readMessageBundle } from '../../server/src/data-files';
import { useLanguage } from '../../server/src/service';
import { bundledService } from '../support/catalog';

const policy = (text: string) => TextDocument.create('file:///policy.md', 'markdown', 1, text);
const hoverText = (text: string, at: string) => {
  const doc = policy(text);
  const hover = bundledService().hover(doc, doc.positionAt(text.indexOf(at) + 3));
  return (hover?.contents as { value: string } | undefined)?.value ?? '';
};

afterEach(() => useLanguage('en', undefined));

test('in French, a hover shows ISO\'s French title, the status and the facts in French', () => {
  useLanguage('fr', readMessageBundle('fr'));
  const text = hoverText('Our ISMS follows ISO/IEC 27001:2022.', 'ISO/IEC 27001:2022');
  assert.match(text, /\*\*ISO\/IEC 27001:2022\*\* · Publiée · 2022-10/);
  assert.match(text, /Sécurité de l'information, cybersécurité et protection de la vie privée/);
  assert.match(text, /Comité : ISO\/IEC JTC 1\/SC 27/);
  assert.match(text, /\[ISO\/IEC 27001:2022 sur iso\.org\]/);
});

test('a regional locale takes its language\'s bundle: fr-CA reads French', () => {
  assert.equal(readMessageBundle('fr-CA')?.['Published'], 'Publiée');
  assert.equal(readMessageBundle('en'), undefined);
  assert.equal(readMessageBundle('pt-br'), undefined);
});

test('in German, a withdrawn edition is reported in German, with its fix', () => {
  useLanguage('de', readMessageBundle('de'));
  const doc = policy('Guidance follows ISO/IEC 27002:2013.');
  const [finding] = bundledService().findings(doc);
  assert.equal(finding.message, 'ISO/IEC 27002:2013 ist zurückgezogen: ersetzt durch ISO/IEC 27002:2022 (2022-02).');
  assert.equal(finding.fixes[0].title, 'Durch ISO/IEC 27002:2022 ersetzen');
  const text = hoverText('Guidance follows ISO/IEC 27002:2013.', 'ISO/IEC 27002:2013');
  assert.match(text, /Zurückgezogen/);
  // German has no titles in ISO's data: the English title stays.
  assert.match(text, /Code of practice for information security controls/);
});

test('in German, a control\'s hover says its edition and why in German', () => {
  useLanguage('de', readMessageBundle('de'));
  const text = hoverText('Under ISO/IEC 27001:2022, A.8.2 is restricted.', 'A.8.2');
  assert.match(text, /Privileged access rights/);
  assert.match(text, /Ausgabe 2022, gewählt nach/);
});

test('without a bundle the messages are the English source', () => {
  const [finding] = bundledService().findings(policy('Guidance follows ISO/IEC 27002:2013.'));
  assert.equal(finding.message, 'ISO/IEC 27002:2013 is withdrawn: replaced by ISO/IEC 27002:2022 (2022-02).');
});

// Code actions applied: each quick fix's WorkspaceEdit written into the text, as an editor
// would, and the text compared; suppression comments in a paragraph, a list, a table and plain
// text; source.fixAll.normref and fixText, which apply only the safe fixes.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-types';
import { FIX_ALL_KIND, type ClientSettings } from '../../server/src/service';
import { bundledService } from '../support/catalog';
import { documentOf, FIXTURES, found, settingsOf } from '../support/diagnostics';
import { applyWorkspaceEdit } from '../support/workspace-edit';

interface Options {
  client?: ClientSettings;
  languageId?: 'markdown' | 'plaintext';
  only?: string[];
}

/** The code actions offered on the first occurrence of `needle`. */
function actionsOn(text: string, needle: string, options: Options = {}): { uri: string; actions: CodeAction[] } {
  const document = documentOf(text, options.languageId);
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" in the text`);
  const range = { start: document.positionAt(at), end: document.positionAt(at + needle.length) };
  const actions = bundledService().codeActions(document, range, options.only, settingsOf(options.client));
  return { uri: document.uri, actions };
}

function titles(text: string, needle: string, options: Options = {}): string[] {
  return actionsOn(text, needle, options)
    .actions.filter((a) => a.kind === 'quickfix')
    .map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);
}

/** The text after the action titled `title` on `needle`. */
function after(text: string, needle: string, title: string, options: Options = {}): string {
  const { uri, actions } = actionsOn(text, needle, options);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `"${title}" among ${actions.map((a) => a.title).join(' | ')}`);
  return applyWorkspaceEdit(text, uri, action.edit);
}

const UNDER_2022 = 'Our ISMS follows ISO/IEC 27001:2022.';

test('a withdrawn edition: replaced by the current one, the year only where the number stays', () => {
  const text = 'Controls follow ISO/IEC 27002:2013 and risks ISO/IEC 27005:2011.';
  assert.deepEqual(titles(text, 'ISO/IEC 27002:2013'), [
    'Replace with ISO/IEC 27002:2022 (preferred)',
    'Fix all withdrawn problems in this document (2)',
    'Ignore withdrawn on this line',
  ]);
  assert.equal(after(text, 'ISO/IEC 27002:2013', 'Replace with ISO/IEC 27002:2022'), 'Controls follow ISO/IEC 27002:2022 and risks ISO/IEC 27005:2011.');
  assert.equal(after(text, 'ISO/IEC 27002:2013', 'Fix all withdrawn problems in this document (2)'), 'Controls follow ISO/IEC 27002:2022 and risks ISO/IEC 27005:2022.');
  assert.equal(after('Quality: ISO 9001 (2008 edition).', 'ISO 9001', 'Replace with ISO 9001:2015'), 'Quality: ISO 9001 (2015 edition).');
  assert.equal(after('Vendor contracts cite ISO/IEC 17799:2005.', 'ISO/IEC 17799:2005', 'Replace with ISO/IEC 27002:2022'), 'Vendor contracts cite ISO/IEC 27002:2022.');
  assert.equal(
    after('See ISO/IEC 27001:2013/Cor 1:2014 for the corrigendum.', 'ISO/IEC 27001:2013', 'Replace with ISO/IEC 27001:2022'),
    'See ISO/IEC 27001:2022 for the corrigendum.',
  );
});

test('a withdrawn edition whose controls the document numbers: offered, not preferred', () => {
  const text = 'Our ISMS follows ISO/IEC 27001:2013. Privileged access: A.9.2.3.';
  assert.deepEqual(titles(text, 'ISO/IEC 27001:2013'), ['Replace with ISO/IEC 27001:2022', 'Ignore withdrawn on this line']);
  assert.equal(after(text, 'ISO/IEC 27001:2013', 'Replace with ISO/IEC 27001:2022'), 'Our ISMS follows ISO/IEC 27001:2022. Privileged access: A.9.2.3.');
});

test('a former name: replaced by the new one; applied unasked only where ISO renumbered its own standard', () => {
  const text = 'Controls follow ISO/IEC 17799 and BS 7799-1. Suppliers hold a BS 7799-2 certificate or follow OHSAS 18001.';
  assert.deepEqual(titles(text, 'ISO/IEC 17799'), ['Replace with ISO/IEC 27002 (preferred)', 'Ignore renamed on this line']);
  assert.equal(after(text, 'ISO/IEC 17799', 'Replace with ISO/IEC 27002'), 'Controls follow ISO/IEC 27002 and BS 7799-1. Suppliers hold a BS 7799-2 certificate or follow OHSAS 18001.');
  // Another publisher's standard was replaced by a new one: a certificate against it is a fact, not a name to update.
  assert.deepEqual(titles(text, 'BS 7799-2'), ['Replace with ISO/IEC 27001', 'Ignore renamed on this line']);
  assert.equal(after(text, 'BS 7799-2', 'Replace with ISO/IEC 27001'), 'Controls follow ISO/IEC 17799 and BS 7799-1. Suppliers hold a ISO/IEC 27001 certificate or follow OHSAS 18001.');
  assert.equal(after(text, 'OHSAS', 'Replace with ISO 45001'), 'Controls follow ISO/IEC 17799 and BS 7799-1. Suppliers hold a BS 7799-2 certificate or follow ISO 45001.');
});

test('withdrawn and renamed: a fix is not applied unasked to a standard cited with one of its clauses or sections', () => {
  const text = 'Risks are treated per ISO 31000:2009 section 5.4.2 and clause 8.2 of ISO/IEC 27005:2018. Plans follow BS 25999-2 section 4.3. Cloud PII follows ISO/IEC 27018:2014.';
  assert.deepEqual(titles(text, 'ISO 31000:2009'), ['Replace with ISO 31000:2018', 'Ignore withdrawn on this line']);
  assert.deepEqual(titles(text, 'ISO/IEC 27005:2018'), ['Replace with ISO/IEC 27005:2022', 'Ignore withdrawn on this line']);
  assert.deepEqual(titles(text, 'BS 25999-2'), ['Replace with ISO 22301', 'Ignore renamed on this line']);
  assert.deepEqual(titles(text, 'ISO/IEC 27018:2014'), ['Replace with ISO/IEC 27018:2019 (preferred)', 'Ignore withdrawn on this line']);
  // Nor where the old edition's title follows, which the new edition's title lacks.
  const listed = '- ISO/IEC 27036-3:2013 Guidelines for information and communication technology supply chain security';
  assert.deepEqual(titles(listed, 'ISO/IEC 27036-3:2013'), ['Replace with ISO/IEC 27036-3:2023', 'Ignore withdrawn on this line']);
});

test('a 2013 control under 2022: its 2022 number, with its 2022 title where a title is written', () => {
  assert.equal(after(`${UNDER_2022} Privileged access is managed under A.9.2.3.`, 'A.9.2.3', 'Replace with A.8.2'), `${UNDER_2022} Privileged access is managed under A.8.2.`);
  assert.equal(
    after(`${UNDER_2022} Admins: A.9.2.3 Management of privileged access rights.`, 'A.9.2.3', 'Replace with A.8.2 Privileged access rights'),
    `${UNDER_2022} Admins: A.8.2 Privileged access rights.`,
  );
  assert.equal(after(`${UNDER_2022}\n\n- Keys: control 10.1.2 applies.`, 'control 10.1.2', 'Replace with 8.24'), `${UNDER_2022}\n\n- Keys: control 8.24 applies.`, 'the number as it is written');
  assert.deepEqual(titles(`${UNDER_2022} Admins: A.9.2.3.`, 'A.9.2.3'), ['Replace with A.8.2 (preferred)', 'Ignore control-edition-mismatch on this line']);
  // A title wrapped onto the next line is rewritten whole, broken where it was.
  assert.equal(
    after(`${UNDER_2022}\n\n4.2 Contracts follow A.15.1.2 Addressing security within\n    supplier agreements; audits follow.`, 'A.15.1.2', 'Replace with A.5.20 Addressing information security within supplier agreements'),
    `${UNDER_2022}\n\n4.2 Contracts follow A.5.20 Addressing information security\n    within supplier agreements; audits follow.`,
  );
});

test('a 2013 control that became two: a choice of each, neither preferred nor applied by fix all', () => {
  const text = `${UNDER_2022} Compliance reviews: A.18.2.3.`;
  assert.deepEqual(titles(text, 'A.18.2.3'), ['Replace with A.5.36', 'Replace with A.8.8', 'Ignore control-edition-mismatch on this line']);
  assert.equal(after(text, 'A.18.2.3', 'Replace with A.5.36'), `${UNDER_2022} Compliance reviews: A.5.36.`);
  assert.equal(after(text, 'A.18.2.3', 'Replace with A.8.8'), `${UNDER_2022} Compliance reviews: A.8.8.`);
  const titled = `${UNDER_2022} A.18.2.3 Technical compliance review is quarterly.`;
  assert.equal(
    after(titled, 'A.18.2.3', 'Replace with A.5.36 Compliance with policies, rules and standards for information security'),
    `${UNDER_2022} A.5.36 Compliance with policies, rules and standards for information security is quarterly.`,
  );
  assert.deepEqual(actionsOn(text, 'A.18.2.3', { only: [FIX_ALL_KIND] }).actions, []);
});

test('a 2022 control under 2013: the 2013 control it was', () => {
  const text = 'Scope certified against ISO/IEC 27001:2013. Cloud services: A.5.23. Keys: A.8.24.';
  assert.deepEqual(titles(text, 'A.5.23'), ['Ignore control-edition-mismatch on this line'], 'new in 2022: nothing to replace it with');
  assert.deepEqual(titles(text, 'A.8.24'), ['Replace with A.10.1.1', 'Replace with A.10.1.2', 'Ignore control-edition-mismatch on this line']);
  assert.equal(after(text, 'A.8.24', 'Replace with A.10.1.2'), 'Scope certified against ISO/IEC 27001:2013. Cloud services: A.5.23. Keys: A.10.1.2.');
});

test("a title of another control: the number that has the title, or the number's own title", () => {
  const old = `${UNDER_2022}\n\n- A.8.2 Information classification: every document is labelled.\n`;
  assert.deepEqual(titles(old, 'A.8.2'), ['Replace with A.5.12 Classification of information', 'Change the title to Privileged access rights', 'Ignore title-mismatch on this line']);
  assert.equal(after(old, 'A.8.2', 'Change the title to Privileged access rights'), `${UNDER_2022}\n\n- A.8.2 Privileged access rights: every document is labelled.\n`);
  assert.equal(after(old, 'A.8.2', 'Replace with A.5.12 Classification of information'), `${UNDER_2022}\n\n- A.5.12 Classification of information: every document is labelled.\n`);
  const other = `${UNDER_2022}\n\n- A.5.1 Access control\n`;
  assert.equal(after(other, 'A.5.1', 'Replace with A.5.15 Access control'), `${UNDER_2022}\n\n- A.5.15 Access control\n`);
  assert.equal(after(other, 'A.5.1', 'Change the title to Policies for information security'), `${UNDER_2022}\n\n- A.5.1 Policies for information security\n`);
  const table = `${UNDER_2022}\n\n| Control | Title | Applicable |\n|---|---|---|\n| A.8.12 | Information classification | Yes |\n`;
  assert.equal(
    after(table, 'A.8.12', 'Change the title to Data leakage prevention'),
    `${UNDER_2022}\n\n| Control | Title | Applicable |\n|---|---|---|\n| A.8.12 | Data leakage prevention | Yes |\n`,
    'the cell, not the rest of the row',
  );
});

test('spelling, publisher and edition: the canonical reference, the right publisher, a choice of editions', () => {
  const hint = { client: { diagnostics: { 'non-canonical': 'hint' } } };
  assert.equal(after('Certified to ISO 27001 and ISO27002.', 'ISO 27001', 'Write ISO/IEC 27001', hint), 'Certified to ISO/IEC 27001 and ISO27002.');
  assert.equal(after('Certified to ISO 27001 and ISO27002.', 'ISO 27001', 'Fix all non-canonical problems in this document (2)', hint), 'Certified to ISO/IEC 27001 and ISO/IEC 27002.');
  assert.equal(after('Quality: ISO 9001-2015.', 'ISO 9001-2015', 'Write ISO 9001:2015', hint), 'Quality: ISO 9001:2015.');
  assert.equal(after('Quality: ISO/IEC 9001:2015.', 'ISO/IEC 9001', 'Replace with ISO 9001:2015'), 'Quality: ISO 9001:2015.');
  const edition = 'Audits follow ISO/IEC 27001:2015.';
  assert.deepEqual(titles(edition, 'ISO/IEC 27001:2015'), [
    'Replace with ISO/IEC 27001:2022',
    'Replace with ISO/IEC 27001:2013',
    'Replace with ISO/IEC 27001:2005',
    'Ignore unknown-edition on this line',
  ]);
  assert.equal(after(edition, 'ISO/IEC 27001:2015', 'Replace with ISO/IEC 27001:2022'), 'Audits follow ISO/IEC 27001:2022.');
});

// ----- suppression comments -----

/** The text after the suppression of `code` on `needle`, and the findings left in it. */
function suppressed(text: string, needle: string, code: string, languageId: 'markdown' | 'plaintext' = 'markdown'): string {
  return after(text, needle, `Ignore ${code} on this line`, { languageId });
}

test('suppression comment at the end of a paragraph line, a list item and a nested list item (no new line splits them)', () => {
  const paragraph = '# Policy\n\nSuppliers cite BS 7799-2 in their questionnaires.\n';
  const fixed = suppressed(paragraph, 'BS 7799-2', 'renamed');
  assert.equal(fixed, '# Policy\n\nSuppliers cite BS 7799-2 in their questionnaires. <!-- normref-disable-line renamed -->\n');
  assert.deepEqual(found(fixed), []);

  const list = '# Evidence\n\n- A BS 7799-2 certificate.\n  - Or an ISO/IEC 27035-5 report.\n';
  const item = suppressed(list, 'BS 7799-2', 'renamed');
  assert.equal(item, '# Evidence\n\n- A BS 7799-2 certificate. <!-- normref-disable-line renamed -->\n  - Or an ISO/IEC 27035-5 report.\n');
  assert.deepEqual(found(item), [['unknown-part', 'ISO/IEC 27035-5']]);
  const nested = suppressed(list, 'ISO/IEC 27035-5', 'unknown-part');
  assert.equal(nested, '# Evidence\n\n- A BS 7799-2 certificate.\n  - Or an ISO/IEC 27035-5 report. <!-- normref-disable-line unknown-part -->\n');
  assert.deepEqual(found(nested), [['renamed', 'BS 7799-2']]);

  // A line that already has a comment gets the code added to it.
  const both = suppressed(item, 'ISO/IEC 27035-5', 'unknown-part');
  const twice = 'A BS 7799-2 certificate and ISO/IEC 27035-5. <!-- normref-disable-line renamed -->\n';
  assert.equal(suppressed(twice, 'ISO/IEC 27035-5', 'unknown-part'), 'A BS 7799-2 certificate and ISO/IEC 27035-5. <!-- normref-disable-line renamed unknown-part -->\n');
  assert.deepEqual(found(both), []);
});

test('suppression comment in a Markdown table: a disable/enable pair around the table', () => {
  const text = `${UNDER_2022}\n\n| Control  | Note          |\n|----------|---------------|\n| A.9.2.3  | admins        |\n| A.12.6.1 | scans         |\n| BS 7799-2 | certificate  |\n\nAfter the table: A.10.1.1.\n`;
  const fixed = suppressed(text, 'A.9.2.3', 'control-edition-mismatch');
  assert.equal(
    fixed,
    `${UNDER_2022}\n\n<!-- normref-disable control-edition-mismatch -->\n| Control  | Note          |\n|----------|---------------|\n| A.9.2.3  | admins        |\n| A.12.6.1 | scans         |\n| BS 7799-2 | certificate  |\n<!-- normref-enable control-edition-mismatch -->\n\nAfter the table: A.10.1.1.\n`,
  );
  assert.deepEqual(found(fixed), [
    ['renamed', 'BS 7799-2'],
    ['control-edition-mismatch', 'A.10.1.1'],
  ]);
  const crlf = text.replace(/\n/g, '\r\n');
  assert.equal(suppressed(crlf, 'A.9.2.3', 'control-edition-mismatch'), fixed.replace(/\n/g, '\r\n'), 'CRLF lines stay CRLF');
  assert.equal(suppressed(text.replace(/\n/g, '\r'), 'A.9.2.3', 'control-edition-mismatch'), fixed.replace(/\n/g, '\r'), 'lone carriage returns stay so');
});

test('suppression comment in plain text: the # form, indented as the line', () => {
  const text = 'SUPPLIER POLICY\n\n2.3  Continuity plans follow\n     BS 25999-2 or ISO 22301.\n';
  const fixed = suppressed(text, 'BS 25999-2', 'renamed', 'plaintext');
  assert.equal(fixed, 'SUPPLIER POLICY\n\n2.3  Continuity plans follow\n     # normref-disable-next-line renamed\n     BS 25999-2 or ISO 22301.\n');
  assert.deepEqual(found(fixed, {}, 'plaintext'), []);
});

test('suppression comment in the middle of a paragraph hides that finding only: the lines after keep their edition', () => {
  const text = '# Cloud\n\nThis scope is certified against ISO/IEC 27001:2013. Threat feeds are handled under\nA.5.7 and cloud services under\nA.5.23 in this scope.\n\nThe new data centre follows ISO/IEC 27001:2022.\n';
  assert.deepEqual(
    found(text).filter(([code]) => code === 'control-edition-mismatch'),
    [
      ['control-edition-mismatch', 'A.5.7'],
      ['control-edition-mismatch', 'A.5.23'],
    ],
  );
  const fixed = suppressed(text, 'A.5.7', 'control-edition-mismatch');
  assert.deepEqual(
    found(fixed).filter(([code]) => code === 'control-edition-mismatch'),
    [['control-edition-mismatch', 'A.5.23']],
  );
});

test('suppression comment on a line that already has one: both codes are suppressed', () => {
  const text = 'Quality: ISO 9001:2015.\n\n<!-- normref-disable-next-line renamed -->\nSuppliers cite BS 7799-2 and ISO/IEC 27035-5.\n';
  assert.deepEqual(found(text), [['unknown-part', 'ISO/IEC 27035-5']]);
  assert.deepEqual(found(suppressed(text, 'ISO/IEC 27035-5', 'unknown-part')), []);
  const plain = 'QUALITY\n\n# normref-disable-next-line renamed\nSuppliers cite BS 7799-2 and ISO/IEC 27035-5.\n';
  assert.deepEqual(found(suppressed(plain, 'ISO/IEC 27035-5', 'unknown-part', 'plaintext'), {}, 'plaintext'), []);
});

const fixtureNames = fs.readdirSync(FIXTURES).filter((name) => /\.(md|txt)$/.test(name));
const clientOf = (name: string): ClientSettings => {
  const file = path.join(FIXTURES, name.replace(/\.(md|txt)$/, '.settings.json'));
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
};

test('in every fixture, each suppression comment hides its finding and changes no other', () => {
  const problems: string[] = [];
  for (const name of fixtureNames) {
    const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
    const languageId = name.endsWith('.md') ? 'markdown' : 'plaintext';
    const client = clientOf(name);
    const document = documentOf(text, languageId);
    const settings = settingsOf(client);
    const findings = bundledService().findings(document, settings);
    // What a finding is, wherever it moves: its code, text and message without line numbers.
    const key = (code: string, written: string, message: string) => `${code} [${written}] ${message.replace(/line \d+/g, 'line N')}`;
    const before = findings.map((f) => key(f.code, text.slice(f.start, f.end), f.message));
    for (const f of findings) {
      const range = { start: document.positionAt(f.start), end: document.positionAt(f.end) };
      const action = bundledService()
        .codeActions(document, range, ['quickfix'], settings)
        .find((a) => a.title === `Ignore ${f.code} on this line` && a.diagnostics?.[0].range.start.line === range.start.line && a.diagnostics[0].range.start.character === range.start.character);
      assert.ok(action, `${name}: a suppression of ${f.code} at line ${range.start.line + 1}`);
      const fixedText = applyWorkspaceEdit(text, document.uri, action.edit);
      const fixedDocument = documentOf(fixedText, languageId);
      const afterwards = bundledService()
        .findings(fixedDocument, settings)
        .map((x) => key(x.code, fixedText.slice(x.start, x.end), x.message));
      bundledService().forget(fixedDocument.uri);
      const self = key(f.code, text.slice(f.start, f.end), f.message);
      if (afterwards.filter((k) => k === self).length >= before.filter((k) => k === self).length) problems.push(`${name}:${range.start.line + 1} ${self}: still reported`);
      // Findings of the same code on the same line (or in the same table) go with it.
      const gone = before.filter((k) => !afterwards.includes(k) && !k.startsWith(`${f.code} `));
      const added = afterwards.filter((k) => !before.includes(k));
      if (gone.length || added.length) problems.push(`${name}:${range.start.line + 1} ${self}: gone ${JSON.stringify(gone)}, added ${JSON.stringify(added)}`);
    }
    bundledService().forget(document.uri);
  }
  assert.deepEqual(problems, []);
});

// ----- fix all -----

test('source.fixAll.normref applies only the safe fixes', () => {
  // BS 7799-2 is another publisher's standard that ISO/IEC 27001 replaced: its fix is offered only.
  const text = `${UNDER_2022} Risks follow ISO/IEC 27005:2011; admins A.9.2.3; reviews A.18.2.3; audits ISO/IEC 27001:2015; suppliers BS 7799-2.`;
  const { uri, actions } = actionsOn(text, 'Risks', { only: [FIX_ALL_KIND] });
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind]),
    [['Fix all normref problems that have a safe fix', 'source.fixAll.normref']],
  );
  assert.equal(applyWorkspaceEdit(text, uri, actions[0].edit), `${UNDER_2022} Risks follow ISO/IEC 27005:2022; admins A.8.2; reviews A.18.2.3; audits ISO/IEC 27001:2015; suppliers BS 7799-2.`);
  assert.deepEqual(
    actionsOn(text, 'Risks', { only: ['source.fixAll'] }).actions.map((a) => a.kind),
    ['source.fixAll.normref'],
    'asked for every source.fixAll',
  );
  assert.deepEqual(
    actionsOn(text, 'Risks', { only: ['quickfix'] }).actions.filter((a) => a.kind === FIX_ALL_KIND),
    [],
  );
  assert.deepEqual(actionsOn('Nothing to fix: ISO/IEC 27001:2022.', 'Nothing', { only: [FIX_ALL_KIND] }).actions, []);
});

test('fixText applies the safe fixes pass after pass, until nothing changes', () => {
  const service = bundledService();
  const publisher = service.fixText(documentOf('Quality follows ISO/IEC 9001:2008.'), settingsOf());
  assert.equal(publisher.text, 'Quality follows ISO 9001:2015.');
  assert.equal(publisher.passes, 2, 'the publisher first, then the edition of ISO 9001');
  assert.deepEqual(
    publisher.fixed.map((f) => f.code),
    ['unknown-number', 'withdrawn'],
  );
  const spelling = service.fixText(documentOf('Controls follow ISO 27002:2013.'), settingsOf({ diagnostics: { 'non-canonical': 'hint' } }));
  assert.equal(spelling.text, 'Controls follow ISO/IEC 27002:2022.');
  assert.equal(spelling.passes, 2);
  const none = service.fixText(documentOf('Controls follow ISO/IEC 27002:2022.'), settingsOf());
  assert.deepEqual([none.text, none.passes, none.fixed], ['Controls follow ISO/IEC 27002:2022.', 0, []]);
});

test('fixText on every fixture leaves no safe fix to apply, and a second run changes nothing', () => {
  for (const name of fixtureNames) {
    const languageId = name.endsWith('.md') ? 'markdown' : 'plaintext';
    const settings = settingsOf(clientOf(name));
    const fixed = bundledService().fixText(documentOf(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), languageId), settings);
    const again = documentOf(fixed.text, languageId);
    const left = bundledService()
      .findings(again, settings)
      .filter((f) => f.fixes.some((x) => x.safe));
    assert.deepEqual(
      left.map((f) => `${f.code} ${fixed.text.slice(f.start, f.end)}`),
      [],
      name,
    );
    assert.equal(bundledService().fixText(again, settings).passes, 0, name);
  }
});

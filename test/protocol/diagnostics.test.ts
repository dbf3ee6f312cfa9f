// Diagnostics over real JSON-RPC: pushed on open and on every change, cleared on close, with the
// severities of the configuration the server asks for; code actions for them; and a long run of
// random incremental edits that must leave the same diagnostics as opening the final text afresh.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { positionOf, startServer, type TestServer } from '../support/lsp-client';
import { DiagnosticsInbox } from '../support/diagnostics-inbox';
import { applyWorkspaceEdit } from '../support/workspace-edit';

const POLICY = `# Access control policy

Our ISMS follows ISO/IEC 27001:2022.

Privileged access is managed under A.9.2.3. Risks are assessed as ISO/IEC 27005:2011 describes.
Suppliers may cite BS 7799-2.
`;
const README = 'https://github.com/normref/normref/blob/main/README.md';

let server: TestServer;
let inbox: DiagnosticsInbox;
/** What the server's workspace/configuration request is answered with. */
let configuration: unknown = {};

before(async () => {
  server = await startServer();
  inbox = new DiagnosticsInbox(server.connection);
  server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => configuration));
});
after(async () => server.stop());

let uris = 0;
const newUri = (extension = 'md') => `file:///diagnostics/policy-${++uris}.${extension}`;

async function change(uri: string, version: number, changes: Array<{ range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>): Promise<void> {
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
}

function rangeOf(text: string, needle: string) {
  return { start: positionOf(text, needle), end: positionOf(text, needle, needle.length) };
}

test('didOpen publishes diagnostics with code, README link, source normref and the version', async () => {
  const uri = newUri();
  await server.open(uri, 'markdown', POLICY, 1);
  const published = await inbox.next(uri, { version: 1 });
  assert.deepEqual(published.diagnostics, [
    {
      range: rangeOf(POLICY, 'A.9.2.3'),
      severity: 2,
      code: 'control-edition-mismatch',
      codeDescription: { href: `${README}#control-edition-mismatch` },
      source: 'normref',
      message:
        'A.9.2.3 is not a control of Annex A of ISO/IEC 27001:2022 (set by ISO/IEC 27001:2022, line 3). It is the 2013 control A.9.2.3 Management of privileged access rights; in 2022 it became A.8.2 Privileged access rights.',
      relatedInformation: [{ location: { uri, range: rangeOf(POLICY, 'ISO/IEC 27001:2022') }, message: 'ISO/IEC 27001:2022 sets the edition' }],
    },
    {
      range: rangeOf(POLICY, 'ISO/IEC 27005:2011'),
      severity: 2,
      code: 'withdrawn',
      codeDescription: { href: `${README}#withdrawn` },
      source: 'normref',
      message: 'ISO/IEC 27005:2011 is withdrawn: replaced by ISO/IEC 27005:2018 (2018-07), then ISO/IEC 27005:2022 (2022-10).',
    },
    {
      range: rangeOf(POLICY, 'BS 7799-2'),
      severity: 2,
      code: 'renamed',
      codeDescription: { href: `${README}#renamed` },
      source: 'normref',
      message: 'BS 7799-2 is no longer current: ISO/IEC 27001 replaced it in 2005. Cite ISO/IEC 27001.',
    },
  ]);
});

test('didChange updates the diagnostics; didClose clears them', async () => {
  const uri = newUri();
  await server.open(uri, 'markdown', POLICY, 1);
  await inbox.next(uri, { version: 1 });
  // 2011 → 2022: the withdrawn edition is current now.
  const year = positionOf(POLICY, 'ISO/IEC 27005:2011', 'ISO/IEC 27005:'.length);
  await change(uri, 2, [{ range: { start: year, end: { line: year.line, character: year.character + 4 } }, text: '2022' }]);
  const second = await inbox.next(uri, { version: 2 });
  assert.deepEqual(
    second.diagnostics.map((d) => d.code),
    ['control-edition-mismatch', 'renamed'],
  );
  // A new line with a withdrawn edition, in the same notification as a change on another line.
  const end = { line: POLICY.split('\n').length - 1, character: 0 };
  await change(uri, 3, [
    { range: { start: end, end }, text: 'Continuity follows ISO 22301:2012.\n' },
    { range: { start: positionOf(POLICY, 'BS 7799-2'), end: positionOf(POLICY, 'BS 7799-2', 9) }, text: 'ISO/IEC 27001' },
  ]);
  const third = await inbox.next(uri, { version: 3 });
  assert.deepEqual(
    third.diagnostics.map((d) => [d.code, d.range.start.line]),
    [
      ['control-edition-mismatch', 4],
      ['withdrawn', 6],
    ],
  );
  const mark = inbox.mark();
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const closed = await inbox.next(uri, { since: mark });
  assert.deepEqual(closed.diagnostics, []);
});

test('a document closed and opened again at the same address with other text gets the diagnostics of its new text', async () => {
  const uri = newUri();
  await server.open(uri, 'markdown', POLICY, 1);
  await inbox.next(uri, { version: 1 });
  const mark = inbox.mark();
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await inbox.next(uri, { since: mark });
  const other = 'Continuity follows ISO 22301:2012.\n';
  await server.open(uri, 'markdown', other, 1);
  const reopened = await inbox.next(uri, { version: 1, since: mark });
  assert.deepEqual(
    reopened.diagnostics.map((d) => [d.code, d.range]),
    [['withdrawn', rangeOf(other, 'ISO 22301:2012')]],
  );
});

test('a plain-text document gets diagnostics too, with its suppression comments', async () => {
  const uri = newUri('txt');
  const text = 'SUPPLIERS\n\n# normref-disable-next-line renamed\nSuppliers cite BS 7799-2.\nOthers cite OHSAS 18001.\n';
  await server.open(uri, 'plaintext', text, 1);
  const published = await inbox.next(uri, { version: 1 });
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.range]),
    [['renamed', rangeOf(text, 'OHSAS 18001')]],
  );
});

test('the configuration the server asks for sets the severities, and a change of it republishes', async () => {
  const uri = newUri();
  await server.open(uri, 'markdown', POLICY, 1);
  await inbox.next(uri, { version: 1 });
  try {
    configuration = { diagnostics: { withdrawn: 'error', renamed: 'off', 'control-edition-mismatch': 'hint' } };
    const mark = inbox.mark();
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const republished = await inbox.next(uri, { since: mark });
    assert.deepEqual(
      republished.diagnostics.map((d) => [d.code, d.severity]),
      [
        ['control-edition-mismatch', 4],
        ['withdrawn', 1],
      ],
    );
    configuration = { ignore: ['ISO/IEC 27005:2011'], diagnostics: { 'non-canonical': 'information' } };
    const again = inbox.mark();
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(
      (await inbox.next(uri, { since: again })).diagnostics.map((d) => [d.code, d.severity]),
      [
        ['control-edition-mismatch', 2],
        ['renamed', 2],
      ],
    );
  } finally {
    configuration = {};
    const mark = inbox.mark();
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await inbox.next(uri, { since: mark });
  }
});

test('textDocument/codeAction: the quick fixes of a diagnostic, and source.fixAll.normref', async () => {
  const uri = newUri();
  await server.open(uri, 'markdown', POLICY, 1);
  const [mismatch] = (await inbox.next(uri, { version: 1 })).diagnostics;
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: mismatch.range,
    context: { diagnostics: [mismatch], only: ['quickfix'] },
  })) as CodeAction[];
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
    [
      ['Replace with A.8.2', 'quickfix', true],
      ['Ignore control-edition-mismatch on this line', 'quickfix', false],
    ],
  );
  assert.deepEqual(actions[0].diagnostics, [mismatch], 'the action names the diagnostic the client has');
  assert.equal(applyWorkspaceEdit(POLICY, uri, actions[0].edit), POLICY.replace('A.9.2.3', 'A.8.2'));
  assert.equal(applyWorkspaceEdit(POLICY, uri, actions[1].edit), POLICY.replace('ISO/IEC 27005:2011 describes.', 'ISO/IEC 27005:2011 describes. <!-- normref-disable-line control-edition-mismatch -->'));

  const fixAll = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.normref'] },
  })) as CodeAction[];
  assert.deepEqual(
    fixAll.map((a) => [a.title, a.kind]),
    [['Fix all normref problems that have a safe fix', 'source.fixAll.normref']],
  );
  const fixed = applyWorkspaceEdit(POLICY, uri, fixAll[0].edit);
  // BS 7799-2 was replaced by another standard: its fix is offered, not applied unasked.
  assert.equal(fixed, POLICY.replace('A.9.2.3', 'A.8.2').replace('27005:2011', '27005:2022'));

  // The fixed text, sent back as the editor would, has only that left to report.
  await change(uri, 2, [{ text: fixed }]);
  assert.deepEqual((await inbox.next(uri, { version: 2 })).diagnostics.map((d) => d.code), ['renamed']);
});

// ----- random incremental edits -----

const SEED = 20240806;
const EDITS = 2000;
const BATCH = 20;
const MAX_LENGTH = 3000;

const START = `---
title: Information security policy
---

# Information security policy

Our ISMS follows ISO/IEC 27001:2022 and ISO/IEC 27002:2022; risks follow ISO/IEC 27005:2011.
Privileged access is managed under A.9.2.3, and A.8.2 Information classification is applied.
Suppliers cite BS 7799-2, ISO 27001 and ISO/IEC 27035-5.

| Control | Title | Applicable |
|---|---|---|
| A.5.7 | Threat intelligence | Yes |
| A.8.12 | Information classification | Yes |

## History

Earlier versions cited ISO/IEC 27001:2013.
`;

/** What the random edits insert: references, digits, years, structure and directives. */
const PIECES = [
  'ISO/IEC 27001:2013',
  'ISO/IEC 27001:2022',
  'ISO/IEC 27002:2013',
  'ISO 9001:2008',
  'ISO 22301:2012',
  'ISO/IEC 17799',
  'BS 7799-2',
  'OHSAS 18001',
  'ISO 27001',
  'ISO/IEC 27001:2015',
  'ISO/IEC 20000-8',
  'ISO 27999',
  'ISO/IEC 9001',
  'IEC 62443-3-3',
  'A.9.2.3',
  'A.5.23',
  'A.8.3.4',
  'A.18.2.3',
  'A.5.1 Access control',
  'control 10.1.2',
  'COBIT 2019 DSS07',
  '7',
  '.',
  '2013',
  '2022',
  ':',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '| ',
  ' |',
  '| A.9.2.3 | Management of privileged access rights |\n',
  '\n| ISO/IEC 27001:2013 | ISO/IEC 27001:2022 |\n|---|---|\n',
  '\n## History\n',
  '\n# Controls (ISO/IEC 27001:2013)\n',
  '- ',
  'formerly ',
  ' (withdrawn)',
  'now based on ',
  '. ',
  '<!-- normref-disable-next-line -->\n',
  '<!-- normref-disable-next-line withdrawn -->\n',
  '<!-- normref-disable-line renamed -->',
  '<!-- normref-disable withdrawn -->\n',
  '<!-- normref-enable -->\n',
  '<!-- normref as-of: 2021-06-01 -->\n',
  '<!-- normref edition: 2013 -->\n',
  // Pieces of directives, which edits put together and take apart.
  '<!-- normref ',
  'as-',
  'of: 2021-06-01 -->',
  'normref-',
  '```\n',
  '`',
];

interface RandomEdit {
  /** Where, as a fraction of the text's length. */
  at: number;
  /** How many characters to delete there (0: an insertion). */
  remove: number;
  insert: string;
  /** Whether it goes in the same didChange notification as the edit before it. */
  sameNotification: boolean;
}

const randomEdit: fc.Arbitrary<RandomEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 7, max: 120 }) }),
  insert: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 2, maxLength: 4 }).map((p) => p.join(' ')) }),
  // Mostly several changes to a notification, as an editor sends a quick burst of typing.
  sameNotification: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

/** The offset of a UTF-16 index as an LSP position. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** An offset moved off the middle of a CRLF, where no editor puts one. */
function outsideLineEnd(text: string, offset: number): number {
  return text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset + 1 : offset;
}

/** The diagnostics with the document's uri taken out of their related information. */
function withoutUri(diagnostics: Diagnostic[]): unknown[] {
  return diagnostics.map((d) => ({
    ...d,
    ...(d.relatedInformation ? { relatedInformation: d.relatedInformation.map((r) => ({ message: r.message, range: r.location.range })) } : {}),
  }));
}

test(`${EDITS} random incremental edits give, after every ${BATCH}, the diagnostics of the final text opened afresh`, async () => {
  const edits = fc.sample(randomEdit, { seed: SEED, numRuns: EDITS });
  const uri = newUri();
  let text = START;
  let version = 1;
  await server.open(uri, 'markdown', text, version);
  await inbox.next(uri, { version });
  let compared = 0;
  let nonEmpty = 0;
  for (let from = 0; from < edits.length; from += BATCH) {
    const before = text;
    let pending: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }> = [];
    for (const e of edits.slice(from, from + BATCH)) {
      if (pending.length && !e.sameNotification) {
        await change(uri, ++version, pending);
        pending = [];
      }
      // Keep the text from growing without end: past 3,000 characters, edits delete.
      const remove = text.length > MAX_LENGTH ? Math.max(e.remove, 200) : e.remove;
      const start = outsideLineEnd(text, Math.min(text.length, Math.floor(e.at * (text.length + 1))));
      const end = outsideLineEnd(text, Math.min(text.length, start + remove));
      const insert = text.length > MAX_LENGTH ? '' : e.insert;
      pending.push({ range: { start: positionAt(text, start), end: positionAt(text, end) }, text: insert });
      text = text.slice(0, start) + insert + text.slice(end);
    }
    if (pending.length) await change(uri, ++version, pending);
    const edited = await inbox.next(uri, { version });
    const fresh = newUri();
    await server.open(fresh, 'markdown', text, 1);
    const opened = await inbox.next(fresh, { version: 1 });
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
    assert.deepEqual(
      withoutUri(edited.diagnostics),
      withoutUri(opened.diagnostics),
      `after edit ${from + BATCH} (seed ${SEED}); the text before this batch:\n${JSON.stringify(before)}\nand after it:\n${JSON.stringify(text)}`,
    );
    compared++;
    if (opened.diagnostics.length) nonEmpty++;
  }
  assert.equal(compared, EDITS / BATCH);
  assert.ok(nonEmpty > compared / 2, `the texts had diagnostics to compare (${nonEmpty} of ${compared})`);
});

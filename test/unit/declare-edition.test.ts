// The edit behind the status bar's "declare the edition" quick pick: the text it leaves, and that
// normref then reads the document in the edition chosen, declared (or, removed, no longer declared).
import test from 'node:test';
import assert from 'node:assert/strict';
import { bundledService } from '../support/catalog';
import { documentOf } from '../support/diagnostics';
import { applyTextEdits } from '../support/workspace-edit';

/** The text after declaring `edition`, checked to be read as declared (at the end of the text, where nothing else dates it). */
function declared(text: string, edition: string | null, languageId: 'markdown' | 'plaintext' = 'markdown'): string {
  const service = bundledService();
  const after = applyTextEdits(text, service.declareEdition(documentOf(text, languageId), edition));
  const document = documentOf(after, languageId);
  const status = service.documentStatus(document, document.positionAt(after.length));
  if (edition === null) assert.equal(status.declared, undefined, `still declared: ${JSON.stringify(after)}`);
  else assert.deepEqual([status.edition, status.rule, status.declared?.edition], [edition, 'declared', edition], JSON.stringify(after));
  return after;
}

const BODY = '# Access control\n\nPrivileged access follows A.8.2.\n';

test('a document that declares nothing gets the comment at its top', () => {
  assert.equal(declared(BODY, '2013'), `<!-- normref edition: 2013 -->\n${BODY}`);
  assert.equal(declared('Privileged access follows A.8.2.\r\n', '2005', 'plaintext'), '<!-- normref edition: 2005 -->\r\nPrivileged access follows A.8.2.\r\n');
  assert.equal(declared('', '2013'), '<!-- normref edition: 2013 -->\n');
});

test('a declaration already there is rewritten, not added to', () => {
  assert.equal(declared(`<!-- normref edition: 2013 -->\n${BODY}`, '2022'), `<!-- normref edition: 2022 -->\n${BODY}`);
  assert.equal(declared(`${BODY}\n<!--normref edition "2005"-->\n`, '2013'), `${BODY}\n<!--normref edition "2013"-->\n`);
  // A comment shown in a code block is an example: the declaration is the one after it.
  const example = '```markdown\n<!-- normref edition: 2005 -->\n```\n';
  assert.equal(declared(`${example}<!-- normref edition: 2013 -->\n`, '2022'), `${example}<!-- normref edition: 2022 -->\n`);
});

test('YAML front matter gets or keeps the declaration in its normref mapping', () => {
  assert.equal(declared(`---\ntitle: Access control\n---\n${BODY}`, '2013'), `---\ntitle: Access control\nnormref:\n  edition: 2013\n---\n${BODY}`);
  assert.equal(declared(`---\r\ntitle: Access control\r\n---\r\n`, '2013'), `---\r\ntitle: Access control\r\nnormref:\r\n  edition: 2013\r\n---\r\n`);
  assert.equal(declared(`---\n---\n${BODY}`, '2022'), `---\nnormref:\n  edition: 2022\n---\n${BODY}`);
  assert.equal(declared('---\nnormref:\n    as-of: 2021-06-01\ntitle: x\n---\n', '2013'), '---\nnormref:\n    as-of: 2021-06-01\n    edition: 2013\ntitle: x\n---\n');
  assert.equal(declared('---\nnormref:\n  edition: "2013"\n---\n', '2022'), '---\nnormref:\n  edition: "2022"\n---\n');
  assert.equal(declared('---\nnormref: { as-of: 2021 }\n---\n', '2013'), '---\nnormref: { as-of: 2021, edition: 2013 }\n---\n');
  assert.equal(declared('---\nnormref: {}\n---\n', '2013'), '---\nnormref: { edition: 2013 }\n---\n');
  assert.equal(declared('---\nnormref:\n---\n', '2013'), '---\nnormref:\n  edition: 2013\n---\n');
  // An edition that is none is replaced, not shadowed by a second key.
  assert.equal(declared('---\nnormref:\n  edition: 2019\n---\n', '2013'), '---\nnormref:\n  edition: 2013\n---\n');
});

test('front matter normref does not read (TOML) leaves the declaration to a comment after it', () => {
  assert.equal(declared(`+++\ntitle = "x"\n+++\n${BODY}`, '2013'), `+++\ntitle = "x"\n+++\n<!-- normref edition: 2013 -->\n${BODY}`);
});

test('no declaration removes it, and what it alone held', () => {
  assert.equal(declared(`<!-- normref edition: 2013 -->\n${BODY}`, null), BODY);
  assert.equal(declared('Read in <!-- normref edition: 2013 --> this edition.\n', null), 'Read in  this edition.\n');
  assert.equal(declared('---\ntitle: x\nnormref:\n  edition: 2013\n---\n', null), '---\ntitle: x\n---\n');
  assert.equal(declared('---\nnormref:\n  as-of: 2021\n  edition: 2013\n---\n', null), '---\nnormref:\n  as-of: 2021\n---\n');
  assert.equal(declared('---\nnormref: { as-of: 2021, edition: 2013 }\n---\n', null), '---\nnormref: { as-of: 2021 }\n---\n');
  assert.equal(declared('---\nnormref: { edition: 2013, as-of: 2021 }\n---\n', null), '---\nnormref: { as-of: 2021 }\n---\n');
  assert.equal(declared(BODY, null), BODY);
});

// The server's document in Node (flat-text-document.ts) where a client sends what it should not,
// and where the text shrinks a long way; the fuzz suite compares everything else with the library.
import test from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FlatTextDocument } from '../../server/src/flat-text-document';

const at = (line: number, character: number) => ({ line, character });

test('a fractional character is read as the library reads it: cut to a whole one', () => {
  const mine = new FlatTextDocument('file:///a.md', 'markdown', 1, 'abcdef\nghi');
  const theirs = TextDocument.create('file:///a.md', 'markdown', 1, 'abcdef\nghi');
  const changes = [{ range: { start: at(0, 1.5), end: at(0, 3) }, text: 'X' }];
  mine.update(changes, 2);
  TextDocument.update(theirs, changes, 2);
  assert.equal(mine.getText(), theirs.getText());
  assert.equal(mine.getText(), 'aXdef\nghi');
});

test('a change without text changes nothing, and the changes around it still apply', () => {
  const document = new FlatTextDocument('file:///a.md', 'markdown', 1, 'abcdef\nghi');
  const broken = { range: { start: at(0, 0), end: at(0, 2) } } as unknown as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
  document.update([{ range: { start: at(0, 0), end: at(0, 0) }, text: 'Q' }, broken, { range: { start: at(1, 0), end: at(1, 0) }, text: '>' }], 2);
  assert.equal(document.getText(), 'Qabcdef\n>ghi');
  assert.equal(document.offsetAt(at(1, 0)), 8);
  assert.deepEqual(document.positionAt(9), at(1, 1));
  assert.equal(document.version, 2);
});

test('a large paste undone gives its memory back, and the text and positions stay right', () => {
  const document = new FlatTextDocument('file:///a.md', 'markdown', 1, 'first\nlast');
  const paste = 'x'.repeat(99) + '\n';
  document.update([{ range: { start: at(1, 0), end: at(1, 0) }, text: paste.repeat(50_000) }], 2);
  assert.equal(document.lineCount, 50_002);
  assert.equal(document.offsetAt(at(50_001, 2)), 6 + 5_000_000 + 2);
  const bytes = (d: FlatTextDocument) => (d as unknown as { bytes: Buffer }).bytes.length;
  assert.ok(bytes(document) >= 5_000_000);
  document.update([{ range: { start: at(1, 0), end: at(50_001, 0) }, text: '' }], 3);
  assert.equal(document.getText(), 'first\nlast');
  assert.deepEqual(document.positionAt(8), at(1, 2));
  assert.ok(bytes(document) < 1_000_000, `the buffer kept ${bytes(document)} bytes for 10 characters`);
});

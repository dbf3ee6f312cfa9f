// The fuzz suite's short run: a few seconds of generated policies with a fixed seed, so a failure
// is reproducible (fast-check prints the seed, path and the shrunk input). `npm run fuzz` runs the
// same properties for longer, with a new seed each time.
import test from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FlatTextDocument } from '../../server/src/flat-text-document';
import { splitBlocks } from '../../server/src/service/scan/blocks';
import { findCodeBlocks } from '../../server/src/service/scan/code-blocks';
import { IncrementalScan } from '../../server/src/service/scan/incremental';
import { withLineFeeds } from '../../server/src/service/scan/line-ends';
import { Mentions } from '../../server/src/service/scan/mentions';
import { markdownBlockSpans, type Span } from '../../server/src/service/scan/prose';
import { commonPrefix, commonSuffix } from '../../server/src/service/scan/text-diff';
import { readStandard, readStandardStepByStep } from '../../server/src/service/scan/standard';
import { bundledService, bundledVocabulary } from '../support/catalog';
import { customService } from '../support/custom-data';
import { boundaryEdits, edits, policyDocument, policyText } from './generators';
import { checkBlockScan, checkEdits, checkLineEnds, checkScan, checkService } from './properties';

const SEED = 20261201;
const settings = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });
/** The words only directives use, which the check asks a text for. */
const WORDS = ['as-of', 'normref-'];

test('fuzz: every reference lies inside the text, is the text at its range, in order', () => {
  fc.assert(fc.property(policyDocument, ({ text, format }) => checkScan(text, format)), settings(1500));
});

test('fuzz: CR and CRLF line ends give the references of LF', () => {
  const lfOnly = policyText.map((t) => t.replace(/\r\n?/g, '\n'));
  fc.assert(fc.property(lfOnly, fc.constantFrom('markdown' as const, 'plaintext' as const), (text, format) => checkLineEnds(text, format)), settings(500));
});

test('fuzz: the service answers every document without an exception, and hover agrees with the analysis', () => {
  const service = bundledService();
  fc.assert(fc.property(policyDocument, ({ text, format }) => checkService(service, text, format)), settings(400));
});

test('fuzz: incremental edits end in the analysis of a fresh document, also when the version repeats', () => {
  const service = bundledService();
  fc.assert(
    fc.property(policyDocument, edits, fc.boolean(), ({ text, format }, list, sameVersion) => checkEdits(service, text, format, list, sameVersion)),
    settings(200),
  );
});

test('fuzz: a scan that reads again only the edited blocks gives the scan of the whole text, after every edit', () => {
  fc.assert(
    fc.property(policyDocument, boundaryEdits, fc.constantFrom(1, 2, 3), ({ text, format }, list, cutOdds) => checkBlockScan(text, format, list, cutOdds)),
    settings(300),
  );
});

test('fuzz: with custom data, ids and references alike are well-formed, and the service answers every document', () => {
  const service = customService();
  fc.assert(
    fc.property(policyDocument, ({ text, format }) => {
      checkScan(text, format, service);
      checkService(service, text, format);
    }),
    settings(400),
  );
});

test('fuzz: with custom data, a scan of the edited blocks gives the scan of the whole text', () => {
  const service = customService();
  fc.assert(
    fc.property(policyDocument, boundaryEdits, fc.constantFrom(1, 2, 3), ({ text, format }, list, cutOdds) => checkBlockScan(text, format, list, cutOdds, service)),
    settings(200),
  );
});

test('fuzz: after each edit, whether a text holds a directive word is what a search of the whole text says', () => {
  // Texts of the words' own letters, so that edits make, split and join them (`as-` + `of`).
  const letters = fc.array(fc.constantFrom('as-of', 'normref-', 'a', 's', '-', 'o', 'f', 'n', 'r', 'e', 'm', ' ', '\n'), { maxLength: 40 }).map((l) => l.join(''));
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 8 }), insert: letters.map((l) => l.slice(0, 8)) });
  fc.assert(
    fc.property(letters, fc.array(edit, { maxLength: 12 }), (start, steps) => {
      const scan = new IncrementalScan('plaintext', bundledVocabulary());
      let text = start;
      scan.scan(text);
      let mentions = new Mentions(text);
      for (const word of WORDS) mentions.has(word);
      for (const { at, remove, insert } of steps) {
        const from = Math.floor(at * text.length);
        text = text.slice(0, from) + insert + text.slice(from + remove);
        const { edit } = scan.scan(text);
        mentions = new Mentions(text, { answers: mentions.answers, edit: edit! });
        for (const word of WORDS) if (mentions.has(word) !== text.includes(word)) return false;
      }
      return true;
    }),
    settings(2000),
  );
});

// The passes before the incremental scan's blocks, after an edit: the code blocks and the cuts
// into blocks read again only around the edit. Texts of the pieces that make and break Markdown
// blocks (paragraphs, fences, indents, list items, blank lines, comments, front matter, lone CRs), edited
// again and again, each result the earlier text's for the next edit, against a pass over the
// whole text. Moving any of their bounds one character closer to the edit fails.
test('fuzz: after each edit, the code blocks and blocks read around it are those of the whole text', () => {
  const line = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('Text.\n', 'More text.\n', 'x\r\n', 'a\r') },
    { weight: 3, arbitrary: fc.constantFrom('```\ncode\n```\n', '~~~~\n\n~~~~\n', '    code\n', '\tcode\n', '- item\n', '1. item\n', '  - nested\n', '<!-- c -->\n', '<!--\n\n-->\n', '---\ntitle: x\n---\n') },
  );
  const blank = fc.constantFrom('\n', '   \n', '\r\n', '\n\n');
  const paragraph = fc.tuple(fc.array(line, { minLength: 1, maxLength: 3 }), blank).map(([lines, after]) => lines.join('') + after);
  const text = fc.array(paragraph, { minLength: 3, maxLength: 40 }).map((l) => l.join(''));
  const piece = fc.oneof(line, blank, fc.constantFrom('```', '~', '    ', '\t', '\n', '\r', ' ', 'a', '-', '1.', '`', '<!--', '-->', '```\n', '~~~\n', '---\n'));
  // Positions evenly spread (fast-check's doubles crowd at 0 and 1, before or after everything).
  const edit = fc.record({ at: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000), remove: fc.integer({ min: 0, max: 6 }), insert: fc.array(piece, { maxLength: 4 }).map((l) => l.join('')) });
  fc.assert(
    fc.property(text, fc.array(edit, { minLength: 1, maxLength: 10 }), fc.constantFrom(1, 2, 3), (start, steps, cutOdds) => {
      let written = start;
      let codeBlocks: readonly Span[] = findCodeBlocks(withLineFeeds(written));
      let spans = markdownBlockSpans(withLineFeeds(written));
      let blocks = splitBlocks(withLineFeeds(written), spans, cutOdds);
      for (const { at, remove, insert } of steps) {
        const from = Math.floor(at * written.length);
        const next = written.slice(0, from) + insert + written.slice(from + remove);
        const prefix = commonPrefix(written, next);
        const textEdit = { lengthBefore: written.length, prefix, suffix: commonSuffix(written, next, prefix) };
        const text = withLineFeeds(next);
        const found = findCodeBlocks(text, { spans: codeBlocks, edit: textEdit });
        assert.deepStrictEqual(found, findCodeBlocks(text), `code blocks of ${JSON.stringify(next)}`);
        const nextSpans = markdownBlockSpans(text);
        const split = splitBlocks(text, nextSpans, cutOdds, { blocks, spans, edit: textEdit });
        assert.deepStrictEqual(split, splitBlocks(text, nextSpans, cutOdds), `blocks of ${JSON.stringify(next)}`);
        [written, codeBlocks, spans, blocks] = [next, found, nextSpans, split];
      }
    }),
    settings(3000),
  );
});

// The server's document in Node (flat-text-document.ts) against the library's, which it replaces:
// after any edits, the text and the lines and positions of a library document opened with the
// text so far and given one change (the library's own update miscounts lines after a range past
// the document's end, and the next change of the same batch lands in the wrong place). Edits as a client may send them: past a line's end, end before start, past the
// last line; texts of line ends, one-byte and wider characters, so that edits split and join \r\n
// and widen the text.
test('fuzz: the flat document has the text, lines and positions of the library document after any edits', () => {
  const alphabet = fc.constantFrom('a', 'é', '\r', '\n', '\r\n', ' ', '—', '😀', '|');
  const short = fc.array(alphabet, { maxLength: 12 }).map((xs) => xs.join(''));
  // Now and then a paste of many lines, which the line starts take another way.
  const chunk = fc.oneof({ weight: 6, arbitrary: short }, { weight: 1, arbitrary: fc.tuple(short, fc.integer({ min: 2, max: 40 })).map(([t, n]) => `${t}\n`.repeat(n)) });
  const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 14 }) });
  const change = fc.oneof(
    { weight: 12, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: chunk }) },
    { weight: 1, arbitrary: fc.record({ text: chunk }) },
  );
  fc.assert(
    fc.property(chunk, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), (text, batches) => {
      const mine = new FlatTextDocument('file:///a.md', 'markdown', 1, text);
      let theirs = TextDocument.create('file:///a.md', 'markdown', 1, text);
      let version = 1;
      for (const changes of batches) {
        version++;
        FlatTextDocument.configuration.update(mine, changes, version);
        // One change at a time to a library document opened with the text so far.
        for (const one of changes) {
          theirs = TextDocument.create('file:///a.md', 'markdown', version, theirs.getText());
          TextDocument.update(theirs, [one], version);
        }
        assert.equal(mine.getText(), theirs.getText());
        assert.equal(mine.version, version);
        const fresh = TextDocument.create('file:///a.md', 'markdown', version, theirs.getText());
        assert.equal(mine.lineCount, fresh.lineCount);
        for (let offset = -1; offset <= fresh.getText().length + 1; offset++) assert.deepEqual(mine.positionAt(offset), fresh.positionAt(offset));
        for (let line = -1; line <= fresh.lineCount; line++) {
          for (let character = -1; character <= 15; character++) assert.equal(mine.offsetAt({ line, character }), fresh.offsetAt({ line, character }));
        }
        const range = { start: { line: 0, character: 1 }, end: { line: 2, character: 3 } };
        assert.equal(mine.getText(range), fresh.getText(range));
      }
    }),
    { ...settings(1500), endOnFailure: false },
  );
});

test('fuzz: the one-step reading of common standard spellings gives what the step-by-step reader gives', () => {
  // A spelling the one-step reading may take (publisher, number, part, year), then what may follow it.
  const pick = (...xs: string[]) => fc.constantFrom(...xs);
  const tail = pick(
    '', ' ', '  ', '\u00A0', '\u202F', '\n', '\t', '-', '‐', '1', 'a', 'E', 'ſ', '.', '.2', '. ', ':', ': 2013', ':1899', '-10', '/', ' /', '/Amd 1:2024', '/Cor.1', '+A1:2024',
    ' series', ' Series', ' family', ' Suite', ' ſeries', ' Ed 2', ' Ed', 'ED1', ' Edition 3', '(', ' (2013)', '(all parts)', ' (all parts)', '(en)', ',', ';', ')', '`', '*', '_',
    ' and', ' is', ' TR', ' 5.15', ' A.5.15', ' - 5.1', ' ISO 9001', '!', '?', '|', '"', "'", ']',
  );
  const spelling = fc.tuple(
    pick('', 'EN ', 'BS EN ', 'Guide ', 'DIS ', 'x', '/', '-', ' '),
    pick('ISO', 'IEC', 'ISO/IEC', 'ISO/IEC/IEEE', 'IWA', 'ISO/TR', 'ISO-IEC'),
    pick(' ', '', '-', '  ', '\u00A0'),
    pick('27001', '9001', '400', '27', '1234567', '62443', '17799'),
    pick('', '-1', '-3-3', '-2015', '-12', '-123456', '-1A'),
    pick('', ':2022', ':2013', ':1899', ':2022-10', ':20222'),
    fc.array(tail, { maxLength: 3 }),
  ).map(([before, publisher, space, number, part, year, after]) => before + publisher + space + number + part + year + after.join(''));
  fc.assert(
    fc.property(spelling, (t) => {
      for (let at = t.indexOf('I'); at >= 0; at = t.indexOf('I', at + 1)) {
        if (!/^(?:ISO|IEC|IWA)/.test(t.slice(at))) continue;
        assert.deepEqual(readStandard(t, at), readStandardStepByStep(t, at), `${JSON.stringify(t)} at ${at}`);
      }
    }),
    settings(20000),
  );
});

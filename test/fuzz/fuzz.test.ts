// The fuzz suite's short run: a few seconds of generated policies with a fixed seed, so a failure
// is reproducible (fast-check prints the seed, path and the shrunk input). `npm run fuzz` runs the
// same properties for longer, with a new seed each time.
import test from 'node:test';
import fc from 'fast-check';
import { IncrementalScan } from '../../server/src/service/scan/incremental';
import { Mentions } from '../../server/src/service/scan/mentions';
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

// The id patterns of custom data: what the safe subset accepts and how it writes it out, what it
// refuses and why, and that matching stays fast on the inputs that make backtracking explode.
import test from 'node:test';
import assert from 'node:assert/strict';
import { checkPattern, MAX_PATHS } from '../../server/src/service/custom/pattern';
import { findInternal } from '../../server/src/service/scan/internal';

function accepted(pattern: string): string {
  const checked = checkPattern(pattern);
  assert.equal(checked.problem, undefined, `${pattern}: ${checked.problem}`);
  return checked.source!;
}

function refused(pattern: string): { problem: string; at: number } {
  const checked = checkPattern(pattern);
  assert.ok(checked.problem !== undefined, `${pattern} is refused`);
  return checked as { problem: string; at: number };
}

test('the patterns organisations number their documents with are accepted, groups made non-capturing', () => {
  assert.equal(accepted('POL-[A-Z]{2}-\\d{2}'), 'POL-[A-Z]{2}-\\d{2}');
  assert.equal(accepted('ISMS-\\d{1,4}(\\.\\d{1,2})?'), 'ISMS-\\d{1,4}(?:\\.\\d{1,2})?');
  assert.equal(accepted('(POL|PRO|STD)-[A-Z]{2,4}-\\d{2,3}'), '(?:POL|PRO|STD)-[A-Z]{2,4}-\\d{2,3}');
  assert.equal(accepted('NEN 7510(?:-[12])?(?::20\\d\\d)?'), 'NEN 7510(?:-[12])?(?::20\\d\\d)?');
  assert.equal(accepted('A\\-B\\.C'), 'A-B\\.C', 'an escaped hyphen is a hyphen');
  assert.equal(accepted('[A-Z\\-_]{2}\\w'), '[A-Z\\-_]{2}\\w');
  assert.equal(accepted('É-\\d{2}'), 'É-\\d{2}');
});

test('the classic catastrophic patterns are refused, each with its reason and place', () => {
  assert.deepEqual(refused('(a+)+$'), { problem: '"+" repeats without a bound: write one, e.g. {1,6}', at: 2 });
  assert.deepEqual(refused('(a|aa)*'), { problem: '"*" repeats without a bound: write one, e.g. {1,6}', at: 6 });
  assert.match(refused('(.*a){20}').problem, /"\." matches any character/);
  assert.match(refused('a{2,}').problem, /"\{2,\}" repeats without a bound: write one, e.g. \{2,6\}/);
  // Bounded, but with exponentially many ways to match: refused by their count.
  assert.match(refused('(a|b){2,20}').problem, new RegExp(`more than ${MAX_PATHS} ways of matching`));
  assert.match(refused(`${'a?'.repeat(10)}${'a'.repeat(10)}`).problem, /ways of matching/);
  assert.match(refused('([A-Z]{1,4}){1,4}-\\d').problem, /ways of matching/);
});

test('what the subset leaves out is refused with a word on what to write instead', () => {
  const reasons: Array<[string, RegExp, number]> = [
    ['(?=POL)[A-Z]{3}', /lookarounds/, 0],
    ['(?<!X)POL', /lookarounds/, 0],
    ['(?<name>POL)', /only \(…\) and \(\?:…\) groups/, 0],
    ['(POL)-\\1', /backreferences/, 6],
    ['POL-[^ ]{2}', /negated classes/, 5],
    ['^POL-\\d{2}$', /"\^" is not needed/, 0],
    ['\\bPOL\\b', /"\\b" is not needed/, 0],
    ['POL\\s\\d{2}', /"\\s" is not supported: an id is on one line/, 3],
    ['POL\t\\d{2}', /line breaks, tabs/, 3],
    ['POL-\\d{33}', /at most 32 repetitions/, 6],
    ['POL-\\d{1,2}{2}', /after a repetition/, 11],
    ['[z-a]{2}', /is not a range/, 3],
    ['(POL', /unclosed group/, 0],
    ['POL)', /unmatched "\)"/, 3],
    ['[PO', /unclosed class/, 0],
    ['P', /shorter than two characters/, 0],
    ['x?y?', /shorter than two characters/, 0],
    ['[A-Z]{32}[A-Z]{32}\\d', /up to 65 characters; at most 64/, 0],
    ['A'.repeat(201), /longer than 200 characters/, 200],
  ];
  for (const [pattern, reason, at] of reasons) {
    const { problem, at: where } = refused(pattern);
    assert.match(problem, reason, pattern);
    assert.equal(where, at, `${pattern}: at ${where}`);
  }
});

test('the costliest pattern allowed reads a megabyte of words it nearly matches at once', () => {
  // 10 × 10 ways of matching, tried at the start of every word, none of which matches. A pattern
  // that backtracks exponentially would take minutes; the growth guards (test/fuzz) check that
  // the cost is linear.
  const schemes = [{ scheme: 'Worst allowed', source: accepted('[A-Z]{1,10}[A-Z0-9]{0,9}-\\d') }];
  const text = 'AAAAAAAAAAAAAAAAAAA '.repeat(50_000);
  const started = performance.now();
  assert.deepEqual(findInternal(text, schemes, { skip: (offset) => offset }), []);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 2000, `${elapsed.toFixed(0)} ms`);
});

// What the hover and `normref lookup` say, in words a reader checks.
import test from 'node:test';
import assert from 'node:assert/strict';
import { bundledService } from '../support/catalog';

function markdown(text: string): string {
  const found = bundledService().lookup(text);
  assert.ok(found);
  return found.markdown;
}

test('an undated reference says which edition is current, with the summary, committee and family', () => {
  const md = markdown('ISO 27001');
  assert.match(md, /^\*\*ISO\/IEC 27001:2022\*\* · Published · 2022-10/);
  assert.match(md, /No year given: this is the latest edition, in force/);
  assert.match(md, /Committee: ISO\/IEC JTC 1\/SC 27 \(Information security, cybersecurity and privacy protection\)/);
  assert.match(md, /Part of: ISO\/IEC 27000 family/);
  assert.match(md, /Editions: 2005 \(withdrawn\), 2013 \(withdrawn\), 2022/);
  assert.match(md, /\[ISO\/IEC 27001:2022 on iso\.org\]\(https:\/\/www\.iso\.org\/standard\/82875\.html\)/);
});

test('a withdrawn edition names its replacement with a link', () => {
  const md = markdown('ISO/IEC 27002:2013');
  assert.match(md, /Withdrawn/);
  assert.match(md, /Replaced by: \[ISO\/IEC 27002:2022\]\(https:\/\/www\.iso\.org\/standard\/75652\.html\)/);
  assert.doesNotMatch(md, /Current edition/, 'the replacement is the current edition: said once');
});

test('a withdrawn edition whose successor was replaced in turn names the chain to today', () => {
  const md = markdown('ISO/IEC 27001:2005');
  assert.match(md, /Replaced by: \[ISO\/IEC 27001:2013\]\([^)]+\) \(withdrawn; now \[ISO\/IEC 27001:2022\]/);
  assert.doesNotMatch(md, /Current edition:/, 'the chain already names it');
  // A document split into parts, each replaced again: 27035:2011 → 27035-1:2016 → 27035-1:2023.
  assert.match(markdown('ISO/IEC 27035:2011'), /\[ISO\/IEC 27035-1:2016\]\([^)]+\) \(withdrawn; now \[ISO\/IEC 27035-1:2023\]/);
  // A replacement the source data leaves out (data/catalog-corrections.yaml).
  assert.match(markdown('ISO Guide 73:2009'), /Replaced by: \[ISO 31073:2022\]/);
});

test('a base edition names its amendments; an amendment shows its own date', () => {
  assert.match(markdown('ISO/IEC 27001:2022'), /Amended by: \[ISO\/IEC 27001:2022\/Amd 1:2024\]/);
  assert.match(markdown('ISO/IEC 27001:2022/Amd 1:2024'), /^\*\*ISO\/IEC 27001:2022\/Amd 1:2024\*\* · Published · 2024\n/);
  assert.match(markdown('ISO/IEC 27001:2022/Amd 1:2024'), /Requirements — Amendment 1: Climate action changes/, '"--" reads as a dash');
});

test('a former name says what it was before what it became', () => {
  assert.match(markdown('BS 7799-2:2002'), /^\*\*BS 7799-2:2002\*\* · BSI · now ISO\/IEC 27001\n/);
  assert.match(markdown('BS 7799-2:2002'), /Became ISO\/IEC 27001:2022 · Published/);
});

test('a draft stage that is over, and a withdrawn document without successor, say so', () => {
  assert.match(markdown('ISO/IEC DIS 27002'), /No DIS of ISO\/IEC 27002 is under development: that stage is over/);
  assert.match(markdown('ISO/IEC 20162:2001'), /Withdrawn; the catalog names no successor/);
});

test('an edition that never existed lists the ones that did', () => {
  const md = markdown('ISO/IEC 27001:2019');
  assert.match(md, /No edition of ISO\/IEC 27001 is dated 2019/);
  assert.match(md, /Editions: 2005 \(withdrawn\), 2013 \(withdrawn\), 2022/);
});

test('a number the catalog lacks is still recognised and says so', () => {
  assert.match(markdown('ISO 99999'), /No deliverable with this number is in normref's catalog/);
  assert.match(markdown('IEC 62443-3-3'), /IEC-only standards are recognised but not described/);
});

test('a former name says what it became', () => {
  assert.match(markdown('BS 7799-2'), /BS 7799-2 \(BSI\): .* Now: ISO\/IEC 27001/);
});

test('a superseded framework version names its successor', () => {
  const md = markdown('COBIT 5');
  assert.match(md, /\*\*COBIT 5\*\* · Control Objectives for Information and Related Technologies · ISACA/);
  assert.match(md, /Superseded · released 2012 · superseded by COBIT 2019/);
});

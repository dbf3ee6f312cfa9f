// The resolve stage against the bundled catalog: which edition a reference means, and why.
import test from 'node:test';
import assert from 'node:assert/strict';
import { statusOfStage } from '../../server/src/service/catalog';
import { summarize } from '../../server/src/service';
import type { Resolution, StandardResolution } from '../../server/src/service/resolve';
import { bundledService } from '../support/catalog';

function resolved(text: string): Resolution {
  const found = bundledService().lookup(text);
  assert.ok(found, `"${text}" is a reference`);
  return found.resolution;
}
function standard(text: string): StandardResolution {
  const r = resolved(text);
  assert.equal(r.kind, 'standard');
  return r as StandardResolution;
}

const TABLE: Array<[text: string, match: string, reference: string | null]> = [
  ['ISO 27001', 'latest', 'ISO/IEC 27001:2022'],
  ['ISO/IEC 27001', 'latest', 'ISO/IEC 27001:2022'],
  ['ISO/IEC 27001:2013', 'edition', 'ISO/IEC 27001:2013'],
  ['ISO 27002 : 2013', 'edition', 'ISO/IEC 27002:2013'],
  ['ISO/IEC 27001:2019', 'no-such-edition', null],
  ['ISO 99999', 'unknown', null],
  ['IEC 62443-3-3', 'unknown', null],
  ['EN ISO/IEC 27001:2017', 'adopted-edition', 'ISO/IEC 27001:2013'],
  ['BS 7799-2', 'former-name', 'ISO/IEC 27001:2022'],
  ['BS 7799-1', 'former-name', 'ISO/IEC 27002:2022'],
  ['ISO/IEC 17799:2005', 'edition', 'ISO/IEC 17799:2005'],
  ['ISO/IEC 27001:2022/Amd 1:2024', 'supplement', 'ISO/IEC 27001:2022/Amd 1:2024'],
  ['ISO/IEC 27001:2022/Amd 2', 'no-such-supplement', 'ISO/IEC 27001:2022'],
  ['ISO/IEC 27002:2013/Cor 1:2014', 'supplement', 'ISO/IEC 27002:2013/Cor 1:2014'],
  ['ISO/IEC TR 20000-4:2010', 'edition', 'ISO/IEC TR 20000-4:2010'],
  ['ISO/IEC 20000-1', 'latest', 'ISO/IEC 20000-1:2018'],
  ['ISO Guide 73', 'latest', 'ISO Guide 73:2009'],
  ['ISO/IEC 12207', 'latest', 'ISO/IEC/IEEE 12207:2017'],
];

for (const [text, match, reference] of TABLE) {
  test(`${text} resolves (${match}) to ${reference ?? 'nothing'}`, () => {
    const r = standard(text);
    assert.equal(r.match, match);
    assert.equal(r.deliverable?.reference ?? null, reference);
  });
}

test('a withdrawn edition knows the current one', () => {
  const r = standard('ISO/IEC 27001:2013');
  assert.equal(r.deliverable?.status, 'withdrawn');
  assert.equal(r.current?.reference, 'ISO/IEC 27001:2022');
  assert.deepEqual(r.editions.map((e) => e.year), [2005, 2013, 2022]);
});

test('a former name carries its history', () => {
  const r = standard('ISO/IEC 17799:2005');
  assert.equal(r.formerName?.now, 'ISO/IEC 27002');
});

test('frameworks resolve to their version, superseded or current', () => {
  assert.deepEqual(summarize(resolved('COBIT 2019')), { reference: 'COBIT 2019', title: 'Control Objectives for Information and Related Technologies', status: 'published', url: 'https://www.isaca.org/resources/cobit' });
  assert.equal(summarize(resolved('COBIT 5'))?.status, 'withdrawn');
  assert.equal(summarize(resolved('ITIL v3'))?.status, 'withdrawn');
  const unknown = resolved('COBIT 4');
  assert.ok(unknown.kind === 'framework' && unknown.unknownVersion);
  assert.equal(summarize(unknown), null);
});

test('summaries in the JSON shape the CLI prints', () => {
  assert.deepEqual(summarize(resolved('ISO/IEC 27002:2022')), {
    reference: 'ISO/IEC 27002:2022',
    title: 'Information security, cybersecurity and privacy protection - Information security controls',
    status: 'published',
    url: 'https://www.iso.org/standard/75652.html',
  });
});

test('a series, a family or a number of many parts resolves to its parts, with the family where there is one', () => {
  for (const text of ['ISO/IEC 20000', 'ISO 20000', 'ISO/IEC 20000 series']) {
    const r = standard(text);
    assert.equal(r.match, 'series', text);
    // The id says what the text says; what it resolved to is the series.
    assert.equal(r.id, text.endsWith('series') ? 'ISO/IEC 20000 series' : 'ISO/IEC 20000');
    assert.equal(summarize(r)?.reference, 'ISO/IEC 20000 series');
    assert.equal(r.family?.name, 'ISO/IEC 20000 series');
    assert.deepEqual(r.parts!.slice(0, 3).map((p) => p.reference), ['ISO/IEC 20000-1:2018', 'ISO/IEC 20000-2:2019', 'ISO/IEC 20000-3:2019']);
  }
  const family = standard('ISO27k');
  assert.equal(family.family?.name, 'ISO/IEC 27000 family');
  assert.ok(family.parts!.some((p) => p.reference === 'ISO/IEC 27001:2022'));
  const multipart = standard('ISO 27033');
  assert.equal(multipart.id, 'ISO/IEC 27033');
  assert.equal(multipart.family, undefined);
  assert.ok(multipart.parts!.length >= 7);
  assert.deepEqual(summarize(resolved('ISO 27033'))?.reference, 'ISO/IEC 27033 series');
  // The document itself, when the text does not say series.
  assert.equal(standard('ISO/IEC 27000').deliverable?.reference, 'ISO/IEC 27000:2018');
});

test('a Guide, an IWA and a TTA are numbered on their own: ISO Guide 73 is not ISO/R 73, IWA 1 not ISO 1', () => {
  const guide = standard('ISO Guide 73');
  assert.equal(guide.deliverable?.reference, 'ISO Guide 73:2009');
  assert.ok(guide.editions.every((e) => e.type === 'Guide'), guide.editions.map((e) => e.reference).join(', '));
  assert.match(standard('IWA 1').deliverable?.reference ?? '', /^IWA 1:/);
  assert.equal(standard('ISO 2').deliverable?.reference, 'ISO 2:1973');
  assert.equal(standard('ISO/IEC Guide 2').deliverable?.reference, 'ISO/IEC Guide 2:2004');
});

test('the status of a stage: published from 60.60, withdrawn at 95.99, cancelled when stopped, else under development', () => {
  assert.equal(statusOfStage(6060), 'published');
  assert.equal(statusOfStage(9093), 'published');
  assert.equal(statusOfStage(9599), 'withdrawn');
  // 10.99 is "new project approved": the work has started.
  assert.equal(statusOfStage(1099), 'under-development');
  assert.equal(statusOfStage(4020), 'under-development');
  for (const stopped of [98, 998, 1098, 2098, 3098, 4098, 5098]) assert.equal(statusOfStage(stopped), 'cancelled', String(stopped));
});

test('publishers that do not publish the number: ISO/IEC has no 270 (ISO 270 is ISO’s alone)', () => {
  const r = standard('ISO/IEC 270');
  assert.equal(r.match, 'other-publisher');
  assert.equal(r.deliverable, undefined);
  assert.equal(r.otherPublisher?.reference, 'ISO 270:1975');
  assert.match(bundledService().lookup('ISO/IEC 270')!.markdown, /ISO\/IEC publishes no document 270; ISO 270 is ISO's/);
  // Dropping a co-publisher is how people write: ISO 27001 is ISO/IEC 27001.
  assert.equal(standard('ISO 27001').deliverable?.reference, 'ISO/IEC 27001:2022');
});

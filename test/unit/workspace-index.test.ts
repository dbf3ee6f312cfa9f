// The workspace index on an in-memory workspace of many documents: references across all of
// them, counted independently of normref (from how the documents were written), updates and
// removals, and 2013 numbers found under the 2022 control they became.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createService, MemoryWorkspace } from '../../server/src/service';
import { readCatalogSources } from '../../server/src/data-files';

const DOCUMENTS = 400;
/** Document i cites A.5.(i mod 37 + 1) under 2022; every 10th also the 2013 A.9.1.1 (which became 5.15). */
function policy(i: number): string {
  const lines = [`# Policy ${i}`, '', `Our ISMS follows ISO/IEC 27001:2022. This policy implements A.5.${(i % 37) + 1}.`];
  if (i % 10 === 0) lines.push('', 'The 2013 text cited ISO/IEC 27001:2013 A.9.1.1 Access control policy.');
  return `${lines.join('\n')}\n`;
}

test(`${DOCUMENTS} documents: every citation of A.5.15, then the 2013 numbers that map to it`, async () => {
  const service = createService(readCatalogSources());
  const workspace = new MemoryWorkspace();
  for (let i = 0; i < DOCUMENTS; i++) workspace.set(`memory:///p/${String(i).padStart(4, '0')}.md`, policy(i));
  assert.equal(await service.indexWorkspace(workspace), DOCUMENTS);
  assert.equal(service.indexed, DOCUMENTS);
  const first = (await workspace.read('memory:///p/0014.md'))!;
  const line = first.getText().split('\n')[2];
  const found = service.references(first, { line: 2, character: line.indexOf('A.5.15') + 2 });
  const direct = Array.from({ length: DOCUMENTS }, (_, i) => i).filter((i) => (i % 37) + 1 === 15).length;
  const mapped = Array.from({ length: DOCUMENTS }, (_, i) => i).filter((i) => i % 10 === 0).length;
  assert.equal(found.length, direct + mapped);
  // Written citations first, in document order; then the mapped ones.
  assert.ok(found.slice(0, direct).every((l) => l.range.start.line === 2));
  assert.ok(found.slice(direct).every((l) => l.range.start.line === 4));

  // A document changed and one removed: the next query sees both.
  workspace.set('memory:///p/0014.md', 'Nothing cited here.\n');
  service.indexDocument((await workspace.read('memory:///p/0014.md'))!);
  service.unindex('memory:///p/0051.md');
  const coverage = service.coverage('2022');
  const c515 = coverage.themes[0].controls.find((c) => c.id === '5.15')!;
  assert.equal(c515.citations.filter((c) => !c.mapped).length, direct - 2);
  assert.equal(c515.citations.filter((c) => c.mapped).length, mapped);
  assert.equal(coverage.documents, DOCUMENTS - 1);
});

test('an answer asked for again follows the documents that came, changed and went since', async () => {
  const service = createService(readCatalogSources());
  const workspace = new MemoryWorkspace();
  const cite = (uri: string, text: string) => {
    workspace.set(uri, text);
    return workspace.read(uri).then((d) => service.indexDocument(d!));
  };
  // Indexed out of URI order: the answer is in URI order all the same.
  await cite('memory:///p/c.md', 'Under ISO/IEC 27001:2022 A.5.15.\n');
  await cite('memory:///p/a.md', 'See A.5.15 of ISO/IEC 27001:2022.\n');
  await cite('memory:///p/b.md', 'Nothing cited here.\n');
  const asker = (await workspace.read('memory:///p/a.md'))!;
  const ask = () => service.references(asker, { line: 0, character: 6 }).map((l) => `${l.uri.slice(-4)} ${l.range.start.line}:${l.range.start.character}`);
  assert.deepEqual(ask(), ['a.md 0:4', 'c.md 0:25']);

  // A document begins to cite it, one moves its citation, one is unindexed: each shows at once.
  await cite('memory:///p/b.md', 'Now A.5.15 of ISO/IEC 27001:2022 too.\n');
  assert.deepEqual(ask(), ['a.md 0:4', 'b.md 0:4', 'c.md 0:25']);
  await cite('memory:///p/c.md', '\nMoved: ISO/IEC 27001:2022 A.5.15, and the 2013 A.9.1.1 of ISO/IEC 27001:2013.\n');
  assert.deepEqual(ask(), ['a.md 0:4', 'b.md 0:4', 'c.md 1:26', 'c.md 1:47']);
  service.unindex('memory:///p/b.md');
  assert.deepEqual(ask(), ['a.md 0:4', 'c.md 1:26', 'c.md 1:47']);
  await cite('memory:///p/c.md', 'Nothing cited here now.\n');
  assert.deepEqual(ask(), ['a.md 0:4']);

  // An answer changed by its caller does not change the next one.
  service.references(asker, { line: 0, character: 6 }).length = 0;
  assert.deepEqual(ask(), ['a.md 0:4']);
});

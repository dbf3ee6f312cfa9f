// The coverage report's formats with names a user's tree may hold: a file name with a comma,
// quotes, a pipe or markup must not break the CSV, the Markdown table or the page, and a name
// that a spreadsheet would read as a formula is quoted.
import test from 'node:test';
import assert from 'node:assert/strict';
import { coverageCsv, coverageHtml, coverageMarkdown, MemoryWorkspace } from '../../server/src/service';
import { bundledService } from '../support/catalog';

const NAMES = ['a,b "c".md', 'x|y.md', '<img src=x onerror=alert(1)>.md', '=HYPERLINK("http://evil").md'];

async function report() {
  const service = bundledService();
  const workspace = new MemoryWorkspace();
  for (const name of NAMES) workspace.set(`file:///t/${encodeURIComponent(name)}`, 'ISO/IEC 27001:2022 A.5.15 Access control.\n');
  await service.indexWorkspace(workspace);
  const r = service.coverage('2022');
  for (const name of NAMES) service.unindex(`file:///t/${encodeURIComponent(name)}`);
  return r;
}
const placeOf = (uri: string) => decodeURIComponent(uri.slice('file:///t/'.length));

test('csv: fields with commas, quotes and formulas are quoted as RFC 4180 and OWASP say', async () => {
  const row = coverageCsv(await report(), placeOf)
    .split('\r\n')
    .find((r) => r.startsWith('5.15,'))!;
  assert.equal(row, `5.15,Access control,5 Organizational controls,yes,"<img src=x onerror=alert(1)>.md;=HYPERLINK(""http://evil"").md;a,b ""c"".md;x|y.md"`);
  const lone = coverageCsv({ ...(await report()), themes: [{ id: '5', title: 'T', covered: 1, controls: [{ id: '5.15', title: '=1+1', citations: [] }] }] }, placeOf);
  assert.ok(lone.includes(`5.15,'=1+1,5 T,no,`), lone);
});

test('markdown: a pipe in a file name does not end the cell', async () => {
  const md = coverageMarkdown(await report(), placeOf);
  assert.ok(md.includes('x\\|y.md:1'), md.slice(0, 2000));
});

test('html: names are escaped, nothing runs but the page\'s own nonce-bearing elements', async () => {
  const html = coverageHtml(await report(), { placeOf, nonce: 'n0nce' });
  assert.ok(!html.includes('<img'), 'markup from a file name is text');
  assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;.md:1'));
  assert.match(html, /content="default-src 'none'; style-src 'nonce-n0nce'"/);
  assert.equal((html.match(/<style nonce="n0nce">/g) ?? []).length, 1);
  assert.ok(!html.includes('<script'));
});

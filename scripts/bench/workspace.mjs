// The workspace index: the language server opens a folder of 10,000 policies (100 MB) as Neovim
// or Emacs would (the server reads the folder itself), indexes it in the background; then the
// time it took, the server's memory, a hover sent while it indexes, and Find All References over
// the indexed set. `node scripts/bench/workspace.mjs [--quick]` runs it alone (after `npm run build`).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writePolicyTree } from './check.mjs';
import { INITIALIZE_PARAMS, startClient } from './lsp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const server = path.join(root, 'dist', 'server.js');

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** Where a document cites ISO/IEC 27001/27002, a control, COBIT or ITIL: the places references are asked at. */
function citationsOf(file, text) {
  const uri = pathToFileURL(file).href;
  const places = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/ISO\/IEC 270\d\d|A\.\d+\.\d+|COBIT|ITIL/g)) places.push({ uri, word: m[0], position: { line: i, character: m.index + 2 } });
  });
  return places;
}

export async function workspaceBench({ quick = false, heading = (t) => console.log(`\n== ${t}`) } = {}) {
  const FILES = quick ? 1_000 : 10_000;
  const CHARS = quick ? 10e6 : 100e6;
  const SPREAD_DOCUMENTS = 30;
  const WARM_UP = 20;
  const QUERIES = 300;
  heading(`7. The workspace index: ${FILES.toLocaleString('en')} files`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-bench-workspace-'));
  const results = [];
  const record = (name, value, unit, target, ok) => results.push({ name, value, unit, target, ok });
  try {
    const total = writePolicyTree(dir, FILES, CHARS, 9);
    console.log(
      `method: ${FILES.toLocaleString('en')} Markdown policies (${(total / 1e6).toFixed(1)} MB, corpus generator seed 9) in a temporary folder, opened as the workspace folder (rootUri) of` +
        ' `node dist/server.js --stdio`; the time is from `initialized` to the server\'s "indexed N policy documents" log line; VmRSS right after.' +
        ' A hover is sent on an opened document 100 ms after `initialized`, while the index is read. Then Find All References, one request at a time, request written → response parsed:' +
        ` the first after the index is read (on ISO/IEC 27001 or a control of that document); ${WARM_UP} warm-up requests; then ${QUERIES} on the citations of ISO/IEC 270xx, Annex A controls, COBIT and ITIL` +
        ` in ${SPREAD_DOCUMENTS} documents spread over the workspace (opened), in a scattered order, p50 / p99.`,
    );
    const client = startClient(process.execPath, [server, '--stdio']);
    await client.request('initialize', { ...INITIALIZE_PARAMS, rootUri: pathToFileURL(dir).href });
    const started = performance.now();
    client.notify('initialized', {});
    // A document opened while the index is read: its first hover must not wait for the index.
    const first = path.join(dir, 'area-000', 'policy-1.md');
    const text = fs.readFileSync(first, 'utf8');
    const uri = pathToFileURL(first).href;
    await new Promise((r) => setTimeout(r, 100));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const places = citationsOf(first, text);
    const hoverStart = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: places[0].position });
    const hoverMs = performance.now() - hoverStart;
    let indexedLog;
    while (!(indexedLog = client.logs.find((l) => /indexed \d+ policy documents/.test(l)))) await new Promise((r) => setTimeout(r, 20));
    const indexMs = performance.now() - started;
    const rss = rssMb(client.child.pid);
    console.log(`${indexedLog}; from initialized: ${(indexMs / 1000).toFixed(2)} s; RSS ${rss.toFixed(0)} MB; hover during indexing ${hoverMs.toFixed(1)} ms`);
    // The first question after the index is read, then, as in the other latency figures, a
    // warm-up; then citations of documents spread over the workspace, so that the keys asked vary
    // beyond the answers the server keeps (the 16 asked last).
    const ask = async (place) => {
      const t = performance.now();
      const locations = await client.request('textDocument/references', { textDocument: { uri: place.uri }, position: place.position, context: { includeDeclaration: true } });
      return { ms: performance.now() - t, found: locations?.length ?? 0 };
    };
    const firstAsk = await ask(places[0]);
    const spread = [];
    for (let k = 0; k < SPREAD_DOCUMENTS; k++) {
      const file = path.join(dir, `area-${String(Math.floor((k * FILES) / SPREAD_DOCUMENTS / 200)).padStart(3, '0')}`, `policy-${Math.floor((k * FILES) / SPREAD_DOCUMENTS) + 1}.md`);
      const content = fs.readFileSync(file, 'utf8');
      client.notify('textDocument/didOpen', { textDocument: { uri: pathToFileURL(file).href, languageId: 'markdown', version: 1, text: content } });
      spread.push(...citationsOf(file, content));
    }
    const order = spread.map((_, i) => (i * 7919) % spread.length);
    for (let i = 0; i < WARM_UP; i++) await ask(spread[order[i % order.length]]);
    const times = [];
    let found = 0;
    const keys = new Set();
    for (let i = 0; i < QUERIES; i++) {
      const place = spread[order[(WARM_UP + i) % order.length]];
      keys.add(place.word);
      const answer = await ask(place);
      times.push(answer.ms);
      found += answer.found;
    }
    console.log(
      `references: first after indexing ${firstAsk.ms.toFixed(1)} ms (${firstAsk.found.toLocaleString('en')} locations); then ${WARM_UP} warm-up and ${QUERIES} on the citations of ${SPREAD_DOCUMENTS} documents across the workspace` +
        ` (${keys.size} distinct words asked about): p50 ${quantile(times, 0.5).toFixed(1)} ms, p99 ${quantile(times, 0.99).toFixed(1)} ms; ${Math.round(found / QUERIES).toLocaleString('en')} locations per answer on average`,
    );
    await client.stop();
    record(`index ${FILES / 1000}k files, ${(total / 1e6).toFixed(0)} MB`, indexMs / 1000, 's', '≤ 10 s', indexMs <= 10_000);
    record('server RSS after indexing', rss, 'MB', '≤ 300 MB', rss <= 300);
    record('hover while indexing', hoverMs, 'ms', 'info', null);
    record('references: first after indexing', firstAsk.ms, 'ms', 'info', null);
    record('references p99 over the index', quantile(times, 0.99), 'ms', '≤ 50 ms', quantile(times, 0.99) <= 50);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await workspaceBench({ quick: process.argv.includes('--quick') });
  for (const r of results) console.log(`${r.name.padEnd(36)} ${`${r.value.toFixed(1)} ${r.unit}`.padStart(12)}  ${r.target.padEnd(9)} ${r.ok === null ? '' : r.ok ? 'ok' : 'MISSED'}`);
}

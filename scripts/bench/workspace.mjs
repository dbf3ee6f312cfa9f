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
        ' A hover is sent on an opened document 100 ms after `initialized`, while the index is read. Then Find All References, one request at a time, request written → response parsed, p50 / p99:' +
        ` ${QUERIES} on the citations (ISO/IEC 270xx, Annex A controls, COBIT, ITIL) of that document, from the first question after the index is read;` +
        ` then ${WARM_UP} warm-up and ${QUERIES} on the citations of ${SPREAD_DOCUMENTS} documents spread over the workspace (opened), in a scattered order; and the median time of the largest answers among those.`,
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
    const ask = async (place) => {
      const t = performance.now();
      const locations = await client.request('textDocument/references', { textDocument: { uri: place.uri }, position: place.position, context: { includeDeclaration: true } });
      return { ms: performance.now() - t, found: locations?.length ?? 0 };
    };
    const series = async (list, count) => {
      const times = [];
      let found = 0;
      const largest = [];
      for (let i = 0; i < count; i++) {
        const answer = await ask(list[i % list.length]);
        times.push(answer.ms);
        found += answer.found;
        if (!largest.length || answer.found > largest[0].found) largest.splice(0, largest.length, answer);
        else if (answer.found === largest[0].found) largest.push(answer);
      }
      // The answers with the most locations: the median of their times.
      const biggest = { found: largest[0].found, ms: quantile(largest.map((a) => a.ms), 0.5) };
      return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), perAnswer: Math.round(found / count), biggest };
    };
    // The citations of the opened document, from the first question after the index is read:
    // dated editions and controls, some 5,000 locations an answer.
    const own = await series(places, QUERIES);
    // Then the citations of documents spread over the workspace, after a warm-up: the undated
    // ISO/IEC 27001 among them, which every file cites (some 33,000 locations, 5 MB of JSON).
    const spread = [];
    for (let k = 0; k < SPREAD_DOCUMENTS; k++) {
      const file = path.join(dir, `area-${String(Math.floor((k * FILES) / SPREAD_DOCUMENTS / 200)).padStart(3, '0')}`, `policy-${Math.floor((k * FILES) / SPREAD_DOCUMENTS) + 1}.md`);
      const content = fs.readFileSync(file, 'utf8');
      client.notify('textDocument/didOpen', { textDocument: { uri: pathToFileURL(file).href, languageId: 'markdown', version: 1, text: content } });
      spread.push(...citationsOf(file, content));
    }
    const scattered = spread.map((_, i) => spread[(i * 7919) % spread.length]);
    await series(scattered, WARM_UP);
    const across = await series(scattered.slice(WARM_UP).concat(scattered.slice(0, WARM_UP)), QUERIES);
    console.log(
      `references on one document's citations: p50 ${own.p50.toFixed(1)} ms, p99 ${own.p99.toFixed(1)} ms, ${own.perAnswer.toLocaleString('en')} locations per answer on average;` +
        ` across ${SPREAD_DOCUMENTS} documents: p50 ${across.p50.toFixed(1)} ms, p99 ${across.p99.toFixed(1)} ms, ${across.perAnswer.toLocaleString('en')} locations per answer on average;` +
        ` the largest answers among those (${across.biggest.found.toLocaleString('en')} locations): median ${across.biggest.ms.toFixed(1)} ms`,
    );
    await client.stop();
    record(`index ${FILES / 1000}k files, ${(total / 1e6).toFixed(0)} MB`, indexMs / 1000, 's', '≤ 10 s', indexMs <= 10_000);
    record('server RSS after indexing', rss, 'MB', '≤ 300 MB', rss <= 300);
    record('hover while indexing', hoverMs, 'ms', 'info', null);
    record("references p99, one document's citations", own.p99, 'ms', '≤ 50 ms', own.p99 <= 50);
    record('references p99 across 30 documents', across.p99, 'ms', 'info', null);
    record(`  the largest answers (${across.biggest.found.toLocaleString('en')} locations), median`, across.biggest.ms, 'ms', 'info', null);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await workspaceBench({ quick: process.argv.includes('--quick') });
  for (const r of results) console.log(`${r.name.padEnd(36)} ${`${r.value.toFixed(1)} ${r.unit}`.padStart(12)}  ${r.target.padEnd(9)} ${r.ok === null ? '' : r.ok ? 'ok' : 'MISSED'}`);
}

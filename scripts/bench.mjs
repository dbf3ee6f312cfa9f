// normref benchmark: cold start, scan throughput, hover/completion latency, server memory.
// Run with `npm run bench` (builds first). Prints each figure with its method, then a table of
// figures, targets and ok/MISSED. Always exits 0: it is a benchmark, not a test.
// Options: --quick (smaller corpus and fewer runs, for trying the script out).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { corpus, densePolicy, policy } from './bench/corpus.mjs';
import { INITIALIZE_PARAMS, startClient } from './bench/lsp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverPath = path.join(root, 'dist', 'server.js');
const quick = process.argv.includes('--quick');
const COLD_RUNS = quick ? 3 : 15;
const CORPUS_CHARS = quick ? 5e6 : 50e6;
const SCAN_PASSES = 3;
const DOC_LINES = 20_000;
const HOVERS = 600;
const HOVER_WARMUP = 50;
const COMPLETIONS = 400;
const COMPLETION_WARMUP = 20;
const EDITS = 100;

const results = [];
const started = performance.now();

// ---------------------------------------------------------------------------------------------
// Helpers
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  // Nearest rank: p99 of 600 samples is the 594th smallest.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const now = () => performance.now();
function record(name, value, unit, target, ok) {
  results.push({ name, value, unit, target, ok });
}
function heading(text) {
  console.log(`\n== ${text}`);
}

function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
function positionAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

function rssOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

// ---------------------------------------------------------------------------------------------
// The scanner and the service, bundled on their own so that this script can call them in-process.
const serviceBundle = path.join(root, 'dist', 'bench', 'service.cjs');
await esbuild.build({
  stdin: {
    contents:
      "export { scan, createService } from './server/src/service';\n" +
      "export { scanText } from './server/src/service/scan';\n" +
      "export { IncrementalScan } from './server/src/service/scan/incremental';\n" +
      "export { DocumentModel } from './server/src/service/model';\n" +
      "export { readCatalogSources } from './server/src/data-files';\n" +
      "export { TextDocument } from 'vscode-languageserver-textdocument';\n" +
      "export { FlatTextDocument } from './server/src/flat-text-document';\n",
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'bench-entry.ts',
  },
  outfile: serviceBundle,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const { scan: scanWith, scanText, IncrementalScan, DocumentModel, createService, readCatalogSources, TextDocument, FlatTextDocument } = createRequire(import.meta.url)(serviceBundle);
// The scanner as the service runs it: with the vocabulary of the bundled data (frameworks, area
// names, practices, which standards have numbers).
const vocabulary = createService(readCatalogSources()).catalog.controls.vocabulary;
const scan = (text, format) => scanWith(text, format, vocabulary);

const SMALL_POLICY = `# Information Security Policy

## 1. Purpose

Our ISMS is certified against ISO/IEC 27001:2022 and its controls follow ISO/IEC 27002:2022.
Service management follows ITIL 4 and ISO/IEC 20000-1 and -2; governance follows COBIT 2019.

- Risk: ISO/IEC 27005:2022 and ISO 31000
- Continuity: ISO 22301
`;
const SMALL_HOVER = { line: 4, character: SMALL_POLICY.split('\n')[4].indexOf('ISO/IEC 27002:2022') + 10 };

// ---------------------------------------------------------------------------------------------
// 1. Cold start to first hover
heading('1. Cold start to first hover');
console.log(
  `method: ${COLD_RUNS} runs, interleaved with \`node -e 0\`; spawn \`node dist/server.js --stdio\`, initialize (loads the catalog),` +
    ` initialized, didOpen of a ${SMALL_POLICY.length}-char Markdown policy, hover on ISO/IEC 27002:2022; time spawn → hover response.` +
    ' Baseline: spawn → exit of `node -e 0`.',
);

function nodeNoop() {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(now() - t0));
  });
}

// t0 is taken just before spawn, as for `node -e 0`.
async function coldHoverTimed() {
  const t0 = now();
  const client = startClient(process.execPath, [serverPath, '--stdio']);
  await client.request('initialize', INITIALIZE_PARAMS);
  client.notify('initialized', {});
  client.notify('textDocument/didOpen', {
    textDocument: { uri: 'file:///bench/small.md', languageId: 'markdown', version: 1, text: SMALL_POLICY },
  });
  const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///bench/small.md' }, position: SMALL_HOVER });
  const elapsed = now() - t0;
  const catalogLog = client.logs.find((l) => l.includes('catalog of'));
  await client.stop();
  if (!hover) throw new Error('cold start: the hover returned null');
  return { elapsed, catalogLog };
}

const coldTimes = [];
const noopTimes = [];
const catalogLoads = [];
for (let i = 0; i < COLD_RUNS; i++) {
  noopTimes.push(await nodeNoop());
  const { elapsed, catalogLog } = await coldHoverTimed();
  coldTimes.push(elapsed);
  const loaded = /loaded in (\d+) ms/.exec(catalogLog ?? '');
  if (loaded) catalogLoads.push(Number(loaded[1]));
}
const coldMedian = median(coldTimes);
const noopMedian = median(noopTimes);
console.log(
  `server spawn → first hover: median ${ms(coldMedian)} (min ${ms(Math.min(...coldTimes))}, max ${ms(Math.max(...coldTimes))});` +
    ` node -e 0: median ${ms(noopMedian)} (min ${ms(Math.min(...noopTimes))}, max ${ms(Math.max(...noopTimes))}); ratio ${(coldMedian / noopMedian).toFixed(1)}×`,
);
if (catalogLoads.length) console.log(`of which catalog load (server's own log, median): ${median(catalogLoads)} ms`);
record('cold start → first hover (median)', coldMedian, 'ms', '≤ 300 ms', coldMedian <= 300);
record('  ratio to node -e 0', coldMedian / noopMedian, '×', 'info', null);

// ---------------------------------------------------------------------------------------------
// 2. Scan throughput
heading('2. Scan throughput');
let t = now();
const text = corpus(CORPUS_CHARS, 42);
const generatedIn = now() - t;
const mb = Buffer.byteLength(text, 'utf8') / 1e6;
console.log(
  `method: seeded generator (scripts/bench/corpus.mjs) → ${mb.toFixed(1)} MB of Markdown policy prose in one string (${ms(generatedIn)});` +
    ` scan(text, format) in this process (scanner bundled with the service to dist/bench/service.cjs), 1 warm-up pass on 1 MB then median of ${SCAN_PASSES} full passes;` +
    ' baseline: /\\b(?:ISO|IEC)\\b/g exec loop over the same text (median of 3 passes).',
);

function regexPass() {
  const re = /\b(?:ISO|IEC)\b/g;
  let count = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) count++;
  return count;
}
const regexTimes = [];
let regexCount = 0;
for (let i = 0; i < 3; i++) {
  t = now();
  regexCount = regexPass();
  regexTimes.push(now() - t);
}
const regexMs = median(regexTimes);
console.log(`regex baseline: ${regexCount} matches, ${ms(regexMs)} → ${(mb / (regexMs / 1000)).toFixed(0)} MB/s`);

for (const format of ['markdown', 'plaintext']) {
  scan(text.slice(0, 1e6), format);
  const times = [];
  let found = 0;
  let counts;
  for (let i = 0; i < SCAN_PASSES; i++) {
    t = now();
    const refs = scan(text, format);
    times.push(now() - t);
    found = refs.length;
    if (!counts) {
      counts = { standard: 0, framework: 0 };
      for (const r of refs) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    }
  }
  const m = median(times);
  const rate = mb / (m / 1000);
  const ratio = m / regexMs;
  console.log(
    `${format}: median ${ms(m)} (passes ${times.map((x) => x.toFixed(0)).join(', ')} ms) → ${rate.toFixed(1)} MB/s, ${ratio.toFixed(2)}× the regex pass;` +
      ` ${found} references (${counts.standard} standards, ${counts.framework} frameworks), one per ${(text.length / found).toFixed(0)} chars`,
  );
  record(`scan ${format} throughput`, rate, 'MB/s', '≥ 50 MB/s', rate >= 50);
  record(`scan ${format} / regex pass`, ratio, '×', '≤ 4×', ratio <= 4);
}

// ---------------------------------------------------------------------------------------------
// 3. Hover and completion latency, 4. memory
heading(`3. Hover and completion latency on a ${DOC_LINES.toLocaleString('en')}-line document; 4. server memory`);
const doc = policy(DOC_LINES, 7, 50);
const docLines = doc.text.split('\n');
const starts = lineStarts(doc.text);
const docRefs = scan(doc.text, 'markdown');
console.log(
  `method: fresh server over stdio; didOpen of a generated ${docLines.length - 1}-line Markdown policy (${(doc.text.length / 1e6).toFixed(2)} MB, ${docRefs.length} references);` +
    ` requests sent one at a time, latency = request written → response parsed (client hrtime).` +
    ` Hover: ${HOVER_WARMUP} warm-up, then ${HOVERS} at the middle of references spread evenly through the document.` +
    ` Completion: ${COMPLETION_WARMUP} warm-up, then ${COMPLETIONS} at the end of ${doc.completions.length} prepared lines ending in "ISO/IEC 2700", "ISO/IEC 270", "ISO 900", "ISO/IEC 20000-", "IEC 62443-3-", "ISO/IEC 2", "COBIT ", "ISO ".` +
    ` After edit: didChange (incremental, one character appended at a line end) then the request; latency = didChange written → response (a hover after an edit should include the rescan of the whole document; completion includes typing one digit).`,
);

const uri = 'file:///bench/policy.md';
const client = startClient(process.execPath, [serverPath, '--stdio']);
await client.request('initialize', INITIALIZE_PARAMS);
client.notify('initialized', {});
let version = 1;
t = now();
client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text: doc.text } });
const hoverPositions = [];
for (let i = 0; i < HOVERS + HOVER_WARMUP; i++) {
  const r = docRefs[Math.floor(((i + 0.5) * docRefs.length) / (HOVERS + HOVER_WARMUP))];
  hoverPositions.push(positionAt(starts, (r.start + r.end) >> 1));
}
// Warm-up and ordering: the first hover waits for didOpen's scan.
const first = await client.request('textDocument/hover', { textDocument: { uri }, position: hoverPositions[0] });
const openToFirstHover = now() - t;
const rss = rssOf(client.child.pid);
console.log(`didOpen → first hover: ${ms(openToFirstHover)} (includes the scan of the document); server RSS after initialize + open: ${rss.toFixed(1)} MB`);
if (!first) console.log('WARNING: first hover returned null');

async function timed(method, params) {
  const t0 = now();
  const result = await client.request(method, params);
  return [now() - t0, result];
}

// Steady hovers: interleave positions so the warm-up samples are spread too.
const order = hoverPositions.map((_, i) => i).sort((a, b) => ((a * 7919) % hoverPositions.length) - ((b * 7919) % hoverPositions.length));
const hoverTimes = [];
let hoverNulls = 0;
for (let k = 0; k < order.length; k++) {
  const [dt, result] = await timed('textDocument/hover', { textDocument: { uri }, position: hoverPositions[order[k]] });
  if (!result) hoverNulls++;
  if (k >= HOVER_WARMUP) hoverTimes.push(dt);
}
const hoverP50 = median(hoverTimes);
const hoverP99 = quantile(hoverTimes, 0.99);
console.log(
  `hover steady: p50 ${ms(hoverP50)}, p99 ${ms(hoverP99)}, max ${ms(Math.max(...hoverTimes))} over ${hoverTimes.length} requests (${hoverNulls} null of ${order.length})`,
);

const completionTimes = [];
let completionEmpty = 0;
let completionItems = 0;
const lineText = new Map(doc.completions.map((c) => [c.line, docLines[c.line]]));
for (let k = 0; k < COMPLETIONS + COMPLETION_WARMUP; k++) {
  const c = doc.completions[k % doc.completions.length];
  const position = { line: c.line, character: lineText.get(c.line).length };
  const [dt, result] = await timed('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
  const items = result?.items ?? result ?? [];
  if (!items.length) completionEmpty++;
  completionItems += items.length;
  if (k >= COMPLETION_WARMUP) completionTimes.push(dt);
}
const complP50 = median(completionTimes);
const complP99 = quantile(completionTimes, 0.99);
console.log(
  `completion steady: p50 ${ms(complP50)}, p99 ${ms(complP99)}, max ${ms(Math.max(...completionTimes))} over ${completionTimes.length} requests` +
    ` (${(completionItems / (COMPLETIONS + COMPLETION_WARMUP)).toFixed(0)} items on average, ${completionEmpty} empty)`,
);

// After an edit. All edits append at a line end, so (line, character) positions elsewhere stay valid.
function appendAt(line, textToInsert) {
  const character = lineText.has(line) ? lineText.get(line).length : docLines[line].length;
  const range = { start: { line, character }, end: { line, character } };
  const updated = (lineText.get(line) ?? docLines[line]) + textToInsert;
  if (lineText.has(line)) lineText.set(line, updated);
  else docLines[line] = updated;
  client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: textToInsert }] });
  return { line, character: character + textToInsert.length };
}

// Does the server's analysis follow edits? Append a reference to the (empty) last line and hover on it.
const lastLine = docLines.length - 1; // the empty line after the final newline
const probe = appendAt(lastLine, 'See ISO 9001.');
const probeHover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: lastLine, character: probe.character - 5 } });
const followsEdits = !!probeHover;
if (!followsEdits) {
  console.log(
    'WARNING: a reference added by didChange gets no hover: the server keeps the analysis of the first version of the document' +
      ' (stale after every edit), so the "after edit" hovers below do NOT include a rescan.',
  );
}

const editedHoverTimes = [];
for (let k = 0; k < EDITS; k++) {
  const t0 = now();
  appendAt(lastLine, 'x');
  const result = await client.request('textDocument/hover', { textDocument: { uri }, position: hoverPositions[order[k % order.length]] });
  editedHoverTimes.push(now() - t0);
  if (!result) hoverNulls++;
}
const editedCompletionTimes = [];
for (let k = 0; k < EDITS; k++) {
  const c = doc.completions[k % doc.completions.length];
  const t0 = now();
  const position = appendAt(c.line, '1');
  await client.request('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
  editedCompletionTimes.push(now() - t0);
}
// Typing, as a linter sees it: one character at a time, each followed by the diagnostics the
// server publishes for that version. Thirty characters (three words of ten) at each of ten places
// spread through the document, so that the edit is sometimes near the start (every block after
// it moves): 300 keystrokes, enough for a p99 that is not merely the second slowest. Before them,
// as hover and completion have theirs, ten warm-up keystrokes in the middle of the document, not
// counted: the edits before all append at its end, and the first edits with blocks after them
// run code the optimising compiler has not seen yet (their times are printed apart). The server
// checks at once after a change, but no sooner after its last check than that check took (10 ms
// at least): keystrokes go KEYSTROKE_GAP apart (people type 100-300 ms apart), so that the
// interval never holds one back.
const KEYSTROKE_PLACES = 10;
/** Edits per place of the in-process split below, which also scans each text whole. */
const KEYSTROKES_PER_PLACE = 10;
const TYPED_PER_PLACE = 30;
const KEYSTROKE_WARMUP = 10;
const KEYSTROKE_GAP = 25;
const keystrokeTimes = [];
const warmupKeystrokeTimes = [];
let diagnosticsCount;
let publishes = true;
/** Types `count` characters at the end of `line`, one didChange each, timing each to its diagnostics. */
async function type(line, count, times) {
  for (let c = 0; c < count && publishes; c++) {
    const expected = version + 1;
    const t0 = now();
    const published = client.notification('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === expected);
    appendAt(line, 'abcdefghij'[c % 10]);
    const params = await published;
    if (!params) {
      publishes = false;
      break;
    }
    times.push(now() - t0);
    diagnosticsCount = params.diagnostics.length;
    await new Promise((resolve) => setTimeout(resolve, KEYSTROKE_GAP));
  }
}
const freeLine = (from) => {
  let line = from;
  while (lineText.has(line) || !docLines[line]) line++;
  return line;
};
await type(freeLine(Math.floor(0.45 * (docLines.length - 1))), KEYSTROKE_WARMUP, warmupKeystrokeTimes);
for (let place = 0; place < KEYSTROKE_PLACES && publishes; place++) {
  await type(freeLine(Math.floor(((place + 0.5) * (docLines.length - 1)) / KEYSTROKE_PLACES)), TYPED_PER_PLACE, keystrokeTimes);
}
// A burst: a client that sends many changes at once (a multi-cursor edit, a script, a replayed
// undo stack), then asks for a hover. The server should check the burst's last text, not each text
// of it in turn: the hover's answer and the diagnostics of the last version are timed, both as
// ratios to one in-process analysis of the document (measured below).
const BURST = 200;
let burstHover = NaN;
let burstDiagnostics = NaN;
if (publishes) {
  const t0 = now();
  for (let k = 0; k < BURST; k++) appendAt(freeLine(Math.floor((((k * 37) % BURST) + 0.5) * (docLines.length - 1) / BURST)), 'y');
  const last = version;
  const published = client.notification('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === last);
  await client.request('textDocument/hover', { textDocument: { uri }, position: hoverPositions[order[0]] });
  burstHover = now() - t0;
  if (await published) burstDiagnostics = now() - t0;
}
const keystrokeP50 = median(keystrokeTimes);
const keystrokeP99 = quantile(keystrokeTimes, 0.99);
console.log(
  publishes
    ? `keystroke → publishDiagnostics: p50 ${ms(keystrokeP50)}, p99 ${ms(keystrokeP99)}, max ${ms(Math.max(...keystrokeTimes))} over ${keystrokeTimes.length} keystrokes` +
        ` (didChange written → the notification for that version parsed, nothing subtracted; keystrokes ${KEYSTROKE_GAP} ms apart; ${diagnosticsCount} diagnostics each);` +
        ` the ${warmupKeystrokeTimes.length} warm-up keystrokes before them: ${warmupKeystrokeTimes.map((t) => t.toFixed(0)).join(', ')} ms`
    : 'keystroke → publishDiagnostics: the server published no diagnostics within 10 s of a change',
);

const editHoverP50 = median(editedHoverTimes);
const editHoverP99 = quantile(editedHoverTimes, 0.99);
const editComplP50 = median(editedCompletionTimes);
const editComplP99 = quantile(editedCompletionTimes, 0.99);
console.log(`hover after edit: p50 ${ms(editHoverP50)}, p99 ${ms(editHoverP99)} over ${EDITS} edits${followsEdits ? " (each includes the rescan of the whole document)" : " (served from the stale analysis: no rescan)"}`);
console.log(`completion after edit: p50 ${ms(editComplP50)}, p99 ${ms(editComplP99)} over ${EDITS} edits`);
// What a rescan costs: analyze() (scan + resolve) of the same document in this process, with the
// catalog loaded, as a server that follows edits will pay on the first request after each edit.
const service = createService(readCatalogSources());
const analyzeTimes = [];
for (let i = 0; i < 7; i++) {
  // A new uri each time: the service keeps one analysis per text, and would answer from it.
  const document = TextDocument.create(`${uri}?${i}`, 'markdown', 1, doc.text);
  t = now();
  void service.analyze(document).resolutions;
  analyzeTimes.push(now() - t);
}
const analyzeMs = median(analyzeTimes.slice(2));
console.log(`in-process analyze() of the document (scan + resolve, median of 5 after 2 warm-up): ${ms(analyzeMs)}`);
const split = keystrokeSplit(service, doc.text, doc.text.split("\n"));
console.log(
  `in-process, per keystroke (${split.count} one-character edits at ${KEYSTROKE_PLACES} places; p50 / p99): the document's update ${split.update},` +
    ` analysis ${split.analysis} (of which the scan ${split.scan}, the whole text scanned instead ${split.wholeScan}, the document model ${split.model}),` +
    ` resolving every reference ${split.resolutions}, diagnostics ${split.diagnostics}; all ${split.total}`,
);
console.log(
  `a burst of ${BURST} changes sent at once: hover answered after ${ms(burstHover)} (${(burstHover / analyzeMs).toFixed(1)}× one analysis),` +
    ` the last version's diagnostics after ${ms(burstDiagnostics)} (${(burstDiagnostics / analyzeMs).toFixed(1)}×)`,
);
const rssEnd = rssOf(client.child.pid);
console.log(`server RSS at the end of section 3: ${rssEnd.toFixed(1)} MB`);
await client.stop();

record('hover p50 (steady)', hoverP50, 'ms', 'info', null);
record('hover p99 (steady)', hoverP99, 'ms', '≤ 5 ms', hoverP99 <= 5);
record('completion p50 (steady)', complP50, 'ms', 'info', null);
record('completion p99 (steady)', complP99, 'ms', '≤ 30 ms', complP99 <= 30);
const staleNote = followsEdits ? '' : ' [STALE: no rescan]';
record(`hover p50 after edit${staleNote}`, editHoverP50, 'ms', 'info', null);
record(`hover p99 after edit${staleNote}`, editHoverP99, 'ms', 'info', null);
record('analyze() of the 20k-line doc, newly opened', analyzeMs, 'ms', 'info', null);
record('server follows edits (hover on added ref)', followsEdits ? 1 : 0, followsEdits ? 'yes' : 'no', 'yes', followsEdits);
record('completion p99 after edit', editComplP99, 'ms', '≤ 30 ms', editComplP99 <= 30);
if (publishes) {
  record('keystroke → publishDiagnostics p50', keystrokeP50, 'ms', 'info', null);
  record('keystroke → publishDiagnostics p99', keystrokeP99, 'ms', '≤ 20 ms', keystrokeP99 <= 20);
  record('  the warm-up keystrokes (not counted), max', Math.max(...warmupKeystrokeTimes), 'ms', 'info', null);
} else {
  record('keystroke → publishDiagnostics [none published]', NaN, 'ms', '≤ 20 ms', false);
}
record(`burst of ${BURST} changes → its diagnostics, ÷ one analysis`, burstDiagnostics / analyzeMs, '×', '≤ 10×', burstDiagnostics / analyzeMs <= 10);
record('  in-process per keystroke, all (p50)', split.totalP50, 'ms', 'info', null);
record('server RSS after open', rss, 'MB', '≤ 150 MB', rss <= 150);

/**
 * What a keystroke costs in the service, step by step, in this process: the same edits as the
 * keystroke figure, applied to the server's document (flat-text-document.ts) as the server applies them. The scan and the
 * document model are also timed alone, and the scan of the whole text for comparison.
 */
function keystrokeSplit(service, text, lines) {
  // The server's document in Node (flat-text-document.ts), edited as the server edits it.
  const document = new FlatTextDocument('file:///bench/split.md', 'markdown', 1, text);
  service.diagnostics(document);
  // The first edit of a document starts keeping its blocks (a third dearer than a whole scan, once): not counted.
  document.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }], 2);
  service.diagnostics(document);
  const vocabulary = service.catalog.controls.vocabulary;
  const incremental = new IncrementalScan('markdown', vocabulary);
  incremental.scan(text);
  const steps = { update: [], analysis: [], scan: [], wholeScan: [], model: [], resolutions: [], diagnostics: [], total: [] };
  for (let place = 0; place < KEYSTROKE_PLACES; place++) {
    const line = Math.floor(((place + 0.5) * (lines.length - 1)) / KEYSTROKE_PLACES);
    for (let c = 0; c < KEYSTROKES_PER_PLACE; c++) {
      const character = lines[line].length + c;
      const t0 = now();
      document.update([{ range: { start: { line, character }, end: { line, character } }, text: 'x' }], document.version + 1);
      const t1 = now();
      const analysis = service.analyze(document);
      const t2 = now();
      void analysis.resolutions;
      const t3 = now();
      service.diagnostics(document);
      const t4 = now();
      steps.update.push(t1 - t0);
      steps.analysis.push(t2 - t1);
      steps.resolutions.push(t3 - t2);
      steps.diagnostics.push(t4 - t3);
      steps.total.push(t4 - t0);
      // The parts of the analysis, again on the same text.
      const edited = document.getText();
      let t = now();
      const scanned = incremental.scan(edited);
      steps.scan.push(now() - t);
      t = now();
      new DocumentModel(scanned.text, scanned.references, scanned.structure, service.catalog, { defaultEdition: '2022' });
      steps.model.push(now() - t);
      t = now();
      scanText(edited, 'markdown', vocabulary);
      steps.wholeScan.push(now() - t);
    }
  }
  const both = (xs) => `${ms(median(xs))} / ${ms(quantile(xs, 0.99))}`;
  return { count: steps.total.length, ...Object.fromEntries(Object.entries(steps).map(([k, xs]) => [k, both(xs)])), totalP50: median(steps.total) };
}

// ---------------------------------------------------------------------------------------------
// 5. A 20 MB policy
heading('5. A 20 MB policy in the server');
const HUGE_CHARS = quick ? 5e6 : 20e6;
const huge = densePolicy(HUGE_CHARS, 11);
const hugeLines = huge.split('\n');
const hugeMiddle = Math.floor(hugeLines.length / 2);
console.log(
  `method: densePolicy(${HUGE_CHARS / 1e6} MB, seed 11): ${(huge.length / 1e6).toFixed(1)} MB, ${hugeLines.length} lines, about one reference per 36 characters` +
    ' (standards, controls, frameworks in lines, list items and table rows). A fresh server; baseline: didOpen of the document under a language' +
    ' normref does not read, then a hover on a one-line document (the time to send, parse and store 20 MB); then didOpen of the same text as' +
    ' Markdown and a hover in its middle (open → first hover); RSS after; then 20 × (didChange inserting one character in the middle line, then a' +
    ' hover there), latency didChange written → hover response.',
);
{
  const hugeClient = startClient(process.execPath, [serverPath, '--stdio']);
  await hugeClient.request('initialize', INITIALIZE_PARAMS);
  hugeClient.notify('initialized', {});
  const tiny = 'file:///bench/tiny.md';
  hugeClient.notify('textDocument/didOpen', { textDocument: { uri: tiny, languageId: 'markdown', version: 1, text: 'ISO 9001' } });
  await hugeClient.request('textDocument/hover', { textDocument: { uri: tiny }, position: { line: 0, character: 2 } });
  t = now();
  hugeClient.notify('textDocument/didOpen', { textDocument: { uri: 'file:///bench/huge.json', languageId: 'json', version: 1, text: huge } });
  await hugeClient.request('textDocument/hover', { textDocument: { uri: tiny }, position: { line: 0, character: 2 } });
  const transport = now() - t;
  const hugeUri = 'file:///bench/huge.md';
  // On the first standard of the middle line, which the edits before it move right.
  const position = { line: hugeMiddle, character: hugeLines[hugeMiddle].search(/ISO|IEC|BS|COBIT|ITIL|CMMI|MOF/) + 1 };
  t = now();
  hugeClient.notify('textDocument/didOpen', { textDocument: { uri: hugeUri, languageId: 'markdown', version: 1, text: huge } });
  const firstHover = await hugeClient.request('textDocument/hover', { textDocument: { uri: hugeUri }, position });
  const openToHover = now() - t;
  const hugeRss = rssOf(hugeClient.child.pid);
  const editTimes = [];
  let hugeVersion = 1;
  for (let k = 0; k < 20; k++) {
    const t0 = now();
    hugeClient.notify('textDocument/didChange', {
      textDocument: { uri: hugeUri, version: ++hugeVersion },
      contentChanges: [{ range: { start: { line: hugeMiddle, character: 0 }, end: { line: hugeMiddle, character: 0 } }, text: ' ' }],
    });
    position.character++;
    await hugeClient.request('textDocument/hover', { textDocument: { uri: hugeUri }, position });
    editTimes.push(now() - t0);
  }
  const hugeRssEnd = rssOf(hugeClient.child.pid);
  await hugeClient.stop();
  const editMedian = median(editTimes);
  console.log(
    `transport baseline (send + parse + store ${(huge.length / 1e6).toFixed(0)} MB): ${ms(transport)}; didOpen → first hover: ${ms(openToHover)} (${(openToHover / transport).toFixed(2)}× the baseline;` +
      ` hover ${firstHover ? 'answered' : 'NULL'}); edit + hover: median ${ms(editMedian)}, max ${ms(Math.max(...editTimes))} (${(editMedian / transport).toFixed(2)}× the baseline);` +
      ` RSS after open ${hugeRss.toFixed(0)} MB, after the edits ${hugeRssEnd.toFixed(0)} MB`,
  );
  // What the CLI pays for the same text: a whole analysis, resolved.
  const cliService = createService(readCatalogSources());
  t = now();
  const whole = cliService.analyze(TextDocument.create('file:///bench/huge-cli.md', 'markdown', 1, huge));
  let resolvedCount = 0;
  for (const resolution of whole.resolveEach()) if (resolution) resolvedCount++;
  const wholeMs = now() - t;
  console.log(`in-process whole analysis (the CLI's work): ${ms(wholeMs)} for ${resolvedCount} references, ${(huge.length / 1e6 / (wholeMs / 1000)).toFixed(1)} MB/s`);
  record('20 MB: didOpen → first hover', openToHover, 'ms', 'info', null);
  record('  ratio to the transport of 20 MB', openToHover / transport, '×', 'info', null);
  record('20 MB: edit + hover (median)', editMedian, 'ms', 'info', null);
  record('20 MB: server RSS after open', hugeRss, 'MB', '≤ 300 MB', hugeRss <= 300);
  record('20 MB: whole analysis in-process (CLI)', wholeMs, 'ms', 'info', null);
}

// 6. normref check and scan over a tree of files: scripts/bench/check.mjs.
for (const r of await (await import('./bench/check.mjs')).checkBench({ quick, heading })) record(r.name, r.value, r.unit, r.target, r.ok);

// 7. The workspace index: scripts/bench/workspace.mjs.
for (const r of await (await import('./bench/workspace.mjs')).workspaceBench({ quick, heading })) record(r.name, r.value, r.unit, r.target, r.ok);

// ---------------------------------------------------------------------------------------------
heading('Summary');
const rows = results.map((r) => [
  r.name,
  r.unit === 'yes' || r.unit === 'no' ? r.unit : `${r.value.toFixed(r.unit === '×' ? 2 : 1)} ${r.unit}`,
  r.target,
  r.ok === null ? '' : r.ok ? 'ok' : 'MISSED',
]);
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length), ['figure', 'value', 'target', ''][i].length));
const line = (cells) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(line(['figure', 'value', 'target', '']));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
const missed = results.filter((r) => r.ok === false).length;
console.log(`\n${missed ? `${missed} target(s) MISSED` : 'all targets met'}; node ${process.version}, ${(await import('node:os')).cpus().length} cores; total ${((now() - started) / 1000).toFixed(0)} s${quick ? ' (--quick)' : ''}`);

// normref check and scan over a tree of policy files: time against a process that only reads the
// files and runs one regular expression over them, peak memory, and cspell over the same files.
// `node scripts/bench/check.mjs [--quick]` runs it alone (after `npm run build`); scripts/bench.mjs
// calls checkBench() and adds the figures to its table. Figures are ratios within one run: the
// machine's speed changes from run to run, the ratios much less.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setInterval, clearInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { createGenerator } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist', 'cli.js');
const cspell = path.join(root, 'node_modules', '.bin', 'cspell');

/** `files` Markdown policies of `chars / files` characters each, 200 to a folder, as in a real tree. */
export function writePolicyTree(dir, files, chars, seed = 5) {
  const g = createGenerator(seed);
  let total = 0;
  for (let i = 0; i < files; i++) {
    const lines = [`# Policy ${i + 1}`, ''];
    let length = 0;
    while (length < chars / files) {
      const before = lines.length;
      g.block(lines);
      for (let k = before; k < lines.length; k++) length += lines[k].length + 1;
    }
    const folder = path.join(dir, `area-${String(Math.floor(i / 200)).padStart(3, '0')}`);
    if (i % 200 === 0) fs.mkdirSync(folder, { recursive: true });
    const text = `${lines.join('\n')}\n`;
    fs.writeFileSync(path.join(folder, `policy-${i + 1}.md`), text);
    total += text.length;
  }
  return total;
}

// The baseline: walk the tree, read each file, one pass of the regular expression the scanner's
// simplest anchor is.
const BASELINE = `
const fs = require('node:fs'), path = require('node:path');
let hits = 0;
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.md')) for (const _ of fs.readFileSync(full, 'utf8').matchAll(/\\b(?:ISO|IEC)\\b/g)) hits++;
  }
})(process.argv[1]);
process.stdout.write(String(hits));
`;

const TIME = '/usr/bin/time';

/**
 * Runs a command with standard output to /dev/null (or to a pipe that is drained, for `pipe`);
 * returns wall time, CPU time (user + system) and peak RSS, from GNU time where it is installed:
 * CPU time is what the ratios use, since another process on the machine stretches wall time.
 * Without GNU time, CPU time is the wall time and the peak is VmHWM polled from /proc.
 */
function measure(command, args, { cwd = root, pipe = false } = {}) {
  const timed = fs.existsSync(TIME);
  const report = path.join(os.tmpdir(), `normref-bench-time-${process.pid}.txt`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const [file, argv] = timed ? [TIME, ['-f', '%e %U %S %M', '-o', report, command, ...args]] : [command, args];
    const child = spawn(file, argv, { cwd, stdio: ['ignore', pipe ? 'pipe' : fs.openSync('/dev/null', 'w'), 'pipe'] });
    let peak = 0;
    let stderr = '';
    const poll = setInterval(() => {
      try {
        const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        if (kb > peak) peak = kb;
      } catch {
        // The process has ended.
      }
    }, 20);
    if (pipe) child.stdout.on('data', () => {});
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const wall = performance.now() - started;
      if (!timed) return resolve({ ms: wall, cpuMs: wall, rssMb: peak / 1024, code, stderr });
      // GNU time says "Command exited with non-zero status N" first when it did.
      const [, user, system, kb] = fs.readFileSync(report, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
      resolve({ ms: wall, cpuMs: (user + system) * 1000, rssMb: kb / 1024, code, stderr });
    });
  });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The benchmark; returns figures as bench.mjs records them. */
export async function checkBench({ quick = false, heading = (t) => console.log(`\n== ${t}`) } = {}) {
  const FILES = quick ? 2_000 : 20_000;
  const CHARS = quick ? 5e6 : 50e6;
  const RUNS = quick ? 1 : 3;
  heading(`6. normref check and scan over ${FILES.toLocaleString('en')} files`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-bench-tree-'));
  const results = [];
  const record = (name, value, unit, target, ok) => results.push({ name, value, unit, target, ok });
  try {
    const total = writePolicyTree(dir, FILES, CHARS);
    console.log(
      `method: ${FILES.toLocaleString('en')} Markdown policies of ${(total / FILES / 1000).toFixed(1)} kB (${(total / 1e6).toFixed(1)} MB, corpus generator seed 5), 200 to a folder, in a temporary folder.` +
        ` Median of ${RUNS} runs of each, alternated: the baseline (a node process that walks the tree, reads each file and runs /\\b(?:ISO|IEC)\\b/g over it once),` +
        ' `normref check --format json <tree>` and `normref scan --json <tree>` with standard output to /dev/null, and `check --format json` into a pipe that is read;' +
        ' CPU time (user + system) and peak RSS from GNU time; the ratios are of CPU times, which other work on the machine does not stretch. Then cspell (offline: its bundled English dictionary, no network) over the same files, once.',
    );
    const runs = { baseline: [], check: [], checkPipe: [], scan: [] };
    for (let i = 0; i < RUNS; i++) {
      runs.baseline.push(await measure(process.execPath, ['-e', BASELINE, dir]));
      runs.check.push(await measure(process.execPath, [cli, 'check', '--format', 'json', '--fail-on', 'off', dir]));
      runs.checkPipe.push(await measure(process.execPath, [cli, 'check', '--format', 'json', '--fail-on', 'off', dir], { pipe: true }));
      runs.scan.push(await measure(process.execPath, [cli, 'scan', '--json', dir]));
    }
    for (const [name, list] of Object.entries(runs)) {
      const failed = list.find((r) => r.code !== 0);
      if (failed) console.log(`WARNING: ${name} exited ${failed.code}: ${failed.stderr.slice(0, 300)}`);
    }
    const t = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v.map((r) => r.cpuMs))]));
    const wall = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v.map((r) => r.ms))]));
    const rss = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, Math.max(...v.map((r) => r.rssMb))]));
    const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`CPU time (wall): baseline (read + one regex) ${s(t.baseline)} (${s(wall.baseline)}); check ${s(t.check)} (${s(wall.check)}), ${(t.check / t.baseline).toFixed(1)}× the baseline, peak RSS ${rss.check.toFixed(0)} MB; into a pipe ${s(t.checkPipe)} (${s(wall.checkPipe)}), ${rss.checkPipe.toFixed(0)} MB`);
    console.log(`scan --json: ${s(t.scan)} (${s(wall.scan)}), ${(t.scan / t.baseline).toFixed(1)}× the baseline, peak RSS ${rss.scan.toFixed(0)} MB`);
    record(`check --format json, ${FILES / 1000}k files (CPU)`, t.check, 'ms', 'info', null);
    record('  ÷ read + regex baseline', t.check / t.baseline, '×', '≤ 3×', t.check / t.baseline <= 3);
    record('check: peak RSS', rss.check, 'MB', '≤ 200 MB', rss.check <= 200);
    record('check into a pipe: peak RSS', rss.checkPipe, 'MB', '≤ 200 MB', rss.checkPipe <= 200);
    record(`scan --json, ${FILES / 1000}k files (CPU)`, t.scan, 'ms', 'info', null);
    record('  ÷ read + regex baseline', t.scan / t.baseline, '×', 'info', null);
    record('scan --json: peak RSS', rss.scan, 'MB', '≤ 200 MB', rss.scan <= 200);

    // cspell with a configuration of its own, so that no configuration of the machine or the
    // repository (and nothing remote) is read; its dictionaries come with the package.
    const config = path.join(dir, 'cspell.json');
    fs.writeFileSync(config, JSON.stringify({ version: '0.2', language: 'en', useGitignore: false, import: [] }));
    const spell = await measure(cspell, ['lint', '--no-progress', '--no-summary', '--no-cache', '--config', config, '**/*.md'], { cwd: dir });
    if (spell.code !== 0 && spell.code !== 1) console.log(`WARNING: cspell exited ${spell.code}: ${spell.stderr.slice(0, 300)}`);
    console.log(`cspell: ${s(spell.cpuMs)} (${s(spell.ms)}), peak RSS ${spell.rssMb.toFixed(0)} MB; normref check ${s(t.check)}: ${(spell.cpuMs / t.check).toFixed(1)}× faster`);
    record('cspell over the same files (CPU)', spell.cpuMs, 'ms', 'info', null);
    record('  cspell ÷ check', spell.cpuMs / t.check, '×', '≥ 20×', spell.cpuMs / t.check >= 20);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await checkBench({ quick: process.argv.includes('--quick') });
  for (const r of results) console.log(`${r.name.padEnd(36)} ${`${r.value.toFixed(r.unit === '×' ? 2 : 1)} ${r.unit}`.padStart(14)}  ${r.target.padEnd(9)} ${r.ok === null ? '' : r.ok ? 'ok' : 'MISSED'}`);
}

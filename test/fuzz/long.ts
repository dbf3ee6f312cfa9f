// `npm run fuzz`: the fuzz suite's properties for longer, with a fresh seed, printing the inputs
// tried per second. Options: --seconds N (per property, default 30), --seed N (to replay a run).
// Exits 1 with the shrunk counterexample and its seed when a property fails.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { bundledService } from '../support/catalog';
import { customService } from '../support/custom-data';
import { boundaryEdits, edits, policyDocument, policyText } from './generators';
import { checkBlockScan, checkEdits, checkLineEnds, checkScan, checkService } from './properties';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, seed: { type: 'string' } } });
const seconds = Number(values.seconds);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() ^ (Math.random() * 0x7fffffff);
if (!(seconds > 0) || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--seconds N] [--seed N]\n');
  process.exit(2);
}

const service = bundledService();
const lfOnly = policyText.map((t) => t.replace(/\r\n?/g, '\n'));
const formats = fc.constantFrom('markdown' as const, 'plaintext' as const);
const options = { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false };
interface Outcome {
  numRuns: number;
  failed: boolean;
  message: string;
}
type Run = () => Outcome;
function outcome<T>(details: fc.RunDetails<T>): Outcome {
  return { numRuns: details.numRuns, failed: details.failed, message: (details.failed && fc.defaultReportMessage(details)) || '' };
}
const properties: Array<[string, Run]> = [
  ['scan: ranges, texts, order', () => outcome(fc.check(fc.property(policyDocument, ({ text, format }) => checkScan(text, format)), options))],
  ['scan: CR and CRLF as LF', () => outcome(fc.check(fc.property(lfOnly, formats, (text, format) => checkLineEnds(text, format)), options))],
  ['service: hover, links, completion', () => outcome(fc.check(fc.property(policyDocument, ({ text, format }) => checkService(service, text, format)), options))],
  [
    'service: incremental edits',
    () => outcome(fc.check(fc.property(policyDocument, edits, fc.boolean(), ({ text, format }, list, sameVersion) => checkEdits(service, text, format, list, sameVersion)), options)),
  ],
  [
    'scan: edited blocks as the whole',
    () => outcome(fc.check(fc.property(policyDocument, boundaryEdits, fc.constantFrom(1, 2, 3), ({ text, format }, list, cutOdds) => checkBlockScan(text, format, list, cutOdds)), options)),
  ],
  ['custom data: scan and service', () => outcome(fc.check(fc.property(policyDocument, ({ text, format }) => (checkScan(text, format, customService()), checkService(customService(), text, format))), options))],
  [
    'custom data: edited blocks',
    () => outcome(fc.check(fc.property(policyDocument, boundaryEdits, fc.constantFrom(1, 2, 3), ({ text, format }, list, cutOdds) => checkBlockScan(text, format, list, cutOdds, customService())), options)),
  ],
];

console.log(`normref fuzz: seed ${seed}, ${seconds} s per property`);
let failed = false;
let total = 0;
for (const [name, run] of properties) {
  const started = performance.now();
  const details = run();
  const elapsed = (performance.now() - started) / 1000;
  total += details.numRuns;
  console.log(`${name.padEnd(36)} ${String(details.numRuns).padStart(9)} inputs in ${elapsed.toFixed(1)} s: ${(details.numRuns / elapsed).toFixed(0)} inputs/s`);
  if (details.failed) {
    failed = true;
    console.log(details.message);
  }
}
console.log(`${total} inputs in all; ${failed ? 'FAILED' : 'no property failed'}`);
process.exitCode = failed ? 1 : 0;

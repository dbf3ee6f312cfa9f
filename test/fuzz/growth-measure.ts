// What the growth guards measure, run in a worker thread (growth-worker.ts) so that a step that
// has become exponential is stopped by a deadline instead of hanging the test run.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bundledService } from '../support/catalog';
import { customService } from '../support/custom-data';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * The smaller input is grown until it is this long and its fastest run takes this long, so that
 * timer noise and one-off costs do not count; but not beyond MAX_SMALL_LENGTH, so that both sizes
 * fit the processor's caches alike (past a few MB every pass slows down, linear or not).
 */
const MIN_MS = 5;
const MIN_SMALL_LENGTH = 16 * 1024;
const MAX_SMALL_LENGTH = 96 * 1024;

type Format = 'markdown' | 'plaintext';
const service = bundledService();
let documents = 0;

/** An analysis with the custom data fixture and its costliest allowed pattern (test/support/custom-data.ts). */
function analyseCustom(text: string, format: Format): void {
  const custom = customService();
  const document = TextDocument.create(`file:///growth/${documents++}`, format, 1, text);
  void custom.analyze(document).resolutions;
  custom.forget(document.uri);
}

function analyse(text: string, format: Format): void {
  const document = TextDocument.create(`file:///growth/${documents++}`, format, 1, text);
  // Resolved too: links and the CLI resolve every reference.
  void service.analyze(document).resolutions;
  service.forget(document.uri);
}

/** The diagnostics of the whole text and the code actions at its middle, as the server computes them. */
function check(text: string, format: Format): void {
  const document = TextDocument.create(`file:///growth/${documents++}`, format, 1, text);
  void service.diagnostics(document);
  const middle = document.positionAt(text.length >> 1);
  void service.codeActions(document, { start: middle, end: middle });
  service.forget(document.uri);
}

/** A hover in the middle of a large document, which reads a window of it. */
function hoverInMiddle(text: string, format: Format): void {
  const document = TextDocument.create(`file:///growth/${documents++}`, format, 1, text);
  service.hover(document, document.positionAt(text.length >> 1));
  service.forget(document.uri);
}

function fastest(run: () => void, times: number): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    gc();
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function growth(make: (n: number) => string, format: Format, step: (text: string, format: Format) => void, n: number, times: number): [number, number, number] {
  const small = make(n);
  const large = make(n * 8);
  const a = fastest(() => step(small, format), times);
  const b = fastest(() => step(large, format), times);
  return [b / Math.max(a, 0.01), a, b];
}

/** The growth of one family: time at n, at 8n, and their ratio (the worse of two measurements if the first is high). */
export function measure(family: Family, maxRatio: number): Growth {
  const { make, format = 'markdown', step = 'analyse' } = family;
  const run = { analyse, hover: hoverInMiddle, check, custom: analyseCustom }[step];
  // Warm-up: the first runs of any code are slow, and would make the calibration stop too early.
  for (let i = 0; i < 3; i++) run(make(64), format);
  let n = 1;
  while (make(n).length < MIN_SMALL_LENGTH) n *= 2;
  while (make(n).length < MAX_SMALL_LENGTH && fastest(() => run(make(n), format), 3) < MIN_MS) n *= 2;
  let [ratio, small, large] = growth(make, format, run, n, 3);
  // A slow run on a busy machine is measured again before it counts.
  if (ratio > maxRatio) [ratio, small, large] = growth(make, format, run, n, 7);
  return { length: make(n).length, small, large, ratio };
}

export interface Growth {
  /** Length of the smaller input; the larger is about 8 times as long. */
  length: number;
  small: number;
  large: number;
  ratio: number;
}

export interface Family {
  name: string;
  make: (n: number) => string;
  format?: Format;
  /** What is timed: an analysis of the whole text, or a hover in its middle; `custom`: an analysis with custom data. */
  step?: 'analyse' | 'hover' | 'check' | 'custom';
}

/** The inputs that once made a step super-linear, each as a function of a size. */
export const FAMILIES: Family[] = [
  { name: 'diagnostics: two editions of one standard, cited again and again', step: 'check', make: (n) => `ISO/IEC 27001:2022.\n\n${'Audits follow ISO/IEC 27001:2013 and ISO/IEC 27001:2022. '.repeat(n)}` },
  { name: 'diagnostics: 2013 controls and titles under 2022', step: 'check', make: (n) => `ISO/IEC 27001:2022\n\n${'- A.9.2.3 Management of privileged access rights\n- A.8.2 Information classification\n- A.5.1 Access control\n'.repeat(n)}` },
  { name: 'diagnostics: one line of 2013 controls under 2022, bare, bracketed and "formerly"', step: 'check', make: (n) => `ISO/IEC 27001:2022\n\n${'A.12.4.4 [A.9.2.3] (formerly A.12.4.1) '.repeat(n)}\n` },
  { name: 'diagnostics: suppression comments, open and closed', step: 'check', make: (n) => `ISO/IEC 27002:2013\n\n${'<!-- normref-disable withdrawn renamed -->\nBS 7799-2 <!-- normref-disable-line -->\n<!-- normref-enable renamed -->\n'.repeat(n)}` },
  { name: 'diagnostics: normref comments misspelt, unclosed, one after another', step: 'check', make: (n) => `${'<!-- normref-disabel withdrawm <!-- normref as-of: 2021-13 <!-- normref edition: 2019 -->'.repeat(n)}\n${'<!-- normref-enable x '.repeat(n)}\n` },
  { name: 'plain text: normref comments after text, again and again', step: 'check', format: 'plaintext', make: (n) => `${'BS 7799-2 # normref-disable-line withdrwn '.repeat(n)}\n${'// normref-enabel\n'.repeat(n)}` },
  { name: 'front matter with indented lines', make: (n) => `---\nnormref:\n${'    x\n'.repeat(n)}---\nISO 27001\n` },
  { name: 'co-publishers without end: ISO/ISO/…', make: (n) => 'ISO/'.repeat(n), format: 'plaintext' },
  { name: 'co-publishers after hyphens: ISO-IEC-IEC…', make: (n) => `ISO${'-IEC'.repeat(n)}`, format: 'plaintext' },
  { name: 'co-publishers after spaced slashes: ISO /IEC /IEC…', make: (n) => `ISO${' /IEC'.repeat(n)}`, format: 'plaintext' },
  { name: 'type words without end: ISO DTR DTR…', make: (n) => `ISO${' DTR'.repeat(n)}`, format: 'plaintext' },
  { name: 'parts and supplements without end', make: (n) => `ISO 9001${'-2015'.repeat(n)} ISO 27001${'/Amd 1'.repeat(n)}`, format: 'plaintext' },
  { name: 'a list of standards', make: (n) => `ISO/IEC 27001${', 27002'.repeat(n)}` },
  { name: 'a list of controls', make: (n) => `ISO/IEC 27001:2022 A.5.1${', A.5.2'.repeat(n)}` },
  { name: 'a list of ITIL practices', make: (n) => `ITIL 4 practices: Incident management${', Problem management'.repeat(n)}` },
  { name: 'Statement of Applicability rows', make: (n) => `ISO/IEC 27001:2022\n\n| Control | Title |\n| --- | --- |\n${'| A.5.1 | Policies |\n'.repeat(n)}` },
  { name: 'control area list items', make: (n) => `ISO/IEC 27002:2013\n\n${'- Access control\n'.repeat(n)}` },
  { name: 'a delimiter row of many columns', make: (n) => `ISO 27001\n\n| a |\n${'|---'.repeat(n)}|\n` },
  { name: 'a table header of many standards', make: (n) => `${'| ISO/IEC 27001:2013 '.repeat(n)}|\n${'|---'.repeat(n)}|\n| 5.1 |\n` },
  { name: 'edition directives in code blocks', make: (n) => '```\n<!-- normref edition: 2013 -->\n```\n\n'.repeat(n) },
  { name: 'unclosed code, comments and links', make: (n) => `ISO 27001 ${'`a``b <!-- ]( <a:'.repeat(n)}` },
  { name: 'fences and indented code', make: (n) => '```\nISO 1\n    ISO 2\n\n'.repeat(n) },
  { name: 'clause numbers without a standard', make: (n) => `ISO 9001\n\n${'clause 4.1 and clause 6.1.2 of '.repeat(n)}ISO/IEC 27001` },
  { name: 'COBIT ids and control words', make: (n) => `COBIT 2019 ISO 27001 ${'APO13 control DSS05.04 Annex '.repeat(n)}` },
  { name: 'long runs of spaces after anchors', make: (n) => `ITIL 4${' '.repeat(40 * n)}A.5${' '.repeat(40 * n)}Annex`, format: 'plaintext' },
  { name: 'lone CR line ends', make: (n) => 'ISO/IEC 27001\r\r| Control |\r|---|\r| A.5.1 |\r'.repeat(n) },
  { name: 'headings and list items with titles and numbers', make: (n) => `ISO/IEC 20000-1:2018\n\n${'### 3.1 Change management (8.5.1) (x (y\n- **Obligations (7.3):** (a) (b\n'.repeat(n)}` },
  { name: 'plain lines in an ITIL document, with nothing to find', make: (n) => `ITIL 4\n\n${'Incident records are kept for a year\n'.repeat(n)}` },
  { name: 'list items in a document with few brackets', make: (n) => `ISO 9001\n\n${'- Incident records are kept for a year\n'.repeat(n)}(` },
  { name: 'practice names at line starts in an ITIL document', make: (n) => `ITIL 4\n\n${'1.1 Incident Management -> Change enablement, Problem management and\n'.repeat(n)}` },
  { name: 'one paragraph of dated references and undated numbers', make: (n) => `ISO/IEC 27001:2013 ${'and A.9.2.3, A.12.6.1, ISO 9001:2015 and A.8.2; '.repeat(n)}` },
  { name: 'a table of undated numbers', make: (n) => `ISO/IEC 27001\n\n| Control | Title |\n|---|---|\n${'| A.9.2.3 | x |\n| A.5.23 | y |\n| A.8.2 | z |\n'.repeat(n)}` },
  { name: 'one long line of references', make: (n) => 'Controls per ISO/IEC 27002:2022 and A.5.15 of ISO 27001. '.repeat(n), format: 'plaintext' },
  { name: 'custom data: a register of ids, one per table row', step: 'custom', make: (n) => `| Policy | Title |\n| --- | --- |\n${'| POL-XY-99 | Screening policy |\n'.repeat(n)}` },
  { name: 'custom data: words the costliest allowed pattern nearly matches', step: 'custom', make: (n) => 'AAAAAAAAAAAAAAAAAAA '.repeat(n), format: 'plaintext' },
  // Each piece fails every pattern only after reading into it: a lowercase part, an id in code, a digit too many, a letter before.
  { name: 'custom data: near misses of an id, in Markdown code and prose', step: 'custom', make: (n) => 'POL-ac-01 `POL-AC-01` NEN 75101 POL- xPOL-AC-01 '.repeat(n) },
  {
    // The hover reads the document once (code blocks, declared edition) and a window: both linear.
    name: 'a hover in a large document reads a window, not the whole',
    make: (n) => '# Policy\n\nISO/IEC 27001:2022 A.5.15 and ISO 9001.\n\n'.repeat(48_000 * n),
    step: 'hover',
  },
];


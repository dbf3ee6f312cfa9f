// The check: every finding of a document, read from its analysis. The rules (standards.ts,
// controls.ts, mixed.ts) say what is wrong; here the settings decide what is reported: each
// code's severity, the team's ignore list and the document's suppression comments. Worked out
// once per analysis and settings, as the server asks for diagnostics and code actions of one text.
import { formatOf, type Analysis } from '../analysis';
import type { Catalog } from '../catalog';
import { familyOfDocument } from '../model/editions';
import type { ControlResolution, StandardResolution } from '../resolve';
import { declaredAsOf } from '../scan/directives';
import { withLineFeeds } from '../scan/line-ends';
import type { DiagnosticSettings } from '../settings';
import { gentler, type DiagnosticCode } from './rules';
import type { CheckContext, Found } from './context';
import { checkControl } from './controls';
import { checkDirectives } from './directives';
import type { Finding } from './finding';
import { ignoring } from './ignore';
import { checkMixedEditions } from './mixed';
import { checkStandard } from './standards';
import { suppressions } from './suppression';

const checked = new WeakMap<Analysis, { settings: DiagnosticSettings; findings: Finding[] }>();

/** The related places or fixes of a finding that has none: one shared, never changed, list. */
const NONE: never[] = [];

/** References checked between two pauses of checkInSlices: about a third of a millisecond. */
const SLICE = 256;

export function check(analysis: Analysis, catalog: Catalog, settings: DiagnosticSettings): Finding[] {
  const cached = checked.get(analysis);
  if (cached?.settings === settings) return cached.findings;
  const steps = findingsOf(analysis, catalog, settings);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return kept(analysis, settings, step.value);
}

/**
 * The check in slices, with a pause between them in which the server answers the requests that
 * came in (a completion typed right after the change waits a slice, not the whole check).
 * `pause` says whether to go on; undefined when it said no (the text changed meanwhile).
 */
export async function checkInSlices(analysis: Analysis, catalog: Catalog, settings: DiagnosticSettings, pause: () => Promise<boolean>): Promise<Finding[] | undefined> {
  const cached = checked.get(analysis);
  if (cached?.settings === settings) return cached.findings;
  const steps = findingsOf(analysis, catalog, settings);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return kept(analysis, settings, step.value);
    if (!(await pause())) return undefined;
  }
}

function kept(analysis: Analysis, settings: DiagnosticSettings, findings: Finding[]): Finding[] {
  checked.set(analysis, { settings, findings });
  return findings;
}

/** The findings; yields after every SLICE references, where a caller may pause. */
function* findingsOf(analysis: Analysis, catalog: Catalog, settings: DiagnosticSettings): Generator<void, Finding[]> {
  if (!analysis.model) return [];
  const severities = settings.severities;
  const enabled = enabledCodes(severities);
  if (enabled.size === 0) return [];
  // Line ends as the scan read them (a lone carriage return as a line feed): the checks read lines too.
  const text = withLineFeeds(analysis.window ? analysis.text.slice(analysis.window.from, analysis.window.to) : analysis.text);
  const base = analysis.windowStart;
  // The document knows its line starts already.
  const lineOf = (offset: number) => analysis.document.positionAt(offset + base).line + 1;
  const standards: StandardResolution[] = [];
  const controls: ControlResolution[] = [];
  for (const r of analysis.resolutions) {
    if (r.kind === 'standard') standards.push(r);
    else if (r.kind === 'control' || r.kind === 'control-area') controls.push(r);
  }
  const context: CheckContext = {
    analysis,
    model: analysis.model!,
    catalog,
    text,
    editionsInUse: editionsInUse(controls),
    ...crosswalks(standards, analysis),
    lineOf,
    enabled: (code) => enabled.has(code),
    // The document's own date wins over the one the CLI is given; read only if an edition is withdrawn.
    asOf: once(() => declaredAsOf(analysis.text, formatOf(analysis.document), (word) => analysis.mentions.has(word)) ?? settings.asOf),
  };

  const found: Found[] = [];
  const add = (list: readonly Found[]) => {
    for (const f of list) found.push(f);
  };
  let done = 0;
  for (const r of standards) {
    checkStandard(r, context, found);
    if (++done % SLICE === 0) yield;
  }
  for (const r of controls) {
    add(checkControl(r, context));
    if (++done % SLICE === 0) yield;
  }
  if (context.enabled('mixed-editions')) add(checkMixedEditions(standards, context));
  if (context.enabled('directive') && analysis.mentions.has('normref')) add(checkDirectives(text, formatOf(analysis.document)));
  found.sort((a, b) => a.start - b.start || a.end - b.end);

  const suppressed = suppressions(text, formatOf(analysis.document), lineOf, (word) => analysis.mentions.has(word));
  const ignored = ignoring(settings.ignore);
  const findings: Finding[] = [];
  for (const f of found) {
    const severity = severities[f.code];
    if (severity === 'off' || suppressed(f.code, f.start) || ignored(f.subject, text.slice(f.start, f.end))) continue;
    // Offsets are the window's, moved to the document's; a whole document's are its own already.
    findings.push({
      code: f.code,
      severity: f.unsure ? gentler(severity) : severity,
      start: f.start + base,
      end: f.end + base,
      message: f.message,
      related: !f.related ? NONE : base === 0 ? f.related : f.related.map((x) => ({ ...x, start: x.start + base, end: x.end + base })),
      fixes: !f.fixes ? NONE : base === 0 ? f.fixes : f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + base, end: e.end + base })) })),
      subject: f.subject,
    });
  }
  return findings;
}

const enabledByTable = new WeakMap<DiagnosticSettings['severities'], ReadonlySet<DiagnosticCode>>();

/** The codes a table of severities reports: one set per settings, asked for at every rule of every reference. */
function enabledCodes(severities: DiagnosticSettings['severities']): ReadonlySet<DiagnosticCode> {
  let codes = enabledByTable.get(severities);
  if (!codes) enabledByTable.set(severities, (codes = new Set((Object.keys(severities) as DiagnosticCode[]).filter((c) => severities[c] !== 'off'))));
  return codes;
}

/** The tables whose header cites two editions of one document, and the citations heading their columns. */
function crosswalks(standards: readonly StandardResolution[], analysis: Analysis): { crosswalkColumns: Set<number>; crosswalkTables: Set<number> } {
  const headers = new Map<string, StandardResolution[]>();
  for (const r of standards) {
    const table = r.deliverable?.year !== undefined ? analysis.model!.headedTable(r.reference) : undefined;
    if (table === undefined) continue;
    const key = `${table} ${r.designation}`;
    const list = headers.get(key);
    if (list) list.push(r);
    else headers.set(key, [r]);
  }
  const columns = new Set<number>();
  const tables = new Set<number>();
  // The latest edition of each standard the text cites outside table headers.
  const latest = new Map<string, number>();
  for (const r of standards) {
    const year = r.deliverable?.year;
    if (year !== undefined && !analysis.model!.headsTable(r.reference) && year > (latest.get(r.designation) ?? 0)) latest.set(r.designation, year);
  }
  for (const [key, list] of headers) {
    if (new Set(list.map((r) => r.deliverable!.year)).size < 2) {
      // "| Control | Title | ISO/IEC 27001:2013 |" in a policy that cites 2022: the former numbers' column.
      for (const r of list) if (r.deliverable!.year! < (latest.get(r.designation) ?? 0)) columns.add(r.reference.start);
      continue;
    }
    tables.add(Number(key.split(' ')[0]));
    for (const r of list) columns.add(r.reference.start);
  }
  return { crosswalkColumns: columns, crosswalkTables: tables };
}

/** "isms 2013", "ISO/IEC 20000-1 2011": the editions the document's numbers are read in, with evidence of the text. */
function editionsInUse(controls: readonly ControlResolution[]): Set<string> {
  const used = new Set<string>();
  for (const r of controls) {
    if (r.rule === 'setting' || r.rule === 'latest' || !r.edition) continue;
    used.add(`${familyOfDocument(r.numbering.document)} ${r.edition}`);
  }
  return used;
}

function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

// Reads a custom data file: YAML, checked against the custom data schema and normref's limits,
// with every problem placed at the line and column of the value it is about. A file with an error
// gives no data at all, only its problems: half a file (a set of ids without its pattern, a
// framework without its versions) would be read in ways its author did not write. Never throws.
import * as l10n from '@vscode/l10n';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import type { ControlSet } from '../catalog/controls';
import type { Framework } from '../catalog/curated';
import { MAX_ALIASES, MAX_CUSTOM_DATA_LENGTH, MAX_PROBLEMS, type CustomData, type CustomDataProblem, type InternalEntry } from './data';
import { checkPattern } from './pattern';
import { schemaErrors } from './validate';

export interface ParsedCustomData {
  /** Undefined when the file has an error. */
  data?: CustomData;
  problems: CustomDataProblem[];
}

/** As the schema has it: what a valid file holds before normref fills in its defaults. */
interface Written {
  frameworks?: Array<Omit<Framework, 'fullName' | 'current'> & { fullName?: string; current?: string }>;
  controlSets?: ControlSet[];
  summaries?: Record<string, string>;
  links?: Record<string, string>;
  internal?: Array<{ name: string; pattern: string; url?: string; summary?: string; entries?: InternalEntry[] }>;
}

type Path = ReadonlyArray<string | number>;

export function parseCustomData(text: string, source: string): ParsedCustomData {
  try {
    return parse(text, source);
  } catch (e) {
    // Nothing below should throw; if it does, the file is reported, not the server broken.
    return { problems: [{ message: l10n.t('{0} could not be read: {1}', source, (e as Error).message), range: at0, severity: 'error' }] };
  }
}

const at0: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function parse(text: string, source: string): ParsedCustomData {
  if (text.length > MAX_CUSTOM_DATA_LENGTH) {
    return { problems: [{ message: l10n.t('The file is larger than {0} MB ({1} KB): normref does not read it.', MAX_CUSTOM_DATA_LENGTH / 1024 / 1024, Math.ceil(text.length / 1024)), range: at0, severity: 'error' }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const place = new Places(text, doc, lines);
  const problems: CustomDataProblem[] = [];
  const report = (message: string, range: Range, severity: CustomDataProblem['severity'] = 'error') => problems.push({ message, range, severity });
  for (const e of doc.errors) report(`YAML: ${e.message}`, place.offsets(e.pos[0], e.pos[1]));
  for (const w of doc.warnings) report(`YAML: ${w.message}`, place.offsets(w.pos[0], w.pos[1]), 'warning');
  if (doc.errors.length) return { problems: capped(problems) };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    let alias: YamlNode | undefined;
    visit(doc, { Alias: (_, node) => ((alias = node), visit.BREAK) });
    report(l10n.t("The file's aliases expand to too many values (more than {0}): normref does not read it (an alias bomb?).", MAX_ALIASES), alias ? place.node(alias) : at0);
    return { problems };
  }
  for (const e of schemaErrors(value)) report(e.message, place.at(e.path, e.key));
  if (problems.some((p) => p.severity === 'error')) return { problems: capped(problems) };

  const written = value as Written;
  const internal = (written.internal ?? []).map((scheme, i) => {
    const checked = checkPattern(scheme.pattern);
    if (checked.problem !== undefined) {
      report(`internal[${i}].pattern: ${checked.problem}.`, place.inString(['internal', i, 'pattern'], scheme.pattern, checked.at));
      return undefined;
    }
    const whole = new RegExp(`^(?:${checked.source})$`, 'u');
    (scheme.entries ?? []).forEach((entry, j) => {
      if (!whole.test(entry.id)) report(`internal[${i}].entries[${j}].id: ${l10n.t('"{0}" does not match the pattern {1}, so it is never found in a text.', entry.id, scheme.pattern)}`, place.at(['internal', i, 'entries', j, 'id']));
    });
    return { name: scheme.name, pattern: scheme.pattern, checked: checked.source, entries: scheme.entries ?? [], source, ...(scheme.url ? { url: scheme.url } : {}), ...(scheme.summary ? { summary: scheme.summary } : {}) };
  });
  if (problems.some((p) => p.severity === 'error')) return { problems: capped(problems) };

  const data: CustomData = {
    source,
    frameworks: (written.frameworks ?? []).map((f) => ({ ...f, fullName: f.fullName ?? f.name, current: f.current ?? currentVersion(f.versions) })),
    controlSets: written.controlSets ?? [],
    summaries: written.summaries ?? {},
    links: written.links ?? {},
    internal: internal.filter((s) => s !== undefined),
    rangeOf: (path) => place.at(path),
  };
  return { data, problems: capped(problems) };
}

/** A framework's current version when the file names none: the one marked current, else the last. */
function currentVersion(versions: Framework['versions']): string {
  return (versions.find((v) => v.status === 'current') ?? versions[versions.length - 1])?.key ?? '';
}

function capped(problems: CustomDataProblem[]): CustomDataProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), { ...problems[MAX_PROBLEMS], message: `… and ${problems.length - MAX_PROBLEMS} more problems.` }];
}

/** Ranges of a YAML document's nodes and offsets as LSP ranges (0-based lines, UTF-16 columns). */
class Places {
  constructor(
    private readonly text: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  position(offset: number): Position {
    const { line, col } = this.lines.linePos(Math.min(offset, this.text.length));
    return { line: line - 1, character: col - 1 };
  }

  offsets(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** A node's value, up to the end of its first line: a whole mapping would cover the screen. */
  node(node: YamlNode): Range {
    const [start, valueEnd] = node.range ?? [0, 0];
    const eol = this.text.indexOf('\n', start);
    return this.offsets(start, eol >= 0 ? Math.min(valueEnd, eol) : valueEnd);
  }

  /** The value at `path`, or the key `key` of the mapping there; the nearest existing parent when there is none. */
  at(path: Path, key?: string): Range {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (!node || typeof node !== 'object' || !('range' in node)) continue;
      if (key !== undefined && n === path.length && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
        if (pair && isScalar(pair.key)) return this.node(pair.key);
      }
      return this.node(node as YamlNode);
    }
    return at0;
  }

  /** A character of a string value: exact where the file writes the string as it is (plain, or quoted without escapes). */
  inString(path: Path, value: string, offset: number): Range {
    const node = this.doc.getIn(path, true) as YamlNode | undefined;
    const [start, end] = node?.range ?? [0, 0];
    const k = this.text.slice(start, end).indexOf(value);
    if (!node || k < 0 || k > 1) return this.at(path);
    return this.offsets(start + k + offset, start + k + Math.min(offset + 1, value.length));
  }
}

// `--format sarif`: a SARIF 2.1.0 log, as GitHub code scanning and other viewers read it, written
// a file at a time: the run's head (the tool and one rule per code), then the results, then the
// invocation (the files that could not be read). Regions are 1-based and count UTF-16 code
// units (the run's columnKind), as the service's offsets do. partialFingerprints are hashes of
// the code, what the finding is about and its line's text: a finding keeps its alert when lines
// are added above it.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CODES, helpUrl, RULES, type DiagnosticCode, type Finding, type Severity } from '../../service';
import type { Output } from '../output';
import type { CheckedFile, Reporter, Summary } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const FINGERPRINT = 'normrefFinding/v1';

export interface ToolInfo {
  version: string;
  informationUri: string;
}

export class SarifReporter implements Reporter {
  private written = 0;
  private readonly root = process.cwd();

  constructor(
    private readonly output: Output,
    tool: ToolInfo,
  ) {
    const run: sarif.Run = {
      tool: { driver: { name: 'normref', version: tool.version, semanticVersion: tool.version, informationUri: tool.informationUri, rules: CODES.map(rule) } },
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${this.root}${path.sep}`).href } },
    };
    const head = JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] });
    // Everything up to the run's closing brace, then the results array is opened.
    output.write(`${head.slice(0, -3)},"results":[`);
  }

  async file({ name, path: file, document, findings }: CheckedFile): Promise<void> {
    const location = this.artifact(name, file);
    const seen = new Map<string, number>();
    for (const f of findings) {
      this.output.write(`${this.written++ ? ',' : ''}\n${JSON.stringify(this.result(location, document, f, seen))}`);
      await this.output.ready();
    }
  }

  end(summary: Summary): void {
    const invocation: sarif.Invocation = {
      executionSuccessful: summary.problems.length === 0,
      toolExecutionNotifications: summary.problems.map((p) => ({
        level: 'error',
        message: { text: p.message },
        locations: [{ physicalLocation: { artifactLocation: this.artifact(p.file, p.path) } }],
      })),
    };
    this.output.write(`${this.written ? '\n' : ''}],"invocations":[${JSON.stringify(invocation)}]}]}\n`);
  }

  /** A file inside the working folder is written relative to %SRCROOT%, as code scanning wants. */
  private artifact(name: string, file: string | undefined): sarif.ArtifactLocation {
    const absolute = file ?? path.resolve(name);
    const relative = path.relative(this.root, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }

  private result(artifactLocation: sarif.ArtifactLocation, document: TextDocument, f: Finding, seen: Map<string, number>): sarif.Result {
    const region = regionOf(document, f.start, f.end);
    // The same finding on two identical lines: the second is told apart by its count, as GitHub's own line hashes are.
    const key = fingerprint(f, lineText(document, region.startLine! - 1));
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const safe = f.fixes.filter((x) => x.safe);
    return {
      ruleId: f.code,
      ruleIndex: CODES.indexOf(f.code),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation, region } }],
      ...(f.related.length
        ? { relatedLocations: f.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation, region: regionOf(document, r.start, r.end) } })) }
        : {}),
      partialFingerprints: { [FINGERPRINT]: `${key}:${occurrence}` },
      ...(safe.length
        ? {
            fixes: safe.map((x) => ({
              description: { text: x.title },
              artifactChanges: [{ artifactLocation, replacements: x.edits.map((e) => ({ deletedRegion: regionOf(document, e.start, e.end), insertedContent: { text: e.newText } })) }],
            })),
          }
        : {}),
    };
  }
}

function rule(code: DiagnosticCode): sarif.ReportingDescriptor {
  const r = RULES[code];
  return {
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.summary },
    // `text` is plain text (SARIF §3.11.3): the help's code spans lose their backticks there; `markdown` keeps them.
    fullDescription: { text: plain(r.help), markdown: r.help },
    help: { text: `${plain(r.help)}\n${helpUrl(code)}`, markdown: `${r.help}\n\n[${code} in the normref README](${helpUrl(code)})` },
    helpUri: helpUrl(code),
    defaultConfiguration: r.severity === 'off' ? { enabled: false, level: 'note' } : { level: LEVEL[r.severity] },
  };
}

/** SARIF regions: 1-based lines and columns; the end column is the one after the region. */
function regionOf(document: TextDocument, start: number, end: number): sarif.Region {
  const s = document.positionAt(start);
  const e = document.positionAt(end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
}

function fingerprint(f: Finding, line: string): string {
  return createHash('sha256').update(`${f.code}\n${f.subject}\n${line.trim().replace(/\s+/g, ' ')}`).digest('hex').slice(0, 32);
}

/** Markdown code spans as plain text: "`ISO 27001` is `ISO/IEC 27001`" → "ISO 27001 is ISO/IEC 27001". */
function plain(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1');
}

// `--format json`: one JSON array of findings, written one object to a line as each file is
// checked. Ranges are 0-based line/character positions counted in UTF-16 code units, as in LSP.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { helpUrl, type Finding } from '../../service';
import type { Output } from '../output';
import type { CheckedFile, Reporter } from './report';

export interface JsonFinding {
  file: string;
  range: JsonRange;
  severity: Finding['severity'];
  code: Finding['code'];
  message: string;
  /** The reference as normref reads it, what `normref.ignore` matches. */
  subject: string;
  related: { range: JsonRange; message: string }[];
  fixes: { title: string; safe: boolean; edits: { range: JsonRange; newText: string }[] }[];
  helpUri: string;
}

type JsonRange = ReturnType<typeof range>;

function range(document: TextDocument, start: number, end: number) {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toJsonFinding(file: string, document: TextDocument, f: Finding): JsonFinding {
  return {
    file,
    range: range(document, f.start, f.end),
    severity: f.severity,
    code: f.code,
    message: f.message,
    subject: f.subject,
    related: f.related.map((r) => ({ range: range(document, r.start, r.end), message: r.message })),
    fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe, edits: x.edits.map((e) => ({ range: range(document, e.start, e.end), newText: e.newText })) })),
    helpUri: helpUrl(f.code),
  };
}

/** A JSON array written an element at a time: `[`, then `{…}` lines joined by commas, then `]`. */
export class JsonArrayWriter {
  private written = 0;

  constructor(private readonly output: Output) {
    output.write('[');
  }

  add(value: unknown): void {
    this.output.write(`${this.written++ ? ',' : ''}\n${JSON.stringify(value)}`);
  }

  end(): void {
    this.output.write(this.written ? '\n]\n' : ']\n');
  }
}

export class JsonReporter implements Reporter {
  private readonly array: JsonArrayWriter;

  constructor(private readonly output: Output) {
    this.array = new JsonArrayWriter(output);
  }

  async file({ name, document, findings }: CheckedFile): Promise<void> {
    for (const f of findings) {
      this.array.add(toJsonFinding(name, document, f));
      await this.output.ready();
    }
  }

  end(): void {
    this.array.end();
  }
}

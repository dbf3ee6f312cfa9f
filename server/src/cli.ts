// The normref command line: the same service as the language server, over files and folders.
//   normref scan [--json] <files or folders>…   every reference, as text or as one JSON array
//   normref lookup <reference>                   what a hover shows
// Files are read, analysed, written out and forgotten one at a time, so memory does not grow with
// the number of files.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXIT, Output } from './cli/output';
import { languageOf, policyFiles } from './cli/policy-files';
import { readText } from './cli/read-text';
import { packageVersion, readCatalogSources } from './data-files';
import { createService, DEFAULT_SETTINGS, summarize, type NormrefService, type Resolution, type ResolvedSummary, type Settings } from './service';

const USAGE = `Usage:
  normref scan [--json] [--edition 2022|2013|2005] <file or folder>…
                                list the references to standards in policy documents
  normref lookup [--edition 2022|2013|2005] <reference>
                                describe one reference, e.g. "ISO/IEC 27001:2022" or "A.8.2"
  normref --help | --version

Folders are searched for Markdown (.md, .markdown) and text (.txt) files; symbolic links are
followed. Files may be UTF-8 (with or without a byte-order mark) or UTF-16 with one.
--edition: the ISO/IEC 27001/27002 edition of a control number that nothing in the document
dates (the setting normref.controls.defaultEdition; default 2022).
Exit codes: 0 done; 1 lookup found nothing; 2 wrong arguments, or a file that could not be read
or output that could not be written; 70 a bug in normref.`;

/** A line for the user that ends the command with this exit code. */
class CliError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

export interface JsonReference {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  kind: string;
  id: string;
  resolved: ResolvedSummary | null;
}

const output = new Output();

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    output.write(`${USAGE}\n`);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === '--version') {
    output.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  switch (command) {
    case 'scan':
      return scanCommand(rest);
    case 'lookup':
      return lookupCommand(rest);
    default:
      throw new CliError(`normref: unknown command "${command}" (try: normref --help)`, EXIT.usage);
  }
}

const OPTIONS = { json: { type: 'boolean' }, edition: { type: 'string' } } as const;

function parse(args: string[]): { json: boolean; settings: Settings; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`normref: ${(error as Error).message} (try: normref --help)`, EXIT.usage);
  }
  const edition = parsed.values.edition ?? DEFAULT_SETTINGS.controls.defaultEdition;
  if (!/^(2022|2013|2005)$/.test(edition)) throw new CliError(`normref: --edition ${edition}: expected 2022, 2013 or 2005`, EXIT.usage);
  return {
    json: !!parsed.values.json,
    settings: { ...DEFAULT_SETTINGS, controls: { ...DEFAULT_SETTINGS.controls, defaultEdition: edition } },
    positionals: parsed.positionals,
  };
}

function scanCommand(args: string[]): number {
  const { json, settings, positionals } = parse(args);
  if (positionals.length === 0) throw new CliError('normref scan: give at least one file or folder (try: normref --help)', EXIT.usage);
  const service = createService(readCatalogSources());
  let problems = 0;
  let written = 0;
  if (json) output.write('[');
  for (const found of policyFiles(positionals)) {
    const scanned = 'problem' in found ? found.problem : scanFile(service, found.file, settings);
    if (typeof scanned === 'string') {
      process.stderr.write(`normref: ${found.file}: ${scanned}\n`);
      problems++;
      continue;
    }
    for (const r of scanned.resolutions) {
      // Each reference is written as it is formatted: the output of a large tree is never held whole.
      if (json) output.write(`${written ? ',' : ''}\n${indent(JSON.stringify(toJson(found.file, scanned.document, r), null, 2))}`);
      else output.write(`${toLine(found.file, scanned.document, r)}\n`);
      written++;
    }
    service.forget(scanned.document.uri);
  }
  if (json) output.write(written ? '\n]\n' : ']\n');
  return problems ? EXIT.io : EXIT.ok;
}

function lookupCommand(args: string[]): number {
  const { settings, positionals } = parse(args);
  const reference = positionals.join(' ');
  if (!reference) throw new CliError('normref lookup: give a reference, e.g. normref lookup "ISO/IEC 27001:2022"', EXIT.usage);
  const found = createService(readCatalogSources()).lookup(reference, settings);
  if (!found) throw new CliError(`normref lookup: "${shorten(reference)}" is not a reference normref recognises`, EXIT.findings);
  output.write(`${toPlainText(found.markdown)}\n`);
  return found.resolution.kind === 'standard' && !found.resolution.deliverable ? EXIT.findings : EXIT.ok;
}

/** Scans one file, or says in one line why it could not. */
function scanFile(service: NormrefService, file: string, settings: Settings): { document: TextDocument; resolutions: Iterable<Resolution> } | string {
  const read = readText(file);
  if ('problem' in read) return read.problem;
  const document = TextDocument.create(fileUri(file), languageOf(file), 1, read.text);
  const analysis = service.analyze(document, settings);
  if (analysis.skipped) return `skipped: ${analysis.skipped}`;
  return { document, resolutions: analysis.resolveEach() };
}

function fileUri(file: string): string {
  return `file://${path.resolve(file).split(path.sep).map(encodeURIComponent).join('/')}`;
}

function indent(json: string): string {
  return `  ${json.replace(/\n/g, '\n  ')}`;
}

function toJson(file: string, document: TextDocument, r: Resolution): JsonReference {
  return {
    file,
    range: { start: document.positionAt(r.reference.start), end: document.positionAt(r.reference.end) },
    text: r.reference.text,
    kind: r.reference.kind,
    id: r.id,
    resolved: summarize(r),
  };
}

function toLine(file: string, document: TextDocument, r: Resolution): string {
  const at = document.positionAt(r.reference.start);
  const resolved = summarize(r);
  const found = resolved ? `${resolved.reference} (${resolved.status})` : 'not in catalog';
  // A name may wrap across lines; the listing keeps one reference to a line.
  const text = r.reference.text.replace(/\s*[\r\n]\s*/g, ' ');
  return `${file}:${at.line + 1}:${at.character + 1}\t${r.reference.kind}\t${text}\t→ ${found}`;
}

/** Hover Markdown as terminal text: links become "text <url>", emphasis marks go. */
function toPlainText(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/(^|\s)\*([^*]+)\*/g, '$1$2');
}

/** A user's input, quoted in a message: at most one line's worth. */
function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`normref: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.internal;
  }
}
output.flush();
// An output error reported after main returned (a pipe's EPIPE or ENOSPC) keeps its exit code.
if (output.ioError) process.exitCode = EXIT.io;

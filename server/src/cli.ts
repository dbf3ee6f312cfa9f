// The normref command line: the same service as the language server, over files and folders.
//   normref scan [--json] <files or folders>…   every reference, as text or as one JSON array
//   normref lookup <reference>                   what a hover shows
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { packageVersion, readCatalogSources } from './data-files';
import { createService, DEFAULT_SETTINGS, summarize, type NormrefService, type Resolution, type ResolvedSummary, type Settings } from './service';

const USAGE = `Usage:
  normref scan [--json] [--edition 2022|2013|2005] <file or folder>…
                                list the references to standards in policy documents
  normref lookup [--edition 2022|2013|2005] <reference>
                                describe one reference, e.g. "ISO/IEC 27001:2022" or "A.8.2"
  normref --help | --version

Folders are searched for Markdown (.md, .markdown) and text (.txt) files.
--edition: the ISO/IEC 27001/27002 edition of a control number that nothing in the document
dates (the setting normref.controls.defaultEdition; default 2022).`;

const MARKDOWN = new Set(['.md', '.markdown', '.mdown', '.mkd']);
const TEXT = new Set(['.txt', '.text']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out']);

/** A line for the user that ends the command with this exit code. */
class CliError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

interface ScannedFile {
  file: string;
  document: TextDocument;
  resolutions: Resolution[];
}

export interface JsonReference {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  kind: string;
  id: string;
  resolved: ResolvedSummary | null;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  switch (command) {
    case 'scan':
      return scanCommand(rest);
    case 'lookup':
      return lookupCommand(rest);
    default:
      throw new CliError(`normref: unknown command "${command}" (try: normref --help)`, 2);
  }
}

const OPTIONS = { json: { type: 'boolean' }, edition: { type: 'string' } } as const;

function parse(args: string[]): { json: boolean; settings: Settings; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`normref: ${(error as Error).message} (try: normref --help)`, 2);
  }
  const edition = parsed.values.edition ?? DEFAULT_SETTINGS.controls.defaultEdition;
  if (!/^(2022|2013|2005)$/.test(edition)) throw new CliError(`normref: --edition ${edition}: expected 2022, 2013 or 2005`, 2);
  return {
    json: !!parsed.values.json,
    settings: { ...DEFAULT_SETTINGS, controls: { ...DEFAULT_SETTINGS.controls, defaultEdition: edition } },
    positionals: parsed.positionals,
  };
}

function scanCommand(args: string[]): number {
  const { json, settings, positionals } = parse(args);
  if (positionals.length === 0) throw new CliError('normref scan: give at least one file or folder (try: normref --help)', 2);
  const files = positionals.flatMap((p) => expand(p));
  const service = createService(readCatalogSources());
  const problems: string[] = [];
  const scanned: ScannedFile[] = [];
  for (const file of files) {
    const result = scanFile(service, file, settings);
    if (typeof result === 'string') problems.push(result);
    else scanned.push(result);
  }
  if (json) process.stdout.write(`${JSON.stringify(scanned.flatMap(toJson), null, 2)}\n`);
  else for (const s of scanned) for (const line of toLines(s)) process.stdout.write(`${line}\n`);
  for (const p of problems) process.stderr.write(`${p}\n`);
  return problems.length ? 1 : 0;
}

function lookupCommand(args: string[]): number {
  const { settings, positionals } = parse(args);
  const reference = positionals.join(' ');
  if (!reference) throw new CliError('normref lookup: give a reference, e.g. normref lookup "ISO/IEC 27001:2022"', 2);
  const found = createService(readCatalogSources()).lookup(reference, settings);
  if (!found) throw new CliError(`normref lookup: "${reference}" is not a reference normref recognises`, 1);
  process.stdout.write(`${toPlainText(found.markdown)}\n`);
  return found.resolution.kind === 'standard' && !found.resolution.deliverable ? 1 : 0;
}

/** The files a path names: itself, or the policy documents under a folder, in a stable order. */
function expand(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new CliError(`normref: ${target}: no such file or folder`, 2);
  }
  if (!stat.isDirectory()) return [target];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      else if (entry.isFile() && isPolicyFile(entry.name)) found.push(full);
    }
  };
  walk(target);
  return found;
}

function isPolicyFile(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return MARKDOWN.has(ext) || TEXT.has(ext);
}

/** Scans one file, or says in one line why it could not. */
function scanFile(service: NormrefService, file: string, settings: Settings): ScannedFile | string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return `normref: ${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
  const languageId = MARKDOWN.has(path.extname(file).toLowerCase()) ? 'markdown' : 'plaintext';
  const document = TextDocument.create(fileUri(file), languageId, 1, text);
  const analysis = service.analyze(document, settings);
  if (analysis.skipped) return `normref: ${file}: skipped: ${analysis.skipped}`;
  return { file, document, resolutions: analysis.resolutions };
}

function fileUri(file: string): string {
  return `file://${path.resolve(file).split(path.sep).map(encodeURIComponent).join('/')}`;
}

function toJson(s: ScannedFile): JsonReference[] {
  return s.resolutions.map((r) => ({
    file: s.file,
    range: { start: s.document.positionAt(r.reference.start), end: s.document.positionAt(r.reference.end) },
    text: r.reference.text,
    kind: r.reference.kind,
    id: r.id,
    resolved: summarize(r),
  }));
}

function toLines(s: ScannedFile): string[] {
  return s.resolutions.map((r) => {
    const at = s.document.positionAt(r.reference.start);
    const resolved = summarize(r);
    const found = resolved ? `${resolved.reference} (${resolved.status})` : 'not in catalog';
    // A name may wrap across lines; the listing keeps one reference to a line.
    const text = r.reference.text.replace(/\s*\n\s*/g, ' ');
    return `${s.file}:${at.line + 1}:${at.character + 1}\t${r.reference.kind}\t${text}\t→ ${found}`;
  });
}

/** Hover Markdown as terminal text: links become "text <url>", emphasis marks go. */
function toPlainText(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/(^|\s)\*([^*]+)\*/g, '$1$2');
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`normref: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  }
}

// The normref language service: one object with a method per feature, built from a catalog.
// Pure: no fs, path or process here, so it runs unchanged in Node and in a browser worker; the
// adapters (server, CLI) load files and pass texts in.
import * as l10n from '@vscode/l10n';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, Hover, Location, Position, Range, TextEdit, WorkspaceSymbol } from 'vscode-languageserver-types';
import { Analysis, formatOf, type PolicyDocument } from './analysis';
import { Catalog, type CatalogSources } from './catalog';
import { DocumentAnalyses } from './documents';
import { isLarge, LARGE_DOCUMENT_LENGTH, unreadable } from './limits';
import { complete, resolveCompletion } from './features/completion';
import { describe } from './features/describe';
import { hover } from './features/hover';
import { documentLinks } from './features/links';
import { documentStatus, type DocumentStatus } from './features/document-status';
import { declareEdition } from './features/declare-edition';
import type { Resolution } from './resolve';
import { check, checkInSlices } from './diagnostics';
import { codeActions, toDiagnostics } from './diagnostics/lsp';
import { fixText, type FixedText } from './diagnostics/fix';
import type { Finding } from './diagnostics/finding';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { CitationIndex } from './workspace/citations';
import { coverage, coverageEdition, type CoverageReport } from './workspace/coverage';
import { indexWorkspace, type IndexOptions } from './workspace/indexer';
import { documentSymbols, references, workspaceSymbols } from './workspace/navigation';
import type { Cancellation, Workspace } from './workspace/workspace';
import { parseCustomData } from './custom/parse';
import type { CustomDataProblem } from './custom/data';

export type { PolicyDocument } from './analysis';
export { Analysis } from './analysis';
export { Catalog, type CatalogBytes, type CatalogSources } from './catalog';
export { summarize, type Resolution, type ResolvedSummary } from './resolve';
export { formatFrameworkId, formatStandardId, scan, type Reference } from './scan';
export { isAsOfDate } from './scan/directives';
export { linkTemplateProblem } from './features/link-target';
export { isLarge, LARGE_DOCUMENT_LENGTH } from './limits';
export type { DocumentStatus } from './features/document-status';
export { useLanguage, type MessageBundle } from './locale';

export { CONFIG_NAMES, DEFAULT_SETTINGS, EDITIONS, isConfigFile, layered, settingsFrom, type ClientSettings, type DiagnosticSettings, type Settings } from './settings';
export { CODES, helpUrl, RULES, SEVERITIES, type DiagnosticCode, type Severity, type SeveritySetting } from './diagnostics/rules';
export { applyEdits, type Edit, type Finding, type Fix, type Related } from './diagnostics/finding';
export type { FixedText } from './diagnostics/fix';
export { FIX_ALL_KIND } from './diagnostics/lsp';
export { coverageEditions, type CoverageReport, type CoverageCitation } from './workspace/coverage';
export { coverageCsv, coverageHtml, coverageMarkdown, CSV_HEADER } from './workspace/coverage-formats';
export type { IndexOptions, IndexProgress } from './workspace/indexer';
export { isPolicyPath, languageOfPath, MemoryWorkspace, type Cancellation, type Workspace } from './workspace/workspace';
export { parseCustomData, type ParsedCustomData } from './custom/parse';
export { customDataDiagnostics } from './custom/diagnostics';
export { MAX_CUSTOM_DATA_LENGTH, type CustomData, type CustomDataProblem, type InternalEntry, type InternalScheme } from './custom/data';

export interface NormrefService {
  /** The bundled data with the custom data set last (setCustomData). */
  readonly catalog: Catalog;
  /**
   * Reads custom data files (normref.customData, in the order listed) and serves them from the next
   * request on, in place of the files set before; no files: the bundled data alone. Returns each
   * file's problems by its source, an empty list for a clean file, so an adapter can publish them
   * as the file's diagnostics (customDataDiagnostics) and clear old ones. A file with an error is
   * not used; the other files and the bundled data are. Never throws.
   */
  setCustomData(files: ReadonlyArray<{ source: string; text: string }>): Map<string, CustomDataProblem[]>;
  /** The analysis of the whole document, whatever its size. */
  analyze(document: PolicyDocument, settings?: Settings): Analysis;
  /**
   * Gets a newly opened or changed document ready for requests; returns what the user should be
   * told about it, if anything (binary, too large, large and so read in part).
   */
  prepare(document: PolicyDocument, settings?: Settings): string | undefined;
  hover(document: PolicyDocument, position: Position, settings?: Settings): Hover | null;
  /** `invoked`: the user asked for completion (Ctrl+Space) rather than typing a trigger character. */
  complete(document: PolicyDocument, position: Position, settings?: Settings, invoked?: boolean): CompletionList;
  resolveCompletion(item: CompletionItem, settings?: Settings): CompletionItem;
  documentLinks(document: PolicyDocument, settings?: Settings): DocumentLink[];
  /** What normref read at a position: the ISO/IEC 27001/27002 edition in force there, and why. */
  documentStatus(document: PolicyDocument, position: Position, settings?: Settings): DocumentStatus;
  /** The edits that make the document declare `edition` for its control numbers (null: declare none). */
  declareEdition(document: PolicyDocument, edition: string | null): TextEdit[];
  /** What a hover on `reference` (e.g. "ISO 27001", "COBIT 2019") shows, or undefined if it is none. */
  lookup(reference: string, settings?: Settings): { resolution: Resolution; markdown: string } | undefined;
  /** What a check of the whole document finds, in text order (off codes and suppressed ones left out). */
  findings(document: PolicyDocument, settings?: Settings): Finding[];
  /** The findings as LSP diagnostics; none for a document too large to analyse whole in the editor. */
  diagnostics(document: PolicyDocument, settings?: Settings): Diagnostic[];
  /**
   * The same, checked in slices with `pause` between them (the server answers requests there);
   * undefined when `pause` said to stop, because the text changed meanwhile.
   */
  diagnosticsInSlices(document: PolicyDocument, settings: Settings, pause: () => Promise<boolean>): Promise<Diagnostic[] | undefined>;
  /** Quick fixes for the diagnostics in `range`, or, with `only` source.fixAll, every safe fix. */
  codeActions(document: PolicyDocument, range: Range, only?: readonly string[], settings?: Settings): CodeAction[];
  /** A text with its safe fixes applied, again until nothing changes (at most 10 passes). */
  fixText(document: PolicyDocument, settings?: Settings): FixedText;
  /** Forgets a closed document's analysis. */
  forget(uri: string): void;

  /** Reads a document into the workspace index (its open analysis, if the service has one). */
  indexDocument(document: PolicyDocument, settings?: Settings): void;
  /** Takes a document out of the workspace index (deleted, or no longer a policy). */
  unindex(uri: string): void;
  /** Reads every document of `workspace` into the index. */
  indexWorkspace(workspace: Workspace, options?: IndexOptions, settings?: Settings): Promise<number>;
  /** How many documents the index holds. */
  readonly indexed: number;
  /** Every citation in the index of what the reference at `position` names. */
  references(document: PolicyDocument, position: Position, includeDeclaration?: boolean, settings?: Settings): Location[];
  workspaceSymbols(query: string, token?: Cancellation): WorkspaceSymbol[];
  documentSymbols(document: PolicyDocument, settings?: Settings): DocumentSymbol[];
  /** Annex A coverage of the indexed documents, in an edition or ('auto') the one they cite more. */
  coverage(edition: string): CoverageReport;
}

/** Where the service says what went wrong without failing a request: the server's output channel, the CLI's stderr. */
export interface Logger {
  warn(message: string): void;
}

export interface ServiceOptions {
  logger?: Logger;
}

export function createService(catalogOrSources: Catalog | CatalogSources, options: ServiceOptions = {}): NormrefService {
  let catalog = catalogOrSources instanceof Catalog ? catalogOrSources : new Catalog(catalogOrSources);
  let analyses = new DocumentAnalyses(catalog);
  const logger = options.logger ?? { warn: () => {} };
  // Its citations were read with the catalog of their time: new custom data empties it (the adapter reads the workspace again).
  let index = new CitationIndex(catalog);
  // A document of the workspace not open in the editor: analysed, indexed and dropped, not cached.
  const indexDocument = (document: PolicyDocument, settings: Settings = DEFAULT_SETTINGS) => {
    const analysis = analyses.isOpen(document.uri) ? analyze(document, settings) : analyses.once(document, settings.controls.defaultEdition);
    if (analysis.skipped) {
      index.remove(document.uri);
      // Binary files and the like are left out quietly; a failed analysis is a bug worth a line.
      if (analysis.skipped.startsWith('internal error')) logger.warn(`normref: ${document.uri} not indexed: ${analysis.skipped}`);
      return;
    }
    try {
      index.update(analysis);
    } catch (error) {
      index.remove(document.uri);
      logger.warn(`normref: ${document.uri} not indexed: internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const analyze = (document: PolicyDocument, settings: Settings = DEFAULT_SETTINGS) => analyses.whole(document, settings.controls.defaultEdition);
  const around = (document: PolicyDocument, position: Position, settings: Settings) =>
    analyses.around(document, document.offsetAt(position), settings.controls.defaultEdition);

  return {
    get catalog() {
      return catalog;
    },
    setCustomData(files) {
      const parsed = files.map((f) => ({ source: f.source, ...parseCustomData(f.text, f.source) }));
      // ISO's catalog is shared; the curated data, vocabulary and analyses are made again.
      catalog = catalog.withCustomData(parsed.flatMap((p) => (p.data ? [p.data] : [])));
      analyses = analyses.withCatalog(catalog);
      index = new CitationIndex(catalog);
      return new Map(parsed.map((p) => [p.source, [...p.problems, ...(catalog.customDataProblems.get(p.source) ?? [])]]));
    },
    analyze,
    prepare(document, settings = DEFAULT_SETTINGS) {
      const text = document.getText();
      const skipped = unreadable(text);
      if (skipped) return l10n.t('not scanned: {0}', skipped);
      if (isLarge(text)) {
        return l10n.t('larger than {0} MB: hover and completion read the text around the cursor; there are no document links or diagnostics (normref check reads it whole)', LARGE_DOCUMENT_LENGTH / 1024 / 1024);
      }
      // Open in an editor, edits will come: the first analysis keeps its blocks, so the first keystroke does not pay a block scan.
      analyses.editing(document.uri);
      return analyze(document, settings).skipped;
    },
    hover: (document, position, settings = DEFAULT_SETTINGS) => hover(around(document, position, settings), position, catalog, settings.links),
    complete: (document, position, settings = DEFAULT_SETTINGS, invoked = false) =>
      complete(document, position, catalog, settings.controls, invoked, () => around(document, position, settings)),
    resolveCompletion: (item, settings = DEFAULT_SETTINGS) => resolveCompletion(item, catalog, settings.links),
    // Links cover the whole document: a large one gets none rather than a whole analysis.
    documentLinks: (document, settings = DEFAULT_SETTINGS) => (isLarge(document.getText()) ? [] : documentLinks(analyze(document, settings), settings.links)),
    documentStatus: (document, position, settings = DEFAULT_SETTINGS) => documentStatus(around(document, position, settings), position),
    declareEdition: (document, edition) =>
      declareEdition(document.getText(), formatOf(document), edition).map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText })),
    lookup(reference, settings = DEFAULT_SETTINGS) {
      const text = reference.trim();
      const document: PolicyDocument = { uri: 'normref:lookup', languageId: 'plaintext', version: 0, getText: () => text, positionAt: () => ({ line: 0, character: 0 }), offsetAt: () => 0 };
      const resolutions = new Analysis(document, catalog, { defaultEdition: settings.controls.defaultEdition }).resolutions;
      // "ISO/IEC 27001:2013 A.8.2" asks about the control; "ISO 27001 and 27002" about the first standard.
      const resolution = [...resolutions].reverse().find((r) => r.kind === 'control' || r.kind === 'control-area') ?? resolutions[0];
      if (!resolution) return undefined;
      return { resolution, markdown: describe(resolution, catalog, settings.links) };
    },
    findings: (document, settings = DEFAULT_SETTINGS) => check(analyze(document, settings), catalog, settings.diagnostics),
    diagnostics(document, settings = DEFAULT_SETTINGS) {
      if (isLarge(document.getText())) return [];
      const analysis = analyze(document, settings);
      return toDiagnostics(analysis, check(analysis, catalog, settings.diagnostics));
    },
    async diagnosticsInSlices(document, settings, pause) {
      if (isLarge(document.getText())) return [];
      const analysis = analyze(document, settings);
      const findings = await checkInSlices(analysis, catalog, settings.diagnostics, pause);
      return findings && toDiagnostics(analysis, findings);
    },
    codeActions(document, range, only, settings = DEFAULT_SETTINGS) {
      if (isLarge(document.getText())) return [];
      const analysis = analyze(document, settings);
      return codeActions(analysis, check(analysis, catalog, settings.diagnostics), range, only);
    },
    fixText: (document, settings = DEFAULT_SETTINGS) => fixText(document, (d) => check(analyze(d, settings), catalog, settings.diagnostics)),
    forget: (uri) => analyses.forget(uri),
    indexDocument,
    unindex: (uri) => index.remove(uri),
    indexWorkspace: (workspace, options, settings = DEFAULT_SETTINGS) => indexWorkspace(workspace, (d) => indexDocument(d, settings), options),
    get indexed() {
      return index.size;
    },
    references: (document, position, includeDeclaration = true, settings = DEFAULT_SETTINGS) => references(index, analyze(document, settings), position, catalog, includeDeclaration),
    workspaceSymbols: (query, token) => workspaceSymbols(index, query, token),
    documentSymbols: (document, settings = DEFAULT_SETTINGS) => documentSymbols(analyze(document, settings), catalog),
    coverage: (edition) => coverage(index, catalog, coverageEdition(index, catalog, edition)),
  };
}

// One text's references, scanned and resolved once, with the position arithmetic the features
// need. An analysis covers a whole document, or for a large one a window of it (see documents.ts).
import type { Position, Range } from 'vscode-languageserver-types';
import type { Catalog } from './catalog';
import { resolve, type EditionContext, type Resolution } from './resolve';
import { formatFrameworkId, formatStandardId, scan, type TextFormat } from './scan';
import { numbersControls } from './scan/control';
import type { Reference } from './scan/reference';

/** The part of a text document the service needs (vscode-languageserver-textdocument's TextDocument fits). */
export interface PolicyDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  getText(): string;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export interface AnalysisOptions {
  /** normref.controls.defaultEdition, which the analysis depends on. */
  defaultEdition: string;
  /** The ISO/IEC 27001/27002 edition the document declares for its control numbers. */
  declaredEdition?: string;
  /** Only this part of the text is scanned: [from, to). The whole text when absent. */
  window?: { from: number; to: number };
  /** Why the text is not scanned at all (binary, too large). */
  skipped?: string;
}

export function formatOf(document: PolicyDocument): TextFormat {
  return document.languageId === 'markdown' ? 'markdown' : 'plaintext';
}

export class Analysis {
  /** What the scan found, in text order. */
  readonly references: Reference[];
  /** The text analysed: the cache key, since a client may send new text under an old version. */
  readonly text: string;
  readonly skipped?: string;
  readonly declaredEdition?: string;
  readonly defaultEdition: string;
  /** The part of the text scanned, for an analysis of a window of a large document. */
  readonly window?: { from: number; to: number };

  private resolved?: Resolution[];

  constructor(
    readonly document: PolicyDocument,
    private readonly catalog: Catalog,
    options: AnalysisOptions,
  ) {
    this.text = document.getText();
    this.defaultEdition = options.defaultEdition;
    this.skipped = options.skipped;
    this.declaredEdition = options.declaredEdition;
    this.window = options.window;
    if (this.skipped) {
      this.references = [];
      return;
    }
    const format = formatOf(document);
    const from = options.window?.from ?? 0;
    const scanned = options.window ? this.text.slice(from, options.window.to) : this.text;
    this.references = scan(scanned, format, catalog.controls.vocabulary);
    if (from > 0) for (const r of this.references) shift(r, from);
  }

  /** Every reference resolved, in text order: worked out on first use, then kept. */
  get resolutions(): Resolution[] {
    this.resolved ??= [...this.resolveEach()];
    return this.resolved;
  }

  /**
   * The resolutions one at a time, for a reader that writes each out and drops it (the CLI): a
   * dense 20 MB document has half a million, which need not all be held at once.
   */
  *resolveEach(): Generator<Resolution> {
    if (this.resolved) return yield* this.resolved;
    yield* resolveInOrder(this.references, this.catalog, this.declaredEdition, this.defaultEdition);
  }

  /** An analysis that found nothing, and says why. */
  static failed(document: PolicyDocument, catalog: Catalog, defaultEdition: string, why: string): Analysis {
    return new Analysis(document, catalog, { defaultEdition, skipped: why });
  }

  /** The resolution whose reference holds the character at `offset`. */
  at(offset: number): Resolution | undefined {
    let lo = 0;
    let hi = this.resolutions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.resolutions[mid].reference;
      if (offset < r.start) hi = mid - 1;
      else if (offset >= r.end) lo = mid + 1;
      else return this.resolutions[mid];
    }
    return undefined;
  }

  rangeOf(reference: Reference): Range {
    return { start: this.document.positionAt(reference.start), end: this.document.positionAt(reference.end) };
  }

  offsetAt(position: Position): number {
    return this.document.offsetAt(position);
  }
}

/** Moves a reference found in a window to its place in the whole text. */
function shift(r: Reference, by: number): void {
  r.start += by;
  r.end += by;
}

/** Resolves references in document order, carrying what each control needs from those before it. */
function* resolveInOrder(references: Reference[], catalog: Catalog, declared: string | undefined, defaultEdition: string): Generator<Resolution> {
  const context: EditionContext = { defaultEdition, ...(declared ? { declared } : {}) };
  // A policy cites the same few standards again and again: resolve each identifier once.
  const seen = new Map<string, Resolution>();
  for (const r of references) {
    const key = r.kind === 'standard' ? `s ${formatStandardId(r.id)}` : r.kind === 'framework' ? `f ${formatFrameworkId(r.id)}` : undefined;
    const known = key === undefined ? undefined : seen.get(key);
    const resolution = known ? ({ ...known, reference: r } as Resolution) : resolve(r, catalog, { ...context });
    if (key !== undefined && !known) seen.set(key, resolution);
    if (r.kind === 'standard' && numbersControls(r) && r.id.year !== undefined) {
      if (r.id.number === '20000') context.previousService = r;
      else context.previousIsms = r;
    }
    yield resolution;
  }
}

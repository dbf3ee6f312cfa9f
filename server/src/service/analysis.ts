// One text's references, scanned, read through the document model and resolved once, with the
// position arithmetic the features need. An analysis covers a whole document, or for a large one
// a window of it (see documents.ts); inside, offsets count from the window's start, and the
// methods below translate them to and from the document's.
import type { Position, Range } from 'vscode-languageserver-types';
import type { Catalog } from './catalog';
import { DocumentModel, type EditionRule, type Evidence } from './model';
import { resolve, type Resolution } from './resolve';
import { resolveIdentifier } from './resolve-cache';
import { scanText, type TextFormat } from './scan';
import type { IncrementalScan } from './scan/incremental';
import { declaredEdition } from './scan/directives';
import { Mentions } from './scan/mentions';
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
  /**
   * The ISO/IEC 27001/27002 edition the document declares for its control numbers, for a window
   * (read once from the whole text); an analysis of the whole text reads it itself.
   */
  declaredEdition?: string;
  /** Only this part of the text is scanned: [from, to). The whole text when absent. */
  window?: { from: number; to: number };
  /** Why the text is not scanned at all (binary, too large). */
  skipped?: string;
  /** The scan of the document's earlier texts, which reads again only the blocks an edit changed. */
  incremental?: IncrementalScan;
  /** The analysis of the text before the last edit, whose model answers for what the edit left alone. */
  earlier?: Analysis;
}

export function formatOf(document: PolicyDocument): TextFormat {
  return document.languageId === 'markdown' ? 'markdown' : 'plaintext';
}

export class Analysis {
  /** The references found and placed, in text order (offsets within the window, if there is one). */
  readonly references: Reference[];
  /** The text analysed: the cache key, since a client may send new text under an old version. */
  readonly text: string;
  readonly skipped?: string;
  readonly declaredEdition?: string;
  readonly defaultEdition: string;
  /** The part of the text scanned, for an analysis of a window of a large document. */
  readonly window?: { from: number; to: number };
  readonly model?: DocumentModel;
  /** Whether the text holds a directive's word, answered from the text before the edit where it can be. */
  readonly mentions: Mentions;
  private readonly base: number;
  private resolved?: Resolution[];
  /** The earlier text's resolutions, while this analysis's are not worked out: its references before and after the edit are the same objects. */
  private inherited?: { references: readonly Reference[]; resolutions: readonly Resolution[] };

  constructor(
    readonly document: PolicyDocument,
    readonly catalog: Catalog,
    options: AnalysisOptions,
  ) {
    this.text = document.getText();
    this.defaultEdition = options.defaultEdition;
    this.skipped = options.skipped;
    this.window = options.window;
    this.base = options.window?.from ?? 0;
    if (this.skipped) {
      this.references = [];
      this.mentions = new Mentions(this.text);
      return;
    }
    const scanned = options.window
      ? scanText(this.text.slice(this.base, options.window.to), formatOf(document), catalog.controls.vocabulary)
      : (options.incremental?.scan(this.text) ?? scanText(this.text, formatOf(document), catalog.controls.vocabulary));
    // The earlier analysis answers for this one (its mentions, its resolutions) only if it is of the text the scan compared this one with.
    const edit = options.earlier?.model && scanned.before === options.earlier.text ? scanned.edit : undefined;
    this.mentions = new Mentions(this.text, edit && { answers: options.earlier!.mentions.answers, edit });
    this.declaredEdition = options.window ? options.declaredEdition : declaredEdition(this.text, formatOf(document), (word) => this.mentions.has(word));
    const model = new DocumentModel(scanned.text, scanned.references, scanned.structure, catalog, {
      defaultEdition: this.defaultEdition,
      ...(this.declaredEdition ? { declared: this.declaredEdition } : {}),
      ...(options.incremental ? { edited: true } : {}),
    });
    this.model = model;
    // A number the model places in no numbering (a clause of the policy's own) is no reference, and
    // neither is a run of the document's own ids that look like standards.
    this.references = scanned.references.filter((r) =>
      r.kind === 'control' || r.kind === 'control-area' ? model.read(r) !== null : !model.isOwnId(r),
    );
    const resolved = edit && options.earlier!.resolved;
    if (resolved) this.inherited = { references: options.earlier!.references, resolutions: resolved };
  }

  /** An analysis that found nothing, and says why. */
  static failed(document: PolicyDocument, catalog: Catalog, defaultEdition: string, why: string): Analysis {
    return new Analysis(document, catalog, { defaultEdition, skipped: why });
  }

  /** Every reference resolved, in text order: worked out on first use, then kept. */
  get resolutions(): Resolution[] {
    if (!this.resolved) {
      const resolved: Resolution[] = new Array(this.references.length);
      // The blocks before and after an edit keep their reference objects (incremental.ts): an
      // identifier's resolution is theirs still; a control's depends on the whole document's
      // reading, so it is resolved again.
      const inherited = this.inherited;
      const before = inherited ? sameBefore(inherited.references, this.references) : 0;
      const after = inherited ? sameAfter(inherited.references, this.references, before) : 0;
      const shift = (inherited?.references.length ?? 0) - this.references.length;
      for (let i = 0; i < this.references.length; i++) {
        const kind = this.references[i].kind;
        const earlier = i < before ? i : i >= this.references.length - after ? i + shift : -1;
        resolved[i] = earlier >= 0 && (kind === 'standard' || kind === 'framework') ? inherited!.resolutions[earlier] : this.resolveOne(this.references[i]);
      }
      this.inherited = undefined;
      this.resolved = resolved;
    }
    return this.resolved;
  }

  /**
   * The resolutions one at a time, for a reader that writes each out and drops it (the CLI): a
   * dense 20 MB document has half a million, which need not all be held at once.
   */
  *resolveEach(): Generator<Resolution> {
    if (this.resolved) return yield* this.resolved;
    for (const r of this.references) yield this.resolveOne(r);
  }

  private resolveOne(r: Reference): Resolution {
    // A control is read in its document's context; a standard or framework identifier is resolved once per process.
    return r.kind === 'control' || r.kind === 'control-area' ? resolve(r, this.catalog, this.model!.read(r)!) : r.kind === 'internal' ? resolve(r, this.catalog) : resolveIdentifier(r, this.catalog);
  }

  /** The resolution whose reference holds the character at `offset` of the document. */
  at(documentOffset: number): Resolution | undefined {
    const offset = documentOffset - this.base;
    let lo = 0;
    let hi = this.references.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.references[mid];
      if (offset < r.start) hi = mid - 1;
      else if (offset >= r.end) lo = mid + 1;
      else return this.resolutions[mid];
    }
    return undefined;
  }

  rangeOf(reference: Reference | Evidence): Range {
    return { start: this.document.positionAt(reference.start + this.base), end: this.document.positionAt(reference.end + this.base) };
  }

  /** The document offset of the analysed text's first character: 0, or a window's start. */
  get windowStart(): number {
    return this.base;
  }

  /** The document offset of a reference's start. */
  offsetOf(reference: Reference): number {
    return reference.start + this.base;
  }

  offsetAt(position: Position): number {
    return this.document.offsetAt(position);
  }

  /** The ISO/IEC 27001/27002 edition in force at a document offset, as the model reads it. */
  ismsEditionAt(documentOffset: number): { edition: string; rule: EditionRule; evidence?: Evidence } {
    if (!this.model) return { edition: this.declaredEdition ?? this.defaultEdition, rule: this.declaredEdition ? 'declared' : 'setting' };
    return this.model.ismsEditionAt(documentOffset - this.base);
  }

  /** Whether the document cites ISO/IEC 27001, 27002 or 17799. */
  citesIsms(): boolean {
    return !!this.model?.cited.some((r) => (r.id.number === '27001' || r.id.number === '27002' || r.id.number === '17799') && r.id.parts.length === 0);
  }
}

/** How many references at the start of two lists are the same objects. */
function sameBefore(a: readonly Reference[], b: readonly Reference[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** How many references at the end of two lists are the same objects, of those after the first `before`. */
function sameAfter(a: readonly Reference[], b: readonly Reference[], before: number): number {
  let k = 0;
  while (k < a.length - before && k < b.length - before && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

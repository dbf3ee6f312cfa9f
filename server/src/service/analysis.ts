// One document's references, scanned and resolved once per version, with the position arithmetic
// the features need.
import type { Position, Range } from 'vscode-languageserver-types';
import type { Catalog } from './catalog';
import { resolve, type EditionContext, type Resolution } from './resolve';
import { formatFrameworkId, formatStandardId, scan, type TextFormat } from './scan';
import { numbersControls } from './scan/control';
import { declaredEdition } from './scan/directives';
import type { Reference } from './scan/reference';
import { unreadable } from './limits';

/** The part of a text document the service needs (vscode-languageserver-textdocument's TextDocument fits). */
export interface PolicyDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  getText(): string;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export class Analysis {
  readonly resolutions: Resolution[];
  /** The document's version when analysed: TextDocuments updates the document object in place. */
  readonly version: number;
  /** Why the document was not scanned (binary, too large), if it was not. */
  readonly skipped?: string;
  /** The ISO/IEC 27001/27002 edition the document declares for its control numbers. */
  readonly declaredEdition?: string;

  constructor(
    readonly document: PolicyDocument,
    catalog: Catalog,
    /** normref.controls.defaultEdition, which the analysis depends on. */
    readonly defaultEdition: string = '2022',
  ) {
    this.version = document.version;
    const format: TextFormat = document.languageId === 'markdown' ? 'markdown' : 'plaintext';
    const text = document.getText();
    this.skipped = unreadable(text);
    this.declaredEdition = this.skipped ? undefined : declaredEdition(text, format);
    this.resolutions = this.skipped ? [] : resolveInOrder(scan(text, format, catalog.controls.vocabulary), catalog, this.declaredEdition, defaultEdition);
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

/** Resolves references in document order, carrying what each control needs from those before it. */
function resolveInOrder(references: Reference[], catalog: Catalog, declared: string | undefined, defaultEdition: string): Resolution[] {
  const context: EditionContext = { defaultEdition, ...(declared ? { declared } : {}) };
  // A policy cites the same few standards again and again: resolve each identifier once.
  const seen = new Map<string, Resolution>();
  return references.map((r) => {
    const key = r.kind === 'standard' ? `s ${formatStandardId(r.id)}` : r.kind === 'framework' ? `f ${formatFrameworkId(r.id)}` : undefined;
    const known = key === undefined ? undefined : seen.get(key);
    const resolution = known ? ({ ...known, reference: r } as Resolution) : resolve(r, catalog, { ...context });
    if (key !== undefined && !known) seen.set(key, resolution);
    if (r.kind === 'standard' && numbersControls(r) && r.id.year !== undefined) {
      if (r.id.number === '20000') context.previousService = r;
      else context.previousIsms = r;
    }
    return resolution;
  });
}

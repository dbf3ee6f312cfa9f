// The analyses of open documents, one entry per document, keyed by the text analysed: a client
// may send new text under a version number it used before, and the document object is updated
// in place, so neither the object nor the version says whether an analysis still holds.
//
// A document up to LARGE_DOCUMENT_LENGTH is analysed whole, once per text. A larger one is never
// analysed whole in the server: a request reads a window of the text around its position, so no
// request costs more than a pass over the document, and memory stays that of the window.
import { Analysis, formatOf, type PolicyDocument } from './analysis';
import type { Catalog } from './catalog';
import { isLarge, unreadable } from './limits';
import { declaredEdition } from './scan/directives';
import { IncrementalScan } from './scan/incremental';
import { markdownBlockSpans, spanHolding, type Span } from './scan/prose';

/** Window size: a request at offset o reads at least this much on each side of o. */
const WINDOW = 4096;
/** How far a window's edge moves to reach a line break. */
const LINE_SEARCH = 512;

interface Entry {
  text: string;
  defaultEdition: string;
  /** The document had another text before this one: it is being edited. */
  edited: boolean;
  /** The document's scan, carried from text to text: an edit reads only the blocks it changed. */
  incremental?: IncrementalScan;
  /** The analysis of the text before this one, until this one's is made. */
  earlier?: Analysis;
  whole?: Analysis;
  /** For a large document: what is read from the whole text once, and the last window. */
  large?: { declaredEdition?: string; blocks: readonly Span[]; window?: Analysis };
}

export class DocumentAnalyses {
  private readonly entries = new Map<string, Entry>();
  /** Documents open in an editor, whose edits are to come. */
  private readonly open = new Set<string>();

  constructor(private readonly catalog: Catalog) {}

  /** The analyses of the same open documents with another catalog (new custom data): none is kept, the open documents are. */
  withCatalog(catalog: Catalog): DocumentAnalyses {
    const next = new DocumentAnalyses(catalog);
    for (const uri of this.open) next.open.add(uri);
    return next;
  }

  /** Says that a document is open in an editor: its first analysis already keeps its blocks for the edits to come. */
  editing(uri: string): void {
    this.open.add(uri);
  }

  /** The analysis of the whole document, whatever its size (the CLI, links of a normal document). */
  whole(document: PolicyDocument, defaultEdition: string): Analysis {
    const entry = this.entry(document, defaultEdition);
    entry.whole ??= this.guarded(document, defaultEdition, () => {
      const skipped = unreadable(entry.text);
      if (skipped) return Analysis.failed(document, this.catalog, defaultEdition, skipped);
      const format = formatOf(document);
      // Keeping a text's blocks costs a third more than a scan of the whole text: worth it for a
      // document being edited, not for one read once (the CLI), nor for a large one, which an
      // editor never analyses whole.
      if (isLarge(entry.text) || !(entry.edited || this.open.has(document.uri))) entry.incremental = undefined;
      else if (entry.incremental?.format !== format) entry.incremental = new IncrementalScan(format, this.catalog.controls.vocabulary);
      const earlier = entry.incremental && entry.earlier;
      entry.earlier = undefined;
      return new Analysis(document, this.catalog, { defaultEdition, incremental: entry.incremental, ...(earlier ? { earlier } : {}) });
    });
    return entry.whole;
  }

  /** The analysis that answers a request at `offset`: the whole document's, or a window of a large one. */
  around(document: PolicyDocument, offset: number, defaultEdition: string): Analysis {
    const entry = this.entry(document, defaultEdition);
    if (!isLarge(entry.text)) return this.whole(document, defaultEdition);
    return this.guarded(document, defaultEdition, () => {
      const skipped = unreadable(entry.text);
      if (skipped) return Analysis.failed(document, this.catalog, defaultEdition, skipped);
      const format = formatOf(document);
      entry.large ??= {
        declaredEdition: declaredEdition(entry.text, format),
        blocks: format === 'markdown' ? markdownBlockSpans(entry.text) : [],
      };
      const window = windowAround(entry.text, offset, entry.large.blocks);
      const last = entry.large.window?.window;
      if (!last || last.from !== window.from || last.to !== window.to) {
        entry.large.window = new Analysis(document, this.catalog, { defaultEdition, declaredEdition: entry.large.declaredEdition, window });
      }
      return entry.large.window!;
    });
  }

  /** Whether an editor has the document open: then its kept analysis is the one to use. */
  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /** The analysis of a document read once (the workspace index): nothing of it is kept here. */
  once(document: PolicyDocument, defaultEdition: string): Analysis {
    return this.guarded(document, defaultEdition, () => {
      const text = document.getText();
      const skipped = unreadable(text);
      if (skipped) return Analysis.failed(document, this.catalog, defaultEdition, skipped);
      return new Analysis(document, this.catalog, { defaultEdition });
    });
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.open.delete(uri);
  }

  private entry(document: PolicyDocument, defaultEdition: string): Entry {
    const text = document.getText();
    const cached = this.entries.get(document.uri);
    if (cached && cached.text === text && cached.defaultEdition === defaultEdition) return cached;
    const entry: Entry = { text, defaultEdition, edited: !!cached && (cached.edited || cached.text !== text), incremental: cached?.incremental, earlier: cached?.whole ?? cached?.earlier };
    this.entries.set(document.uri, entry);
    return entry;
  }

  /**
   * Runs an analysis; if it throws, the document gets an empty analysis that says so, kept like any
   * other, so a bug costs one failed scan per text instead of one per request.
   */
  private guarded(document: PolicyDocument, defaultEdition: string, analyse: () => Analysis): Analysis {
    try {
      return analyse();
    } catch (error) {
      return Analysis.failed(document, this.catalog, defaultEdition, `internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * The part of a large text a request at `offset` reads: aligned to WINDOW so that requests near
 * each other share it, widened to line breaks, and started after any code block or comment that
 * holds its start (the window is scanned as a text of its own).
 */
function windowAround(text: string, offset: number, blocks: readonly Span[]): { from: number; to: number } {
  const k = Math.floor(offset / WINDOW);
  let from = lineStartBefore(text, Math.max(0, (k - 1) * WINDOW));
  const to = lineEndAfter(text, Math.min(text.length, (k + 2) * WINDOW));
  const block = spanHolding(blocks, from);
  if (block) from = Math.min(block[1], to);
  return { from, to };
}

function lineStartBefore(text: string, at: number): number {
  for (let i = at; i > 0 && i > at - LINE_SEARCH; i--) if (text.charCodeAt(i - 1) === 10) return i;
  return at;
}

function lineEndAfter(text: string, at: number): number {
  for (let i = at; i < text.length && i < at + LINE_SEARCH; i++) if (text.charCodeAt(i) === 10) return i;
  return at;
}

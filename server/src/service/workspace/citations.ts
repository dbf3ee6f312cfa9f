// The citations of every indexed document: for each document, where it cites what (by target key),
// so that "which policies cite A.5.15?" is a lookup per document, not a rescan. A document's entry
// is replaced whole when it changes; nothing else is kept of its text or analysis.
import type { Location, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import type { Catalog } from '../catalog';
import { ReferenceAnswers, type CitedLocations } from './answers';
import { CitingDocuments } from './citing';
import { targetsOf, type Target } from './targets';

export interface Citation {
  uri: string;
  range: Range;
  /** The text as written: "A.9.1.1", "ISO 27001". */
  text: string;
  /** The target it was found by, with its label. */
  target: Target;
}

interface CitedDocument {
  uri: string;
  /** Target key → the citations of it, in text order. */
  byKey: Map<string, Citation[]>;
}

export class CitationIndex {
  private readonly documents = new Map<string, CitedDocument>();
  private readonly citing = new CitingDocuments<CitedDocument>();
  private readonly answers = new ReferenceAnswers();

  constructor(private readonly catalog: Catalog) {}

  /** One Target object per key (and mapped or not), shared by every citation of it. */
  private readonly targets = new Map<string, Target>();

  /** Replaces what is known of the analysed document. */
  update(analysis: Analysis): void {
    const byKey = citationsIn(analysis, this.catalog, this.targets);
    const known = this.documents.get(analysis.document.uri);
    this.answers.forget(byKey.keys());
    if (!known) {
      const document = { uri: analysis.document.uri, byKey };
      this.documents.set(document.uri, document);
      for (const key of byKey.keys()) this.citing.add(key, document);
      return;
    }
    this.answers.forget(known.byKey.keys());
    // Replaced in place: the lists of citing documents hold the entry; only keys it gained or lost move.
    for (const key of known.byKey.keys()) if (!byKey.has(key)) this.citing.remove(key, known);
    for (const key of byKey.keys()) if (!known.byKey.has(key)) this.citing.add(key, known);
    known.byKey = byKey;
  }

  remove(uri: string): void {
    const known = this.documents.get(uri);
    if (!known) return;
    this.documents.delete(uri);
    this.answers.forget(known.byKey.keys());
    for (const key of known.byKey.keys()) this.citing.remove(key, known);
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  get size(): number {
    return this.documents.size;
  }

  uris(): string[] {
    return [...this.documents.keys()];
  }

  /** Every citation of `key` in the workspace, by document in URI order, then in text order. */
  citationsOf(key: string): Citation[] {
    const found: Citation[] = [];
    for (const document of this.citing.of(key)) for (const c of document.byKey.get(key)!) found.push(c);
    return found;
  }

  /** Where `key` is cited, as Find All References answers; the arrays are shared: the caller copies before it changes one. */
  locationsOf(key: string): CitedLocations {
    return this.answers.get(key, () => {
      const written: Location[] = [];
      const mapped: Location[] = [];
      for (const document of this.citing.of(key)) for (const c of document.byKey.get(key)!) (c.target.mapped ? mapped : written).push({ uri: c.uri, range: c.range });
      return { written, mapped };
    });
  }

  /** Each document's targets, for a search over the workspace. */
  *allTargets(): Generator<CitedTarget> {
    for (const document of this.documents.values()) yield* citedTargets(document.byKey);
  }
}

/**
 * A copy of a short piece of a document's text. A slice of a string may keep the whole string
 * alive in V8: an index of 10,000 documents would hold every one of their texts.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** Target key → the document's citations of it, in text order; `targets` shares equal targets between documents. */
export function citationsIn(analysis: Analysis, catalog: Catalog, targets?: Map<string, Target>): Map<string, Citation[]> {
  const uri = analysis.document.uri;
  const byKey = new Map<string, Citation[]>();
  const resolutions = analysis.resolutions;
  analysis.references.forEach((reference, i) => {
    const found = targetsOf(resolutions[i], catalog.controls);
    if (found.length === 0) return;
    // One range and one text for all the targets of a reference: the index holds a citation per target.
    const range = analysis.rangeOf(reference);
    const text = detached(reference.text);
    for (const t of found) {
      const shared = `${t.key}${t.mapped ? ' mapped' : ''}`;
      const target = targets?.get(shared) ?? t;
      targets?.set(shared, target);
      const citation = { uri, range, text, target };
      const list = byKey.get(target.key);
      if (list) list.push(citation);
      else byKey.set(target.key, [citation]);
    }
  });
  return byKey;
}

export interface CitedTarget {
  first: Citation;
  count: number;
}

/** What a document cites, written (not mapped), each with its first citation, in text order. */
export function citedTargets(byKey: Map<string, Citation[]>): CitedTarget[] {
  const cited: CitedTarget[] = [];
  for (const list of byKey.values()) {
    const written = list.filter((c) => !c.target.mapped);
    if (written.length) cited.push({ first: written[0], count: written.length });
  }
  return cited.sort((a, b) => a.first.range.start.line - b.first.range.start.line || a.first.range.start.character - b.first.range.start.character);
}

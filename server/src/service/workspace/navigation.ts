// Find All References, workspace symbols and the outline, from the citation index. A reference
// finds what it names: an undated standard every citation of the document (dated or not, ISO or
// ISO/IEC), a dated one that edition, a control that control in its edition and, after the
// citations written so, the numbers of the other edition that map to it.
import { SymbolKind, type DocumentSymbol, type Location, type Position, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import type { Catalog } from '../catalog';
import { citationsIn, citedTargets, type CitationIndex, type CitedTarget } from './citations';
import { targetsOf, type Target } from './targets';
import { NEVER_CANCELLED, type Cancellation } from './workspace';

/** The target a search from this reference is for: the most specific written one. */
function searchedTarget(analysis: Analysis, position: Position, catalog: Catalog): Target | undefined {
  const resolution = analysis.at(analysis.offsetAt(position));
  if (!resolution) return undefined;
  return targetsOf(resolution, catalog.controls)
    .filter((t) => !t.mapped)
    .at(-1);
}

export function references(index: CitationIndex, analysis: Analysis, position: Position, catalog: Catalog, includeDeclaration = true): Location[] {
  const target = searchedTarget(analysis, position, catalog);
  if (!target) return [];
  const uri = analysis.document.uri;
  const indexed = index.locationsOf(target.key);
  // Written citations first, then those of the other edition that map to it: two groups in the list.
  let found: Location[];
  if (index.has(uri)) found = indexed.written.concat(indexed.mapped);
  else {
    // A document the index does not hold (too large, or not read yet) answers with its own citations too.
    const own = citationsIn(analysis, catalog).get(target.key) ?? [];
    const ownOf = (mapped: boolean) => own.filter((c) => !!c.target.mapped === mapped).map((c) => ({ uri: c.uri, range: c.range }));
    found = [...indexed.written, ...ownOf(false), ...indexed.mapped, ...ownOf(true)];
  }
  if (includeDeclaration) return found;
  const here = analysis.offsetAt(position);
  return found.filter((l) => !(l.uri === uri && contains(analysis, l, here)));
}

function contains(analysis: Analysis, location: Location, offset: number): boolean {
  return analysis.offsetAt(location.range.start) <= offset && offset <= analysis.offsetAt(location.range.end);
}

const KIND: Record<string, SymbolKind> = { document: SymbolKind.Module, edition: SymbolKind.Module, framework: SymbolKind.Package, control: SymbolKind.Field, internal: SymbolKind.File };

function kindOf(target: Target): SymbolKind {
  return KIND[target.key.slice(0, target.key.indexOf(':'))] ?? SymbolKind.Key;
}

/** Most symbols a query returns: Ctrl+T shows a list, not a report. */
const MAX_SYMBOLS = 500;

/**
 * Each cited thing whose name or title holds every word of the query ("27002", "access control"),
 * once per document that cites it, at its first citation there.
 */
export function workspaceSymbols(index: CitationIndex, query: string, token: Cancellation = NEVER_CANCELLED): WorkspaceSymbol[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found: WorkspaceSymbol[] = [];
  for (const { first } of index.allTargets()) {
    // Each keystroke in Ctrl+T asks again: the earlier question is cancelled.
    if (token.isCancellationRequested) break;
    const name = symbolName(first.target);
    const haystack = name.toLowerCase();
    if (!words.every((w) => haystack.includes(w))) continue;
    found.push({ name, kind: kindOf(first.target), location: { uri: first.uri, range: first.range }, containerName: fileName(first.uri) });
    if (found.length >= MAX_SYMBOLS) break;
  }
  return found;
}

/** The document's outline: what it cites, each once, at its first citation, with how often. */
export function documentSymbols(analysis: Analysis, catalog: Catalog): DocumentSymbol[] {
  return citedTargets(citationsIn(analysis, catalog)).map(({ first, count }: CitedTarget) => ({
    name: first.target.label,
    detail: `${first.target.title ?? ''}${count > 1 ? ` (${count}×)` : ''}`.trim(),
    kind: kindOf(first.target),
    range: first.range,
    selectionRange: first.range,
  }));
}

function symbolName(target: Target): string {
  return target.title ? `${target.label} — ${target.title}` : target.label;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

// mixed-editions: a document citing two editions of one standard as if both applied. A passing
// mention (a history section, a revision table, "formerly …") and a crosswalk's column headers
// are reasons to cite an old edition, and are not counted.
import { documentKey } from '../catalog';
import type { StandardResolution } from '../resolve';
import { at, type CheckContext, type Found } from './context';

export function checkMixedEditions(standards: readonly StandardResolution[], context: CheckContext): Found[] {
  const byDocument = new Map<string, Map<number, StandardResolution[]>>();
  for (const r of standards) {
    const d = r.deliverable;
    if ((r.match !== 'edition' && r.match !== 'supplement') || !d || d.year === undefined) continue;
    if (context.model.isPassing(r.reference) || context.model.headsTable(r.reference)) continue;
    const key = documentKey(d.number, d.parts, d.type);
    const editions = byDocument.get(key) ?? new Map<number, StandardResolution[]>();
    byDocument.set(key, editions);
    editions.set(d.year, [...(editions.get(d.year) ?? []), r]);
  }
  const found: Found[] = [];
  for (const editions of byDocument.values()) {
    if (editions.size < 2) continue;
    // The edition cited most is the document's; on a tie, the newer one.
    const ranked = [...editions.entries()].sort((a, b) => b[1].length - a[1].length || b[0] - a[0]);
    const main = ranked[0][1][0];
    const mainEdition = main.deliverable!.reference.replace(/\/.*$/, '');
    for (const [, citations] of ranked.slice(1)) {
      const first = citations[0];
      const edition = first.deliverable!.reference.replace(/\/.*$/, '');
      const message = `This document cites ${edition} here and ${mainEdition} elsewhere (${at(context, main.reference.start)}, ${ranked[0][1].length} ${ranked[0][1].length === 1 ? 'time' : 'times'}): say which applies, or mark the older one as history.`;
      found.push({
        code: 'mixed-editions',
        start: first.reference.start,
        end: first.reference.end,
        message,
        related: [{ start: main.reference.start, end: main.reference.end, message: `${mainEdition} is cited here` }],
        subject: edition,
      });
    }
  }
  return found;
}

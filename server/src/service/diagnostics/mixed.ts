// mixed-editions: a document citing two editions of one standard as if both applied. A passing
// mention (a history section, a revision table, "formerly …"), a crosswalk's column headers and a
// sentence about a move to come ("when we move to ISO/IEC 27002:2022") are reasons to cite
// another edition, and are not counted.
import * as l10n from '@vscode/l10n';
import { designationOf, type Deliverable } from '../catalog';
import type { StandardResolution } from '../resolve';
import { at, type CheckContext, type Found } from './context';

const MANY = -1;

export function checkMixedEditions(standards: readonly StandardResolution[], context: CheckContext): Found[] {
  // First the year each document is cited in, or MANY: most documents cite each standard in one
  // edition, and then nothing more is built.
  const years = new Map<string, number>();
  for (const r of standards) {
    const year = datedYear(r);
    if (year === undefined) continue;
    const seen = years.get(r.designation);
    if (seen === undefined) years.set(r.designation, year);
    else if (seen !== year) years.set(r.designation, MANY);
  }
  const byDocument = new Map<string, Map<number, StandardResolution[]>>();
  for (const r of standards) {
    const year = datedYear(r);
    if (year === undefined || years.get(r.designation) !== MANY) continue;
    let editions = byDocument.get(r.designation);
    if (!editions) byDocument.set(r.designation, (editions = new Map()));
    const list = editions.get(year);
    if (list) list.push(r);
    else editions.set(year, [r]);
  }
  const found: Found[] = [];
  for (const all of byDocument.values()) {
    if (all.size < 2) continue;
    // Worked out only for a document cited in two editions: the reasons for citing another.
    const editions = new Map<number, StandardResolution[]>();
    for (const [year, citations] of all) {
      const counted = citations.filter((r) => !context.model.isPassing(r.reference) && !context.model.headsTable(r.reference) && !aboutAMove(context.text, r.reference.start));
      if (counted.length) editions.set(year, counted);
    }
    if (editions.size < 2) continue;
    // The edition cited most is the document's; on a tie, the newer one.
    const ranked = [...editions.entries()].sort((a, b) => b[1].length - a[1].length || b[0] - a[0]);
    const main = ranked[0][1][0];
    const mainEdition = editionOf(main.deliverable!);
    for (const [, citations] of ranked.slice(1)) {
      const first = citations[0];
      const edition = editionOf(first.deliverable!);
      const count = ranked[0][1].length;
      const where = at(context, main.reference.start);
      const message = count === 1
        ? l10n.t('This document cites {0} here and {1} elsewhere ({2}, 1 time): say which applies, or mark the older one as history.', edition, mainEdition, where)
        : l10n.t('This document cites {0} here and {1} elsewhere ({2}, {3} times): say which applies, or mark the older one as history.', edition, mainEdition, where, count);
      found.push({
        code: 'mixed-editions',
        start: first.reference.start,
        end: first.reference.end,
        message,
        related: [{ start: main.reference.start, end: main.reference.end, message: l10n.t('{0} is cited here', mainEdition) }],
        subject: edition,
      });
    }
  }
  return found;
}

/** The year of the edition a dated citation names, or amends. */
function datedYear(r: StandardResolution): number | undefined {
  return (r.match === 'edition' || r.match === 'supplement') && r.deliverable ? r.deliverable.year : undefined;
}

/** The edition a deliverable is or amends: "ISO/IEC 27001:2022" for ISO/IEC 27001:2022/Amd 1:2024. */
function editionOf(d: Deliverable): string {
  return `${designationOf(d)}:${d.year}`;
}

/** Words that make a sentence about a move to another edition, or about the future. */
const MOVE = /\b(?:mov(?:e|es|ing)\s+to|migrat\w*|transition\w*|upgrad\w*|shall\s+move|next\s+(?:recertification|revision)|upcoming|wechsel\w*|umstell\w*|künftig|passage|passera|migración)\b/iu;
const LOOK_BACK = 200;

/** Whether the sentence before a citation (on its line or the lines before, back to a full stop) speaks of a move. */
function aboutAMove(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - LOOK_BACK), start);
  const sentence = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n')) + 1);
  return MOVE.test(sentence);
}

// The numberings normref reads numbers in, derived from the control sets of data/controls: each is
// the scheme of one standard or framework ("ISO/IEC 27001 Annex A", "ISO/IEC 20000-1", "ISO 9001",
// "cobit"), with the sets that hold its numbers, one per edition. Adding a set to data/ adds its
// numbering here; nothing below names a standard but ISO/IEC 27001's Annex A, which borrows the
// controls of ISO/IEC 27002.
import { documentKey } from './deliverable';
import type { ControlGroup, ControlItem, IndexedControlSet } from './controls';

export interface Numbering {
  /** "ISO/IEC 27001 Annex A", "ISO/IEC 27001", "ISO/IEC 27002", "ISO/IEC 20000-1", "cobit", "itil". */
  key: string;
  /** The standard's designation or the framework's key, as the sets name it. */
  document: string;
  /** The catalog key of the standard ("27001", "20000-1"); undefined for a framework. */
  standardKey?: string;
  /** Annex A of ISO/IEC 27001, whose numbers are written A.5.15. */
  annexA: boolean;
  /** Editions, newest first, with their sets. */
  editions: Array<{ edition: string; set: IndexedControlSet }>;
}

export const ANNEX_A = 'ISO/IEC 27001 Annex A';

const STANDARD = /^(?:ISO|IEC)(?:\/IEC)? (\d+)((?:-\d+)*)$/;

/** The numberings of a list of sets, by key. */
export function numberingsOf(sets: readonly IndexedControlSet[]): Map<string, Numbering> {
  const numberings = new Map<string, Numbering>();
  const add = (key: string, document: string, set: IndexedControlSet, annexA = false) => {
    let n = numberings.get(key);
    if (!n) {
      const m = STANDARD.exec(document);
      n = { key, document, annexA, editions: [], ...(m ? { standardKey: documentKey(m[1], m[2] ? m[2].slice(1).split('-') : []) } : {}) };
      numberings.set(key, n);
    }
    n.editions.push({ edition: set.set.edition, set });
  };
  for (const set of sets) {
    add(set.set.document, set.set.document, set);
    // ISO/IEC 27002's controls are ISO/IEC 27001's Annex A of the same year; 2005's too.
    if (set.set.annexA || (set.set.document === 'ISO/IEC 27002' && set.set.edition === '2005')) add(ANNEX_A, 'ISO/IEC 27001', set, true);
    // ISO/IEC 17799:2005 is ISO/IEC 27002:2005 under its first number.
    if (set.set.document === 'ISO/IEC 27002' && set.set.edition === '2005') add('ISO/IEC 17799', 'ISO/IEC 17799', set);
  }
  for (const n of numberings.values()) n.editions.sort((a, b) => editionOrder(b.edition) - editionOrder(a.edition));
  return numberings;
}

/** "2022" > "2013"; "4" > "v3"; "2019" > "5"; "1.3" as 1.3. */
function editionOrder(edition: string): number {
  const year = Number(edition.replace(/^v/, ''));
  // COBIT 2019 follows COBIT 5: a version number is older than any year.
  return year >= 1900 ? year : year / 100;
}

/** What a number names in a set: an item (5.15), or a group (theme 5, objective 9.2). */
export function lookUp(set: IndexedControlSet, number: string): ControlItem | ControlGroup | undefined {
  return set.item(number) ?? set.group(number);
}

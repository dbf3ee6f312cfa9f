// Which edition of a numbering a year means, and which numberings share their editions. The
// numbers of ISO/IEC 27001 (clauses and Annex A), 27002 and 17799 follow one edition cycle: a
// document citing ISO/IEC 27002:2013 means 2013's Annex A as well. Every other standard's
// numbering has editions of its own.
import type { Numbering } from '../catalog/numberings';

export { EDITIONS } from '../scan/isms-editions';

/** The edition family of ISO/IEC 27001, 27002 and 17799. */
export const ISMS = 'isms';

const ISMS_DOCUMENTS = new Set(['ISO/IEC 27001', 'ISO/IEC 27002', 'ISO/IEC 17799']);

export function familyOf(numbering: Numbering): string {
  return familyOfDocument(numbering.document);
}

/** The edition family of a numbered document ("ISO/IEC 27002", "ISO/IEC 20000-1"). */
export function familyOfDocument(document: string): string {
  return ISMS_DOCUMENTS.has(document) ? ISMS : document;
}

/**
 * The edition of a numbering in force in a year: the newest edition not after it, else the oldest
 * (a year between editions, an adoption's or a corrigendum's, means the edition before it).
 */
export function editionOfYear(numbering: Numbering, year: number): string {
  // Asked for every dated citation of every text: answered once per numbering and year.
  let byYear = editionsByYear.get(numbering);
  if (!byYear) editionsByYear.set(numbering, (byYear = new Map()));
  let edition = byYear.get(year);
  if (edition === undefined) {
    const years = numbering.editions.map((e) => e.edition).filter((e) => /^\d{4}$/.test(e));
    edition = years.find((e) => Number(e) <= year) ?? years[years.length - 1] ?? numbering.editions[0].edition;
    byYear.set(year, edition);
  }
  return edition;
}
const editionsByYear = new WeakMap<Numbering, Map<number, string>>();

/** The ISMS edition of a year, for a numbering-free question (completion, front matter). */
export function ismsEditionOfYear(year: number): '2022' | '2013' | '2005' {
  return year >= 2022 ? '2022' : year >= 2013 ? '2013' : '2005';
}

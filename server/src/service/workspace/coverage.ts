// Annex A coverage: for each control of ISO/IEC 27001's Annex A in one edition, the citations of it
// across the indexed documents, grouped by theme (2022) or clause (2013). A citation of the other
// edition's number counts toward the control it maps to (A.9.1.1 of 2013 toward 5.15 of 2022).
import type { Catalog } from '../catalog';
import type { IndexedControlSet } from '../catalog/controls';
import { ANNEX_A } from '../catalog/numberings';
import type { CitationIndex } from './citations';
import { controlKey } from './targets';

export interface CoverageCitation {
  uri: string;
  /** 0-based, as LSP counts. */
  line: number;
  character: number;
  /** As written: "A.9.1.1". */
  text: string;
  /** A number of the other edition that maps to this control. */
  mapped: boolean;
}

export interface ControlCoverage {
  /** "5.15" */
  id: string;
  title: string;
  citations: CoverageCitation[];
}

export interface ThemeCoverage {
  id: string;
  title: string;
  controls: ControlCoverage[];
  covered: number;
}

export interface CoverageReport {
  /** "ISO/IEC 27001:2022" */
  standard: string;
  edition: string;
  themes: ThemeCoverage[];
  covered: number;
  total: number;
  /** Documents read, and documents citing at least one control of the report. */
  documents: number;
  citingDocuments: number;
}

/** The Annex A editions whose controls normref has, newest first ("2022", "2013"); of 2005 it has the areas only. */
export function coverageEditions(catalog: Catalog): string[] {
  return catalog.controls.numberings.get(ANNEX_A)?.editions.filter((e) => e.set.set.kind === 'control').map((e) => e.edition) ?? [];
}

/**
 * The edition a report is for: the one asked for, or with 'auto' the edition whose numbers the
 * documents cite more (the newest on a tie or when they cite none).
 */
export function coverageEdition(index: CitationIndex, catalog: Catalog, asked: string): string {
  const editions = coverageEditions(catalog);
  if (asked !== 'auto') return asked;
  let best = editions[0];
  let most = -1;
  for (const edition of editions) {
    const set = annexASet(catalog, edition)!;
    const cited = set.allItems().reduce((n, item) => n + index.citationsOf(controlKey(set.set.key, item.id)).filter((c) => !c.target.mapped).length, 0);
    if (cited > most) [best, most] = [edition, cited];
  }
  return best;
}

function annexASet(catalog: Catalog, edition: string): IndexedControlSet | undefined {
  return coverageEditions(catalog).includes(edition) ? catalog.controls.numberings.get(ANNEX_A)?.editions.find((e) => e.edition === edition && e.set.set.kind === 'control')?.set : undefined;
}

export function coverage(index: CitationIndex, catalog: Catalog, edition: string): CoverageReport {
  const set = annexASet(catalog, edition);
  if (!set) throw new Error(`normref: no Annex A of ISO/IEC 27001:${edition}; there are ${coverageEditions(catalog).join(', ')}`);
  const citing = new Set<string>();
  const themes = new Map<string, ThemeCoverage>();
  for (const item of set.allItems()) {
    // 2022's controls sit in a theme; 2013's in an objective within a clause: the clause is the theme.
    const top = set.ancestry(item).at(-1);
    const themeId = top?.id ?? '';
    let theme = themes.get(themeId);
    if (!theme) themes.set(themeId, (theme = { id: themeId, title: top?.title ?? '', controls: [], covered: 0 }));
    const citations = index.citationsOf(controlKey(set.set.key, item.id)).map((c) => ({
      uri: c.uri,
      line: c.range.start.line,
      character: c.range.start.character,
      text: c.text,
      mapped: !!c.target.mapped,
    }));
    for (const c of citations) citing.add(c.uri);
    theme.controls.push({ id: item.id, title: item.title, citations });
    if (citations.length) theme.covered++;
  }
  const list = [...themes.values()];
  return {
    standard: `ISO/IEC 27001:${edition}`,
    edition,
    themes: list,
    covered: list.reduce((n, t) => n + t.covered, 0),
    total: list.reduce((n, t) => n + t.controls.length, 0),
    documents: index.size,
    citingDocuments: citing.size,
  };
}

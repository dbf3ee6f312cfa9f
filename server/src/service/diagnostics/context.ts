// What every rule of the check reads: the analysis, the catalog, and facts about the document
// worked out once per check (the as-of date, the editions its control numbers are read in).
import * as l10n from '@vscode/l10n';
import type { Analysis } from '../analysis';
import type { Catalog } from '../catalog';
import type { DocumentModel } from '../model';
import type { Edit, Fix, Related } from './finding';
import type { DiagnosticCode } from './rules';

/** A finding before severity, suppression and ignore lists; offsets are the analysis's. */
export interface Found {
  code: DiagnosticCode;
  start: number;
  end: number;
  message: string;
  related?: Related[];
  fixes?: Fix[];
  subject: string;
  /** Perhaps no mistake (a year after the catalog's data may be an edition normref does not know yet): one severity gentler than the code's. */
  unsure?: boolean;
}

export interface CheckContext {
  analysis: Analysis;
  model: DocumentModel;
  catalog: Catalog;
  text: string;
  /** The date the document was approved (YYYY-MM-DD, or shorter), if it or the settings say. */
  asOf(): string | undefined;
  /** "family edition" of every control number read in an edition the document evidences ("isms 2013"). */
  editionsInUse: ReadonlySet<string>;
  /** Starts of the citations heading a crosswalk's columns: a table whose header cites two editions of one document. */
  crosswalkColumns: ReadonlySet<number>;
  /** Indexes of those tables. */
  crosswalkTables: ReadonlySet<number>;
  /** Whether a code is reported at all: a rule whose code is off is not run. */
  enabled(code: DiagnosticCode): boolean;
  /** Line and column of an analysis offset, 1-based, for messages ("line 3"). */
  lineOf(offset: number): number;
}

/** An edit replacing [start, end) of the analysis's text. */
export function edit(start: number, end: number, newText: string): Edit {
  return { start, end, newText };
}

/** Where another reference is, said in a message: "line 3". */
export function at(context: CheckContext, offset: number): string {
  return l10n.t('line {0}', context.lineOf(offset));
}

// What the scan stage finds in a text. Offsets are UTF-16 code units into the scanned string, so
// they map straight onto LSP positions through a TextDocument.

/**
 * The empty list, shared: a dense document has hundreds of thousands of identifiers, most with no
 * parts and no supplements. Frozen, so a change to a shared list fails instead of spreading.
 */
export const NONE: string[] & Supplement[] = Object.freeze([]) as unknown as string[] & Supplement[];

const publisherLists = new Map<string, string[]>();

/** One shared, frozen list per combination of publishers ("ISO/IEC"), for the same reason. */
export function publishersOf(publishers: readonly string[]): string[] {
  const key = publishers.join('/');
  let shared = publisherLists.get(key);
  if (!shared) {
    shared = Object.freeze([...publishers]) as string[];
    publisherLists.set(key, shared);
  }
  return shared;
}

/** A standard's identifier as written, in structured form (ISO's reference grammar). */
export interface StandardId {
  /** Publishers in the order written, normalised: ['ISO', 'IEC'], ['IEC'], ['ISO', 'IEC', 'IEEE']. */
  publishers: string[];
  /** Deliverable type other than an International Standard: 'TR', 'TS', 'PAS', 'Guide', 'IWA', 'R', 'ISP', 'TTA', 'DIR'. */
  type?: string;
  /** Draft stage written in the identifier: 'DIS', 'FDIS', 'CD', 'WD', 'NP', 'AWI', 'PWI', 'PRF'. */
  stage?: string;
  /** Document number, '27001'; for BS 7799 and friends the national number. */
  number: string;
  /** Parts after the number: '20000-4' → ['4'], '29110-5-1-1' → ['5', '1', '1']. */
  parts: string[];
  /** Year of the edition, when the text gives one. */
  year?: number;
  /** Amendments and corrigenda appended to the base identifier, in order. */
  supplements: Supplement[];
  /** National or regional adoption written before it: 'EN', 'BS EN', 'DIN EN'. */
  adoption?: string;
  /** The text means the whole series or family: "ISO/IEC 27000 series", "ISO 9000 family", "ISO27k". */
  series?: boolean;
}

export interface Supplement {
  /** 'Amd', 'Cor', 'Add' or 'Suppl' (normalised spelling). */
  type: string;
  number?: string;
  year?: number;
  stage?: string;
}

/** A framework named by its publisher's name and, where written, its version. */
export interface FrameworkId {
  /** Key of the framework in data/frameworks.yaml: 'cobit', 'itil', 'cmmi-svc', 'mof', 'run-sap'. */
  framework: string;
  /** How the canonical id names it ('CMMI-SVC'), and what stands between it and the version ('v'). */
  label?: string;
  versionPrefix?: string;
  /** Version key as in the data: '2019', '5', '4', 'v3', '1.3', '4.0'; absent when the text names no version. */
  version?: string;
}

interface ReferenceBase {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** The text as written, text.slice(start, end). */
  text: string;
}

export interface StandardReference extends ReferenceBase {
  kind: 'standard';
  id: StandardId;
  /** How the reference was found: written out, or continuing a list ('and 27002', 'and -2'). */
  continuation?: boolean;
}

export interface FrameworkReference extends ReferenceBase {
  kind: 'framework';
  id: FrameworkId;
}

/** How a control or clause number was written, which tells which numbering it belongs to. */
export type ControlForm =
  | 'annex-a' // A.5.15, A 5.15, Annex A 5.15, Annex A.5.15
  | 'control' // control 8.24, controls 5.15–5.18
  | 'clause' // clause 6.1.2, § 8.6.1
  | 'after-standard' // ISO/IEC 27002 5.15, 27001 9.2
  | 'cobit' // APO13, DSS05.04
  | 'itil' // ITIL 4 incident management
  | 'cmmi' // Incident Resolution and Prevention, CMMI-SVC IRP
  | 'titled'; // a bare number with a title, in a heading or list item: "#### 6.1.2 Segregation of duties", "Change management (8.5.1)"

export interface ControlId {
  form: ControlForm;
  /** The number or name as the numbering writes it: '5.15', '9.2.3', 'APO13', 'DSS05.04', 'Incident management', 'IRP'. */
  number: string;
  /** The standard or framework reference it is written with or belongs to ("clause 6.1.2 of ISO/IEC 27001"). */
  context?: StandardReference | FrameworkReference;
  /** The edition a table column names for it ("2013" heading a crosswalk column). */
  edition?: string;
  /** The standard in `context` is written with the number, or with the list it is a member of. */
  withStandard?: boolean;
  /** The title written with a bare number ('titled'): it is a reference only if that is the number's title. */
  title?: string;
}

export interface ControlReference extends ReferenceBase {
  kind: 'control';
  id: ControlId;
}

/** A control area named as such: "Access control" after A.9, in a heading or a table cell. */
export interface ControlAreaReference extends ReferenceBase {
  kind: 'control-area';
  id: {
    /** The name as the data spells it; absent when only the number is written (A.5, A.12). */
    name?: string;
    /** The area number written with it (A.9 → '9', clause 11 → '11'). */
    number?: string;
    context?: StandardReference;
  };
}

/** An id of a scheme of the user's own, from custom data: "POL-AC-01". */
export interface InternalReference extends ReferenceBase {
  kind: 'internal';
  id: {
    /** The name of the scheme whose pattern matched. */
    scheme: string;
    /** The id as written. */
    id: string;
  };
}

export type Reference = StandardReference | FrameworkReference | ControlReference | ControlAreaReference | InternalReference;
export type ReferenceKind = Reference['kind'];

/** How many of the references (in text order) start before `offset`. */
export function countBefore(references: readonly Reference[], offset: number): number {
  let lo = 0;
  let hi = references.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (references[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

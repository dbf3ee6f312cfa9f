// What the scan stage finds in a text. Offsets are UTF-16 code units into the scanned string, so
// they map straight onto LSP positions through a TextDocument.

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

export type Reference = StandardReference | FrameworkReference;
export type ReferenceKind = Reference['kind'];

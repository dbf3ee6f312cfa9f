// What a custom data file (normref.customData) holds once read: the same kinds of entries as the
// bundled registry in data/ (frameworks, control sets, summaries), links, and references with an
// id pattern of their own (internal policy numbers, a sector standard). See README "Custom data".
import type { Range } from 'vscode-languageserver-types';
import type { ControlSet } from '../catalog/controls';
import type { Framework } from '../catalog/curated';

/** A file larger than this (in UTF-16 code units, about bytes for YAML) is not read. */
export const MAX_CUSTOM_DATA_LENGTH = 1024 * 1024;
/** Aliases a file may use; more indicates an expansion attack ("billion laughs"). */
export const MAX_ALIASES = 100;
/** Problems reported per file; past them, one more says how many were left out. */
export const MAX_PROBLEMS = 50;

export interface InternalEntry {
  id: string;
  title: string;
  summary?: string;
  url?: string;
}

/** References with an id pattern of their own: `POL-[A-Z]{2}-\d{2}`. */
export interface InternalScheme {
  name: string;
  /** The pattern as written. */
  pattern: string;
  /** The pattern as checked (custom/pattern.ts): the source the scanner compiles. */
  checked: string;
  /** Link of every id; `{id}` in it is replaced by the id. */
  url?: string;
  summary?: string;
  entries: InternalEntry[];
  /** The custom data file that defines it, as the adapter named it. */
  source: string;
}

export interface CustomData {
  /** The file, as the adapter names it (a workspace-relative path or a URI): messages cite it. */
  source: string;
  frameworks: Framework[];
  controlSets: ControlSet[];
  /** Summaries by undated designation ("ISO/IEC 27001") or framework key ("cobit"). */
  summaries: Record<string, string>;
  /** Links by undated designation or framework key. */
  links: Record<string, string>;
  internal: InternalScheme[];
  /** Where a value of the file is (a path of keys and indexes), for problems found on merging. */
  rangeOf(path: ReadonlyArray<string | number>): Range;
}

/** A problem with a custom data file, as an LSP diagnostic on that file needs it. */
export interface CustomDataProblem {
  message: string;
  range: Range;
  /** Error: the file is not used. Warning: one entry is not used, the rest is. */
  severity: 'error' | 'warning';
}

/** A framework key ("cobit") rather than a designation ("ISO/IEC 27001"). */
export function isFrameworkKey(key: string): boolean {
  return /^[a-z]/.test(key);
}

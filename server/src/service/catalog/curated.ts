// What normref adds to ISO's catalog, written by hand in data/*.yaml: frameworks, families,
// summaries, former names and control sets. The YAML is validated against data/schema by the
// tests and compiled to one JSON document by the build (scripts/build.mjs → dist/curated.json),
// because parsing YAML at start-up costs more than the rest of the start-up together.
import type { ControlSet, Correspondence } from './controls';
import type { InternalScheme } from '../custom/data';

export interface FrameworkVersion {
  key: string;
  name: string;
  /** How texts write the version after the framework's name. */
  written?: string[];
  released?: string;
  status: 'current' | 'superseded';
  supersededBy?: string;
  url?: string;
  summary?: string;
}

export interface Framework {
  key: string;
  name: string;
  /** The canonical id's name, when not `name` ("CMMI-SVC"). */
  id?: string;
  /** The names as texts write them. */
  written: string[];
  versionRequired?: string[];
  notFollowedBy?: string[];
  versionPrefix?: string;
  anyVersion?: boolean;
  verbAtSentenceStart?: boolean;
  fullName: string;
  publisher: string;
  url?: string;
  current: string;
  summary: string;
  versions: FrameworkVersion[];
}

export interface Family {
  key: string;
  name: string;
  summary: string;
  /** Undated designations, e.g. "ISO/IEC 27001". */
  members: string[];
}

export interface FormerName {
  reference: string;
  publisher: string;
  title: string;
  /** The designation it turned into, and the year it did. */
  became: string;
  year: number;
  /** Its current successor. */
  now: string;
  note: string;
}

export interface Curated {
  frameworks: Framework[];
  families: Family[];
  summaries: Record<string, string>;
  formerNames: FormerName[];
  controlSets: ControlSet[];
  correspondences: Correspondence[];
  /** Schemes normref does not read: a table column they head is left alone. */
  unreadSchemes?: string[];
  /** Names of ISO/IEC 27002 areas in other languages. */
  areaNames?: AreaNames[];
  /** From custom data only: links of standards by undated designation, and references with id patterns of their own. */
  links?: Record<string, string>;
  internal?: InternalScheme[];
}

export interface AreaNames {
  /** The control set and group the names are of. */
  set: string;
  id: string;
  de?: string[];
  fr?: string[];
  es?: string[];
}

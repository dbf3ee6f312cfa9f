// What normref adds to ISO's catalog, written by hand in data/*.yaml: frameworks, families,
// summaries and former names. The YAML is validated against data/schema by the tests; here it is
// only parsed and typed.
import { parse } from 'yaml';
import type { ControlSet, Correspondence } from './controls';

export interface FrameworkVersion {
  key: string;
  name: string;
  released?: string;
  status: 'current' | 'superseded';
  supersededBy?: string;
  url?: string;
  summary?: string;
}

export interface Framework {
  key: string;
  name: string;
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

export interface CuratedSources {
  frameworks: string;
  families: string;
  summaries: string;
  formerNames: string;
  /** Texts of data/controls/*.yaml: control sets and correspondences. */
  controls: string[];
}

export interface Curated {
  frameworks: Framework[];
  families: Family[];
  summaries: Record<string, string>;
  formerNames: FormerName[];
  controlSets: ControlSet[];
  correspondences: Correspondence[];
}

export function parseCurated(sources: CuratedSources): Curated {
  return {
    frameworks: (parse(sources.frameworks) as { frameworks: Framework[] }).frameworks,
    families: (parse(sources.families) as { families: Family[] }).families,
    summaries: (parse(sources.summaries) as { summaries: Record<string, string> }).summaries,
    formerNames: (parse(sources.formerNames) as { formerNames: FormerName[] }).formerNames,
    ...splitControls(sources.controls.map((text) => parse(text) as ControlSet | Correspondence)),
  };
}

function splitControls(documents: Array<ControlSet | Correspondence>): Pick<Curated, 'controlSets' | 'correspondences'> {
  const isCorrespondence = (d: ControlSet | Correspondence): d is Correspondence => 'pairs' in d;
  return {
    controlSets: documents.filter((d): d is ControlSet => !isCorrespondence(d)),
    correspondences: documents.filter(isCorrespondence),
  };
}

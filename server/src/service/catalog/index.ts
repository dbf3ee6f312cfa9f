// The catalog: ISO's deliverables and normref's curated data in one immutable model, built once
// per process from the texts of data/, with the lookups the resolve stage and the features need.
import { formatDesignation } from '../scan/format';
import type { Curated, Family, FormerName, Framework } from './curated';
import { documentKey, preferredEdition, type Deliverable } from './deliverable';
import { DeliverableTable, type CatalogBytes, type CatalogIndex } from './deliverables';
import { ControlSets } from './controls';
import type { CustomData, CustomDataProblem, InternalEntry, InternalScheme } from '../custom/data';
import { mergeCustomData } from '../custom/merge';

export type { Deliverable, Status } from './deliverable';
export { displayTitle, documentKey, isoUrl, preferredEdition, statusLabel, statusOfStage } from './deliverable';
export type { Family, FormerName, Framework, FrameworkVersion } from './curated';
export type { ControlGroup, ControlItem, ControlSet, IndexedControlSet } from './controls';
export { ControlSets } from './controls';

export interface CatalogSources {
  /** Bytes of data/iso-deliverables.json, in memory (the web) or read a record at a time (Node). */
  deliverables: CatalogBytes;
  /** Its index, as the build makes it (dist/catalog-index.json). */
  index: CatalogIndex;
  /** The curated data of data/*.yaml, as the build compiles it (dist/curated.json). */
  curated: Curated;
}
export type { Curated } from './curated';
export type { CatalogBytes, CatalogIndex } from './deliverables';

/** The undated designation of a deliverable, as summaries and families are keyed: "ISO/IEC TR 20000-4". */
export function designationOf(d: Deliverable): string {
  return formatDesignation({
    publishers: d.publishers,
    type: d.type === 'IS' ? undefined : d.type,
    number: d.number,
    parts: d.parts,
  });
}

export class Catalog {
  private readonly table: DeliverableTable;
  private readonly frameworks = new Map<string, Framework>();
  private readonly summaries: Map<string, string>;
  private readonly links: Map<string, string>;
  private readonly internalSchemes = new Map<string, InternalScheme>();
  private readonly internalEntries = new Map<string, InternalEntry>();
  /** By source: the custom data definitions not used because an earlier source has them. */
  readonly customDataProblems: ReadonlyMap<string, CustomDataProblem[]>;
  private readonly familiesByMember = new Map<string, Family[]>();
  private readonly formerNames = new Map<string, FormerName>();
  readonly families: readonly Family[];
  readonly controls: ControlSets;
  private curated?: Set<string>;

  /**
   * The bundled data, with the custom data files in the order the setting lists them. `table`: the
   * ISO catalog of another Catalog of the same sources, shared rather than read again.
   */
  constructor(
    private readonly sources: CatalogSources,
    custom: readonly CustomData[] = [],
    table?: DeliverableTable,
  ) {
    this.table = table ?? new DeliverableTable(sources.deliverables, sources.index);
    const merged = mergeCustomData(sources.curated, custom, (designation) => {
      const latest = this.latestEdition(designation);
      return latest && designationOf(latest);
    });
    const curated = merged.curated;
    this.customDataProblems = merged.problems;
    for (const f of curated.frameworks) this.frameworks.set(f.key, f);
    this.summaries = new Map(Object.entries(curated.summaries));
    this.links = new Map(Object.entries(curated.links ?? {}));
    for (const scheme of curated.internal ?? []) {
      this.internalSchemes.set(scheme.name, scheme);
      for (const entry of scheme.entries) this.internalEntries.set(entry.id, entry);
    }
    this.families = curated.families;
    for (const family of curated.families) {
      for (const member of family.members) {
        const key = undatedKey(member);
        this.familiesByMember.set(key, [...(this.familiesByMember.get(key) ?? []), family]);
      }
    }
    for (const former of curated.formerNames) this.formerNames.set(undatedKey(former.reference), former);
    this.controls = new ControlSets(curated.controlSets, curated.correspondences, { unreadSchemes: curated.unreadSchemes ?? [], areaNames: curated.areaNames ?? [], frameworks: curated.frameworks, formerNames: curated.formerNames, internal: curated.internal ?? [] });
  }

  /** The same bundled data with other custom data (none: the bundled data alone); ISO's catalog is shared. */
  withCustomData(custom: readonly CustomData[]): Catalog {
    return new Catalog(this.sources, custom, this.table);
  }

  /** The link custom data gives a standard's editions, by undated designation. */
  customLink(d: Deliverable): string | undefined {
    return this.links.size ? this.links.get(designationOf(d)) : undefined;
  }

  internalScheme(name: string): InternalScheme | undefined {
    return this.internalSchemes.get(name);
  }

  internalEntry(id: string): InternalEntry | undefined {
    return this.internalEntries.get(id);
  }

  allInternalSchemes(): InternalScheme[] {
    return [...this.internalSchemes.values()];
  }

  get size(): number {
    return this.table.size;
  }

  /** The latest publication date in ISO's data ("2025-06"): what normref cannot know is after it. */
  get newestPublication(): string | undefined {
    return this.table.newestPublication;
  }

  byIsoId(isoId: number): Deliverable | undefined {
    return this.table.byIsoId(isoId);
  }

  /** Editions (no supplements) of the document with this number, parts and type (a Guide's, an IWA's), oldest first. */
  editions(number: string, parts: readonly string[], type?: string): Deliverable[] {
    return this.table
      .byKey(documentKey(number, parts, type))
      .filter((d) => !d.supplement)
      .sort(byAge);
  }

  /** Editions of the document a designation ("ISO/IEC 27002", "ISO/IEC 20000-1") or key ("20000-1") names. */
  editionsOf(designationOrKey: string): Deliverable[] {
    const key = keyOf(designationOrKey);
    if (!key) return [];
    const [type, numbered] = key.includes(' ') ? key.split(' ') : [undefined, key];
    const [number, ...parts] = numbered.split('-');
    return this.editions(number, parts, type);
  }

  /**
   * The edition of a document a reader wants without a year: the latest published, else the latest
   * withdrawn, else the latest draft. `publishers`, if given, must all be among the edition's.
   */
  latestEdition(designationOrKey: string, publishers: readonly string[] = []): Deliverable | undefined {
    return preferredEdition(this.editionsOf(designationOrKey).filter((d) => publishers.every((p) => d.publishers.includes(p))));
  }

  /** Amendments and corrigenda to one edition, oldest first. */
  supplementsOf(edition: Deliverable): Deliverable[] {
    return this.table
      .byKey(documentKey(edition.number, edition.parts, edition.type))
      .filter((d) => d.supplement && d.year === edition.year && sameList(d.publishers, edition.publishers))
      .sort(byAge);
  }

  /**
   * Document keys ("27001", "20000-1") that start with `prefix`, in string order; with `publishers`,
   * only keys of which some edition has them all.
   */
  keysWithPrefix(prefix: string, publishers: readonly string[] = []): string[] {
    const keys = this.table.sortedKeys();
    const found: string[] = [];
    for (let i = this.table.keyIndex(prefix); i < keys.length && keys[i].startsWith(prefix); i++) {
      if (publishers.length === 0 || publishers.every((p) => this.table.publishersAt(i).includes(p))) found.push(keys[i]);
    }
    return found;
  }

  /** Document keys of the standards normref describes (summaries, families): the ones policies cite. */
  curatedKeys(): ReadonlySet<string> {
    this.curated ??= new Set(
      [...this.summaries.keys(), ...this.families.flatMap((f) => f.members)]
        .map(keyOf)
        .filter((key): key is string => !!key),
    );
    return this.curated;
  }

  summary(designation: string): string | undefined {
    return this.summaries.get(designation);
  }

  /** The family or series a number names: "27000" → ISO/IEC 27000 family, "20000" → ISO/IEC 20000 series. */
  familyOf(number: string): Family | undefined {
    const named = new RegExp(`\\b${number}\\b`);
    return this.families.find((f) => named.test(f.name));
  }

  familiesOf(designation: string): Family[] {
    return this.familiesByMember.get(undatedKey(designation)) ?? [];
  }

  framework(key: string): Framework | undefined {
    return this.frameworks.get(key);
  }

  allFrameworks(): Framework[] {
    return [...this.frameworks.values()];
  }

  /** A former name (BS 7799-2, ISO/IEC 17799) by its designation, undated. */
  formerName(designation: string): FormerName | undefined {
    return this.formerNames.get(undatedKey(designation));
  }

  committeeTitle(committee: string): string | undefined {
    return this.table.committees[committee];
  }
}

/** Sorts editions by year, undated (drafts) last, then by isoId for a stable order. */
function byAge(a: Deliverable, b: Deliverable): number {
  return (a.year ?? 9999) - (b.year ?? 9999) || (a.supplement?.year ?? 0) - (b.supplement?.year ?? 0) || a.isoId - b.isoId;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The document key at the end of a designation: "ISO/IEC TR 20000-4" → "20000-4", "ISO Guide 73" → "Guide 73". */
function keyOf(designation: string): string | undefined {
  const m = /(?:\b(Guide|IWA|TTA) )?(\d+(?:-[0-9A-Z]+)*)$/.exec(designation);
  return m ? (m[1] ? `${m[1]} ${m[2]}` : m[2]) : undefined;
}

function undatedKey(designation: string): string {
  return designation.replace(/:\d{4}$/, '').trim();
}

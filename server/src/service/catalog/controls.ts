// Control sets (data/controls/*.yaml): the controls of ISO/IEC 27002 in its three editions, the
// clauses of ISO/IEC 27001 and 20000-1, COBIT 2019 objectives, ITIL 4 practices, CMMI-SVC process
// areas, and the 2013 → 2022 correspondence of ISO/IEC 27002.
import { nameKey, type ControlVocabulary } from '../scan/names';
import type { FrameworkWords } from '../scan/framework';
import type { AreaNames, FormerName, Framework } from './curated';
import type { InternalScheme } from '../custom/data';
import { numberingsOf, type Numbering } from './numberings';

export interface ControlGroup {
  id: string;
  title: string;
  /** theme, clause, objective, domain, category, section. */
  kind: string;
  parent?: string;
  description?: string;
}

export interface ControlItem {
  id: string;
  title: string;
  group?: string;
  /** New in ISO/IEC 27002:2022. */
  new?: boolean;
  /** CMMI maturity level. */
  level?: number;
  /** Former or other names ("Change control" for ITIL 4's Change enablement). */
  aliases?: string[];
  description?: string;
}

export interface ControlSet {
  key: string;
  name: string;
  /** Undated designation ("ISO/IEC 27002") or framework key ("cobit"). */
  document: string;
  edition: string;
  /** The standard whose Annex A lists these controls: "ISO/IEC 27001:2022". */
  annexA?: string;
  /** What an item is: control, clause, section, objective, practice, process-area. */
  kind: string;
  groups: ControlGroup[];
  items: ControlItem[];
}

export interface Correspondence {
  from: string;
  to: string;
  pairs: Array<{ from: string; to: string[] }>;
}

/** One set with its items and groups indexed by id. */
export class IndexedControlSet {
  private readonly items: Map<string, ControlItem>;
  private readonly groups: Map<string, ControlGroup>;

  constructor(readonly set: ControlSet) {
    this.items = new Map(set.items.map((i) => [i.id, i]));
    this.groups = new Map(set.groups.map((g) => [g.id, g]));
  }

  item(id: string): ControlItem | undefined {
    return this.items.get(id);
  }

  group(id: string | undefined): ControlGroup | undefined {
    return id === undefined ? undefined : this.groups.get(id);
  }

  /** An item's group and that group's parents, innermost first: objective 9.2, clause 9. */
  ancestry(item: ControlItem): ControlGroup[] {
    const chain: ControlGroup[] = [];
    for (let g = this.group(item.group); g && chain.length < 4; g = this.group(g.parent)) chain.push(g);
    return chain;
  }

  allItems(): readonly ControlItem[] {
    return this.set.items;
  }

  allGroups(): readonly ControlGroup[] {
    return this.set.groups;
  }
}

export interface ControlArea {
  set: IndexedControlSet;
  id: string;
  title: string;
}

export class ControlSets {
  private readonly byKey = new Map<string, IndexedControlSet>();
  private readonly byEdition = new Map<string, IndexedControlSet>();
  /** Control areas of ISO/IEC 27002: the 2005 areas, the 2013 clauses, the 2022 themes. */
  readonly areas: readonly ControlArea[];
  private readonly successors = new Map<string, string[]>();
  private readonly predecessors = new Map<string, string[]>();
  /** The sets the correspondence maps between (ISO/IEC 27002:2013 → 2022), by key. */
  readonly corresponding?: { from: string; to: string };
  readonly vocabulary: ControlVocabulary;
  /** Every numbering by key ("ISO/IEC 27001 Annex A", "ISO 9001", "cobit"). */
  readonly numberings: ReadonlyMap<string, Numbering>;
  private readonly numberingsByStandard = new Map<string, Numbering[]>();

  constructor(
    sets: ControlSet[],
    correspondences: Correspondence[],
    other: { unreadSchemes?: readonly string[]; areaNames?: readonly AreaNames[]; frameworks?: readonly Framework[]; formerNames?: readonly FormerName[]; internal?: readonly InternalScheme[] } = {},
  ) {
    for (const set of sets) {
      const indexed = new IndexedControlSet(set);
      this.byKey.set(set.key, indexed);
      this.byEdition.set(`${set.document}@${set.edition}`, indexed);
    }
    this.numberings = numberingsOf([...this.byKey.values()]);
    for (const n of this.numberings.values()) {
      if (n.standardKey) this.numberingsByStandard.set(n.standardKey, [...(this.numberingsByStandard.get(n.standardKey) ?? []), n]);
    }
    this.areas = this.collectAreas();
    for (const c of correspondences) {
      this.corresponding = { from: c.from, to: c.to };
      for (const pair of c.pairs) {
        this.successors.set(pair.from, pair.to);
        for (const to of pair.to) this.predecessors.set(to, [...(this.predecessors.get(to) ?? []), pair.from]);
      }
    }
    const areaNumbers = new Map<string, string[]>();
    for (const a of this.areas) areaNumbers.set(nameKey(a.title), [...(areaNumbers.get(nameKey(a.title)) ?? []), a.id]);
    this.vocabulary = {
      areas: [...new Set(this.areas.map((a) => a.title))],
      areaNumbers,
      // Of every ITIL version and CMMI model: which one a name is of, the document model decides.
      practices: [...new Set(this.setsOf('itil').flatMap((s) => s.allItems().map((i) => i.title)))],
      practiceAliases: new Map(this.setsOf('itil').flatMap((s) => s.allItems().flatMap((i) => (i.aliases ?? []).map((a) => [nameKey(a), i.title] as const)))),
      processAreas: uniqueBy(this.setsOf('cmmi').flatMap((s) => s.allItems().map((i) => ({ acronym: i.id, name: i.title }))), (p) => `${p.acronym} ${p.name}`),
      frameworks: (other.frameworks ?? []).map(frameworkWords),
      cobitDomains: [...new Set(this.setsOf('cobit').flatMap((s) => s.allGroups().map((g) => g.id)))].filter((id) => /^[A-Z]{2,5}$/.test(id)),
      // "BS 7799-2", "OHSAS 18001", "AS/NZS 4360": the publisher before the number, when it is not ISO's or IEC's.
      formerPublishers: [...new Set((other.formerNames ?? []).map((f) => /^(\S+) \d/.exec(f.reference)?.[1]).filter((p): p is string => !!p && !/^(?:ISO|IEC)/.test(p)))],
      numberedStandards: new Set([...this.numberings.values()].flatMap((n) => (n.standardKey ? [n.standardKey] : []))),
      unreadSchemes: other.unreadSchemes ?? [],
      areaAliases: this.areaAliases(other.areaNames ?? []),
      internal: (other.internal ?? []).map((s) => ({ scheme: s.name, source: s.checked })),
    };
  }

  get(key: string): IndexedControlSet | undefined {
    return this.byKey.get(key);
  }

  /** The set of a document ("ISO/IEC 27002", "cobit") in an edition, if normref has it. */
  find(document: string, edition: string): IndexedControlSet | undefined {
    return this.byEdition.get(`${document}@${edition}`);
  }


  /** The numberings of a standard by its catalog key ("27001": its clauses and its Annex A). */
  numberingsOfStandard(key: string): readonly Numbering[] {
    return this.numberingsByStandard.get(key) ?? [];
  }

  /** 2022 controls a 2013 control became. */
  successorsOf(id2013: string): string[] {
    return this.successors.get(id2013) ?? [];
  }

  /** 2013 controls a 2022 control came from. */
  predecessorsOf(id2022: string): string[] {
    return this.predecessors.get(id2022) ?? [];
  }

  /** The sets of a framework's numberings: 'itil' (ITIL 4, v3), 'cmmi' (every CMMI model). */
  private setsOf(prefix: string): IndexedControlSet[] {
    return [...this.byKey.values()].filter((s) => s.set.document === prefix || s.set.document.startsWith(`${prefix}-`));
  }

  /** Each other-language name of an area (by nameKey) → the area's English title. */
  private areaAliases(names: readonly AreaNames[]): Map<string, string> {
    const aliases = new Map<string, string>();
    for (const entry of names) {
      const title = this.get(entry.set)?.group(entry.id)?.title;
      if (!title) continue;
      for (const name of [...(entry.de ?? []), ...(entry.fr ?? []), ...(entry.es ?? [])]) aliases.set(nameKey(name), title);
    }
    return aliases;
  }

  private collectAreas(): ControlArea[] {
    const found: ControlArea[] = [];
    const s2005 = this.find('ISO/IEC 27002', '2005');
    if (s2005) for (const i of s2005.allItems()) found.push({ set: s2005, id: i.id, title: i.title });
    for (const edition of ['2013', '2022']) {
      const s = this.find('ISO/IEC 27002', edition);
      if (s) for (const g of s.allGroups()) if (g.kind === 'clause' || g.kind === 'theme') found.push({ set: s, id: g.id, title: g.title });
    }
    return found;
  }
}

function frameworkWords(f: Framework): FrameworkWords {
  return {
    key: f.key,
    label: f.id ?? f.name,
    written: f.written,
    versions: f.versions.map((v) => ({ key: v.key, ...(v.written ? { written: v.written } : {}) })),
    ...(f.versionPrefix ? { versionPrefix: f.versionPrefix } : {}),
    ...(f.versionRequired ? { versionRequired: f.versionRequired } : {}),
    ...(f.notFollowedBy ? { notFollowedBy: f.notFollowedBy } : {}),
    ...(f.anyVersion ? { anyVersion: true } : {}),
    ...(f.verbAtSentenceStart ? { verbAtSentenceStart: true } : {}),
  };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && !!seen.add(key(item)));
}

// The resolve stage: joins a scanned reference with the catalog. A dated reference means that
// edition, an undated one the latest; a short form (ISO 27001) means the document the number
// belongs to (ISO/IEC 27001); a national adoption with a year (EN ISO/IEC 27001:2017) means the
// ISO edition in force in that year; a former name (BS 7799-2) means what it became.
import { designationOf, documentKey, isoUrl, preferredEdition, type Catalog, type Deliverable, type Family, type FormerName, type Framework, type FrameworkVersion, type Status } from './catalog';
import { formatDesignation, formatFrameworkId, formatStandardId } from './scan/format';
import type { FrameworkReference, Reference, StandardId, StandardReference } from './scan/reference';
import type { Reading } from './model';
import { resolveControl, type ControlResolution } from './resolve-control';
import { resolveInternal, type InternalResolution } from './resolve-internal';

/** How a standard reference found its deliverable, or why it did not. */
export type Match =
  | 'edition' // the dated edition the text names
  | 'adopted-edition' // the ISO edition in force in the year of a national adoption
  | 'latest' // an undated reference: the latest edition
  | 'draft' // the project under development the text names (DIS, CD …)
  | 'supplement' // the amendment or corrigendum the text names
  | 'no-such-supplement' // the edition exists, the supplement does not
  | 'no-such-edition' // the document exists, not in that year
  | 'other-publisher' // the number exists, not with these publishers ("ISO/IEC 270": ISO 270 is ISO's alone)
  | 'former-name' // a former name, resolved to what it became
  | 'series' // a whole series or family ("ISO/IEC 27000 series", "ISO 20000" of many parts)
  | 'unknown'; // the catalog has no such number

export interface StandardResolution {
  kind: 'standard';
  reference: StandardReference;
  /** Canonical form of what the text says. */
  id: string;
  /** Undated designation of the document, as the catalog spells it: "ISO/IEC 27001". */
  designation: string;
  match: Match;
  deliverable?: Deliverable;
  /** All editions of the document, oldest first. */
  editions: Deliverable[];
  /** The latest published edition, if there is one. */
  current?: Deliverable;
  formerName?: FormerName;
  /** For a series: the latest edition of each part (or member of its family), and the family. */
  parts?: Deliverable[];
  family?: Family;
  /** For a series: what its parts are about, from their titles ("Network security"). */
  seriesTitle?: string;
  /** For 'other-publisher': the document with that number the publishers written do not publish. */
  otherPublisher?: Deliverable;
}

export interface FrameworkResolution {
  kind: 'framework';
  reference: FrameworkReference;
  id: string;
  framework?: Framework;
  /** The version the text names; undefined when it names none or one the data lacks. */
  version?: FrameworkVersion;
  /** The text names a version the data does not know. */
  unknownVersion?: boolean;
}

export type Resolution = StandardResolution | FrameworkResolution | ControlResolution | InternalResolution;
export type { ControlResolution } from './resolve-control';
export type { InternalResolution } from './resolve-internal';

/** What the CLI and other tools report as "resolved": the deliverable or framework version found. */
export interface ResolvedSummary {
  reference: string;
  title: string;
  status: Status;
  url: string | null;
}

/** A standard or framework alone; a control or area with the reading the document model gave it. */
export function resolve(reference: Reference, catalog: Catalog, reading?: Reading): Resolution {
  switch (reference.kind) {
    case 'standard':
      return resolveStandard(reference, catalog);
    case 'framework':
      return resolveFramework(reference, catalog);
    case 'internal':
      return resolveInternal(reference, catalog);
    default:
      if (!reading) throw new Error(`normref: ${reference.text} was resolved without a reading`);
      return resolveControl(reference, catalog, reading);
  }
}

export function resolveStandard(reference: StandardReference, catalog: Catalog): StandardResolution {
  const id = reference.id;
  const base: Omit<StandardResolution, 'match' | 'designation' | 'editions'> = { kind: 'standard', reference, id: formatStandardId(id) };
  const former = catalog.formerName(formatDesignation(id));
  const all = catalog.editions(id.number, id.parts, id.type);
  const editions = pickPublishers(all, id.publishers);
  if (id.series || (editions.length === 0 && id.parts.length === 0 && !former)) {
    const series = resolveSeries(base, id, catalog);
    if (series) return series;
  }
  if (editions.length === 0 && all.length > 0 && !former) {
    return { ...base, designation: formatDesignation(id), match: 'other-publisher', editions: [], otherPublisher: preferredEdition(all)! };
  }

  if (editions.length === 0) {
    if (former) {
      const successor = resolveDesignation(former.now, catalog);
      return {
        ...base,
        designation: formatDesignation(id),
        match: 'former-name',
        formerName: former,
        editions: [],
        ...(successor ? { deliverable: successor.current ?? successor.latest, current: successor.current } : {}),
      };
    }
    return { ...base, designation: formatDesignation(id), match: 'unknown', editions: [] };
  }
  const current = latestOf(editions.filter((d) => d.status === 'published'));
  const latest = preferredEdition(editions)!;
  const edition = pickEdition(id, editions, latest);
  const named = edition.match === 'edition' ? edition.deliverable! : latest;
  const common = {
    ...base,
    // The catalog's spelling of what the text says: ISO 27001 is ISO/IEC 27001.
    id: formatStandardId({ ...id, publishers: named.publishers, type: named.type === 'IS' ? undefined : named.type }),
    designation: designationOf(latest),
    editions,
    ...(current ? { current } : {}),
    ...(former ? { formerName: former } : {}),
  };

  if (!edition.deliverable) return { ...common, match: edition.match };
  if (id.supplements.length === 0) return { ...common, match: edition.match, deliverable: edition.deliverable };
  const supplement = pickSupplement(id, catalog.supplementsOf(edition.deliverable));
  return supplement
    ? { ...common, match: 'supplement', deliverable: supplement }
    : { ...common, match: 'no-such-supplement', deliverable: edition.deliverable };
}

/** A series: the parts of a multi-part number, or the members of the family it names. */
function resolveSeries(base: Omit<StandardResolution, 'match' | 'designation' | 'editions'>, id: StandardId, catalog: Catalog): StandardResolution | undefined {
  const family = catalog.familyOf(id.number);
  const partKeys = catalog.keysWithPrefix(`${documentKey(id.number, [], id.type)}-`).sort(byPartNumbers);
  const keys = partKeys.length ? partKeys : (family?.members ?? []);
  const parts = keys.map((key) => catalog.latestEdition(key, id.publishers)).filter((d): d is Deliverable => !!d && d.status !== 'under-development');
  if (parts.length === 0) return undefined;
  const publishers = parts[0].publishers;
  const seriesTitle = partKeys.length ? parts[parts.length - 1].title.replace(/\s+-{1,2}\s+Part\s+[\w-]+:.*$/, '') : undefined;
  return {
    ...base,
    // "ISO/IEC 27000 series" as written; "ISO/IEC 27033" of many parts stays as written too.
    id: formatStandardId({ ...id, publishers, parts: [] }),
    designation: formatDesignation({ ...id, publishers, parts: [] }),
    match: 'series',
    editions: [],
    parts,
    ...(family ? { family } : {}),
    ...(seriesTitle ? { seriesTitle } : {}),
  };
}

/** 20000-1, 20000-2, …, 20000-10: parts in the order of their numbers. */
function byPartNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function pickEdition(id: StandardId, editions: Deliverable[], latest: Deliverable): { match: Match; deliverable?: Deliverable } {
  if (id.year !== undefined) {
    const exact = editions.find((d) => d.year === id.year);
    if (exact) return { match: 'edition', deliverable: exact };
    if (id.adoption) {
      // A national adoption carries its own year: the ISO edition in force then is the one adopted.
      const inForce = latestOf(editions.filter((d) => d.year !== undefined && d.year <= id.year!));
      if (inForce) return { match: 'adopted-edition', deliverable: inForce };
    }
    return { match: 'no-such-edition' };
  }
  if (id.stage) {
    const draft = latestOf(editions.filter((d) => d.status === 'under-development'));
    if (draft) return { match: 'draft', deliverable: draft };
  }
  return { match: 'latest', deliverable: latest };
}

function pickSupplement(id: StandardId, supplements: Deliverable[]): Deliverable | undefined {
  const wanted = id.supplements[id.supplements.length - 1];
  return supplements.find(
    (d) =>
      d.supplement!.type === wanted.type &&
      (wanted.number === undefined || d.supplement!.number === wanted.number) &&
      (wanted.year === undefined || d.supplement!.year === wanted.year),
  );
}

/**
 * Keeps the deliverables whose publishers include all the text names: "ISO 27001" means
 * ISO/IEC 27001 (people drop the co-publisher), and "ISO/IEC 12207" the ISO/IEC/IEEE 12207 it
 * became. None fits "ISO/IEC 270": ISO 270 is ISO's alone, and a British Standard's number never
 * means an ISO one.
 */
function pickPublishers(editions: Deliverable[], written: readonly string[]): Deliverable[] {
  if (written.length === 0) return editions;
  return editions.filter((d) => written.every((p) => d.publishers.includes(p)));
}

function latestOf(deliverables: Deliverable[]): Deliverable | undefined {
  return deliverables.length ? deliverables[deliverables.length - 1] : undefined;
}

/** The editions of a designation written in the data ("ISO/IEC 27002"), with its current one. */
export function resolveDesignation(designation: string, catalog: Catalog): { current?: Deliverable; latest: Deliverable } | undefined {
  const editions = catalog.editionsOf(designation);
  const latest = preferredEdition(editions);
  if (!latest) return undefined;
  return { ...(latest.status === 'published' ? { current: latest } : {}), latest };
}

export function resolveFramework(reference: FrameworkReference, catalog: Catalog): FrameworkResolution {
  const framework = catalog.framework(reference.id.framework);
  const id = formatFrameworkId(reference.id);
  if (!framework) return { kind: 'framework', reference, id };
  const written = reference.id.version;
  const version = written === undefined ? undefined : framework.versions.find((v) => v.key === written);
  return { kind: 'framework', reference, id, framework, ...(version ? { version } : {}), ...(written && !version ? { unknownVersion: true } : {}) };
}

/** The deliverable, framework version or control a resolution found, in the shape tools report. */
export function summarize(resolution: Resolution): ResolvedSummary | null {
  switch (resolution.kind) {
    case 'standard': {
      if (resolution.match === 'series') {
        const published = resolution.parts!.some((p) => p.status === 'published');
        const reference = resolution.id.endsWith(' series') ? resolution.id : `${resolution.id} series`;
        return { reference, title: resolution.family?.name ?? resolution.seriesTitle ?? reference, status: published ? 'published' : 'withdrawn', url: null };
      }
      const d = resolution.deliverable;
      return d ? { reference: d.reference, title: d.title, status: d.status, url: isoUrl(d.isoId) } : null;
    }
    case 'framework':
      return summarizeFramework(resolution);
    case 'internal':
      return { reference: resolution.id, title: resolution.entry?.title ?? resolution.scheme?.name ?? resolution.id, status: 'published', url: resolution.url ?? null };
    default:
      return summarizeControl(resolution);
  }
}

function summarizeControl(r: ControlResolution): ResolvedSummary | null {
  const found = r.item ?? r.group;
  if (!found) return null;
  return {
    reference: r.id,
    title: found.title,
    status: r.standard?.status ?? 'published',
    url: r.standard ? isoUrl(r.standard.isoId) : (r.frameworkUrl ?? null),
  };
}

function summarizeFramework({ framework, version, unknownVersion }: FrameworkResolution): ResolvedSummary | null {
  if (!framework || unknownVersion) return null;
  const shown = version ?? framework.versions.find((v) => v.key === framework.current);
  return {
    reference: version ? version.name : framework.name,
    title: framework.fullName,
    status: !version || version.status === 'current' ? 'published' : 'withdrawn',
    url: shown?.url ?? framework.url ?? null,
  };
}

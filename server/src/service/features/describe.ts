// What normref says about a resolved reference, as Markdown: the hover shows it, `normref lookup`
// prints it, and completion items carry it as documentation. Written once, here.
import { designationOf, STATUS_LABELS, type Catalog, type Deliverable } from '../catalog';
import type { FrameworkResolution, Resolution, StandardResolution } from '../resolve';
import { linkFor, usesTemplate, type LinkSettings } from './link-target';
import { describeControl } from './describe-control';
import { describeInternal } from './describe-internal';

export function describe(resolution: Resolution, catalog: Catalog, settings: LinkSettings): string {
  switch (resolution.kind) {
    case 'standard':
      return describeStandard(resolution, catalog, settings);
    case 'framework':
      return describeFramework(resolution);
    case 'internal':
      return describeInternal(resolution);
    default:
      return describeControl(resolution, catalog, settings);
  }
}

function describeStandard(r: StandardResolution, catalog: Catalog, settings: LinkSettings): string {
  if (r.match === 'series') return describeSeries(r, catalog, settings);
  const lines: string[] = [];
  const d = r.deliverable;
  if (!d) {
    lines.push(`**${r.id}**`, '', notFound(r));
    if (r.formerName) lines.push('', formerNameLine(r));
    const summary = catalog.summary(r.designation);
    if (summary) lines.push('', summary);
    if (r.editions.length) lines.push('', `Editions: ${editionList(r.editions)}`);
    return lines.join('\n');
  }
  // A former name says first what it was, then what it became.
  if (r.match === 'former-name' && r.formerName) {
    lines.push(`**${r.id}** · ${r.formerName.publisher} · now ${r.formerName.now}`, '', formerNameLine(r), '', `Became ${d.reference} · ${statusLine(d)}: ${d.title}`);
  } else {
    lines.push(`**${d.reference}** · ${statusLine(d)}`, '', d.title);
  }
  const notes = r.match === 'former-name' ? [] : matchNotes(r, d);
  if (notes.length) lines.push('', notes.join('\n'));
  const summary = catalog.summary(designationOf(d)) ?? catalog.summary(r.designation);
  if (summary) lines.push('', summary);
  const facts: string[] = [];
  const replacements = d.replacedBy.map((id) => catalog.byIsoId(id)).filter((x): x is Deliverable => !!x);
  if (replacements.length) facts.push(`Replaced by: ${replacements.map((x) => withSuccessors(x, catalog, settings)).join(', ')}`);
  else if (d.status === 'withdrawn' && !r.current) facts.push('Withdrawn; the catalog names no successor.');
  if (r.current && r.current.isoId !== d.isoId && !replacements.some((x) => x.isoId === r.current!.isoId) && !chainHolds(replacements, r.current, catalog)) {
    facts.push(`Current edition: ${linked(r.current, catalog, settings)}`);
  }
  if (!d.supplement) {
    const supplements = catalog.supplementsOf(d);
    if (supplements.length) facts.push(`Amended by: ${supplements.map((x) => linked(x, catalog, settings)).join(', ')}`);
  }
  if (r.editions.length > 1) facts.push(`Editions: ${editionList(r.editions)}`);
  if (d.committee) {
    const title = catalog.committeeTitle(d.committee);
    facts.push(`Committee: ${d.committee}${title ? ` (${title})` : ''}`);
  }
  const families = catalog.familiesOf(designationOf(d));
  if (families.length) facts.push(`Part of: ${families.map((f) => f.name).join(', ')}`);
  if (facts.length) lines.push('', facts.map((f) => `- ${f}`).join('\n'));
  lines.push('', `[${d.reference} on ${catalog.customLink(d) || usesTemplate(settings) ? 'your library' : 'iso.org'}](${linkFor(d, settings, catalog)})`);
  return lines.join('\n');
}

const SHOWN_PARTS = 12;

function describeSeries(r: StandardResolution, catalog: Catalog, settings: LinkSettings): string {
  const parts = r.parts ?? [];
  const what = `${parts.length} ${parts.length === 1 ? 'document' : 'documents'} in the catalog`;
  const lines = [`**${r.family?.name ?? r.id}** · ${what}`];
  if (r.family) lines.push('', r.family.summary);
  else if (r.seriesTitle) lines.push('', r.seriesTitle);
  const shown = parts.slice(0, SHOWN_PARTS).map((p) => `${linked(p, catalog, settings)}${p.status === 'withdrawn' ? ' (withdrawn)' : ''} ${shortTitle(p.title)}`);
  lines.push('', shown.map((p) => `- ${p}`).join('\n'));
  if (parts.length > SHOWN_PARTS) lines.push(`- … and ${parts.length - SHOWN_PARTS} more`);
  return lines.join('\n');
}

/** The last segment of an ISO title, which names the document: "… - Part 1: Specification" → "Part 1: Specification". */
export function shortTitle(title: string): string {
  const segments = title.split(/ -{1,2} | — /);
  return segments[segments.length - 1];
}

/** A deliverable on its own, for completion items: reference, status, title, summary, link. */
export function deliverableCard(d: Deliverable, catalog: Catalog, settings: LinkSettings): string {
  const lines = [`**${d.reference}** · ${statusLine(d)}`, '', d.title];
  const summary = catalog.summary(designationOf(d));
  if (summary) lines.push('', summary);
  lines.push('', `[${d.reference}](${linkFor(d, settings, catalog)})`);
  return lines.join('\n');
}

function describeFramework(r: FrameworkResolution): string {
  const f = r.framework;
  if (!f) return `**${r.id}**\n\nnormref has no data on this framework.`;
  const lines = [`**${r.version?.name ?? f.name}** · ${f.fullName} · ${f.publisher}`];
  const current = f.versions.find((v) => v.key === f.current);
  if (r.unknownVersion) {
    lines.push('', `normref knows no version "${r.reference.id.version}" of ${f.name}. Versions: ${f.versions.map((v) => v.name).join(', ')}.`);
  } else if (r.version) {
    const superseded = r.version.status === 'superseded';
    const by = f.versions.find((v) => v.key === r.version!.supersededBy);
    lines.push('', `${superseded ? 'Superseded' : 'Current version'}${r.version.released ? ` · released ${r.version.released}` : ''}${superseded && by ? ` · superseded by ${by.name}` : ''}`);
    if (superseded && current && current !== by) lines.push('', `Current version: ${current.name}`);
  } else if (current) {
    lines.push('', `No version named; the current version is ${current.name}.`);
  }
  lines.push('', f.summary);
  if (r.version?.summary) lines.push('', r.version.summary);
  const url = r.version?.url ?? f.url;
  if (url) lines.push('', `[${f.name} at ${f.publisher}](${url})`);
  return lines.join('\n');
}

function statusLine(d: Deliverable): string {
  const label = STATUS_LABELS[d.status];
  if (d.status === 'under-development') return `${label} (stage ${(d.stage / 100).toFixed(2)})`;
  return d.published ? `${label} · ${d.published}` : label;
}

function matchNotes(r: StandardResolution, d: Deliverable): string[] {
  switch (r.match) {
    case 'latest':
      if (r.reference.id.stage) {
        return [`*No ${r.reference.id.stage} of ${r.designation} is under development: that stage is over, and this is the latest edition.*`];
      }
      return r.editions.length > 1 || d.status !== 'published'
        ? [`*No year given: this is the latest edition${d.status === 'published' ? ', in force' : ''}.*`]
        : [];
    case 'adopted-edition':
      return [`*${r.reference.id.adoption} adoption dated ${r.reference.id.year}: the ISO edition in force then is ${d.reference}.*`];
    case 'no-such-supplement':
      return [`*${r.id}: no such amendment or corrigendum to this edition in the catalog.*`];
    case 'former-name':
      return [formerNameLine(r)];
    default:
      return r.formerName ? [formerNameLine(r)] : [];
  }
}

function formerNameLine(r: StandardResolution): string {
  const f = r.formerName!;
  return `*${f.reference} (${f.publisher}): ${f.note} Now: ${f.now}.*`;
}

function notFound(r: StandardResolution): string {
  if (r.match === 'other-publisher' && r.otherPublisher) {
    const written = r.reference.id.publishers.join('/');
    return `${written} publishes no document ${[r.reference.id.number, ...r.reference.id.parts].join('-')}; ${designationOf(r.otherPublisher)} is ${r.otherPublisher.publishers.join('/')}'s: ${r.otherPublisher.reference}, ${shortTitle(r.otherPublisher.title)}.`;
  }
  if (r.match === 'no-such-edition') {
    return `No edition of ${r.designation} is dated ${r.reference.id.year} in the catalog.`;
  }
  if (r.reference.id.publishers[0] === 'IEC' || r.reference.id.publishers[0] === 'BS') {
    return `Not in normref's catalog, which holds ISO and ISO/IEC deliverables (ISO Open Data); ${r.reference.id.publishers[0]}-only standards are recognised but not described.`;
  }
  return `No deliverable with this number is in normref's catalog (ISO Open Data). Check the number, or it may be a national or IEC-only standard.`;
}

function editionList(editions: Deliverable[]): string {
  return editions.map((e) => `${e.year ?? 'draft'}${e.status === 'published' ? '' : ` (${STATUS_LABELS[e.status].toLowerCase()})`}`).join(', ');
}

/** How many replacements deep a chain is followed: 17799:2005 → 27002:2005 → 2013 → 2022 is three. */
const MAX_CHAIN = 6;

/** The published documents a withdrawn one led to, following "replaced by" until each is in force. */
function inForceAfter(d: Deliverable, catalog: Catalog): Deliverable[] {
  const found = new Map<number, Deliverable>();
  let front = [d];
  const seen = new Set([d.isoId]);
  for (let depth = 0; depth < MAX_CHAIN && front.length; depth++) {
    const next: Deliverable[] = [];
    for (const x of front) {
      if (x.status === 'published' && x !== d) found.set(x.isoId, x);
      else {
        for (const id of x.replacedBy) {
          const y = seen.has(id) ? undefined : catalog.byIsoId(id);
          seen.add(id);
          if (y) next.push(y);
        }
      }
    }
    front = next;
  }
  return [...found.values()];
}

/** A replacement, and what is in force now if it was replaced in turn: "ISO/IEC 27035-1:2016 (now ISO/IEC 27035-1:2023)". */
function withSuccessors(d: Deliverable, catalog: Catalog, settings: LinkSettings): string {
  if (d.status === 'published') return linked(d, catalog, settings);
  const now = inForceAfter(d, catalog);
  return now.length ? `${linked(d, catalog, settings)} (${STATUS_LABELS[d.status].toLowerCase()}; now ${now.map((x) => linked(x, catalog, settings)).join(', ')})` : linked(d, catalog, settings);
}

/** Whether following the replacements leads to `current` (then the chain already names it). */
function chainHolds(replacements: readonly Deliverable[], current: Deliverable, catalog: Catalog): boolean {
  return replacements.some((x) => inForceAfter(x, catalog).some((y) => y.isoId === current.isoId));
}

function linked(d: Deliverable, catalog: Catalog, settings: LinkSettings): string {
  return `[${d.reference}](${linkFor(d, settings, catalog)})`;
}

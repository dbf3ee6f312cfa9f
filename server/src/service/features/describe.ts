// What normref says about a resolved reference, as Markdown: the hover shows it, `normref lookup`
// prints it, and completion items carry it as documentation. Written once, here.
import * as l10n from '@vscode/l10n';
import { designationOf, displayTitle, statusLabel, type Catalog, type Deliverable } from '../catalog';
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
    if (r.editions.length) lines.push('', l10n.t('Editions: {0}', editionList(r.editions)));
    return lines.join('\n');
  }
  // A former name says first what it was, then what it became.
  if (r.match === 'former-name' && r.formerName) {
    lines.push(`**${r.id}** · ${r.formerName.publisher} · ${l10n.t('now {0}', r.formerName.now)}`, '', formerNameLine(r), '', l10n.t('Became {0} · {1}: {2}', d.reference, statusLine(d), displayTitle(d)));
  } else {
    lines.push(`**${d.reference}** · ${statusLine(d)}`, '', displayTitle(d));
  }
  const notes = r.match === 'former-name' ? [] : matchNotes(r, d);
  if (notes.length) lines.push('', notes.join('\n'));
  const summary = catalog.summary(designationOf(d)) ?? catalog.summary(r.designation);
  if (summary) lines.push('', summary);
  const facts: string[] = [];
  const replacements = d.replacedBy.map((id) => catalog.byIsoId(id)).filter((x): x is Deliverable => !!x);
  if (replacements.length) facts.push(l10n.t('Replaced by: {0}', replacements.map((x) => withSuccessors(x, catalog, settings)).join(', ')));
  else if (d.status === 'withdrawn' && !r.current) facts.push(l10n.t('Withdrawn; the catalog names no successor.'));
  if (r.current && r.current.isoId !== d.isoId && !replacements.some((x) => x.isoId === r.current!.isoId) && !chainHolds(replacements, r.current, catalog)) {
    facts.push(l10n.t('Current edition: {0}', linked(r.current, catalog, settings)));
  }
  if (!d.supplement) {
    const supplements = catalog.supplementsOf(d);
    if (supplements.length) facts.push(l10n.t('Amended by: {0}', supplements.map((x) => linked(x, catalog, settings)).join(', ')));
  }
  if (r.editions.length > 1) facts.push(l10n.t('Editions: {0}', editionList(r.editions)));
  if (d.committee) {
    const title = catalog.committeeTitle(d.committee);
    facts.push(l10n.t('Committee: {0}', `${d.committee}${title ? ` (${title})` : ''}`));
  }
  const families = catalog.familiesOf(designationOf(d));
  if (families.length) facts.push(l10n.t('Part of: {0}', families.map((f) => f.name).join(', ')));
  if (facts.length) lines.push('', facts.map((f) => `- ${f}`).join('\n'));
  const where = catalog.customLink(d) || usesTemplate(settings) ? l10n.t('{0} in your library', d.reference) : l10n.t('{0} on iso.org', d.reference);
  lines.push('', `[${where}](${linkFor(d, settings, catalog)})`);
  return lines.join('\n');
}

const SHOWN_PARTS = 12;

function describeSeries(r: StandardResolution, catalog: Catalog, settings: LinkSettings): string {
  const parts = r.parts ?? [];
  const what = parts.length === 1 ? l10n.t('1 document in the catalog') : l10n.t('{0} documents in the catalog', parts.length);
  const lines = [`**${r.family?.name ?? r.id}** · ${what}`];
  if (r.family) lines.push('', r.family.summary);
  else if (r.seriesTitle) lines.push('', r.seriesTitle);
  const withdrawn = ` (${statusLabel('withdrawn').toLowerCase()})`;
  const shown = parts.slice(0, SHOWN_PARTS).map((p) => `${linked(p, catalog, settings)}${p.status === 'withdrawn' ? withdrawn : ''} ${shortTitle(displayTitle(p))}`);
  lines.push('', shown.map((p) => `- ${p}`).join('\n'));
  if (parts.length > SHOWN_PARTS) lines.push(`- ${l10n.t('… and {0} more', parts.length - SHOWN_PARTS)}`);
  return lines.join('\n');
}

/** The last segment of an ISO title, which names the document: "… - Part 1: Specification" → "Part 1: Specification". */
export function shortTitle(title: string): string {
  const segments = title.split(/ -{1,2} | — /);
  return segments[segments.length - 1];
}

/** A deliverable on its own, for completion items: reference, status, title, summary, link. */
export function deliverableCard(d: Deliverable, catalog: Catalog, settings: LinkSettings): string {
  const lines = [`**${d.reference}** · ${statusLine(d)}`, '', displayTitle(d)];
  const summary = catalog.summary(designationOf(d));
  if (summary) lines.push('', summary);
  lines.push('', `[${d.reference}](${linkFor(d, settings, catalog)})`);
  return lines.join('\n');
}

function describeFramework(r: FrameworkResolution): string {
  const f = r.framework;
  if (!f) return `**${r.id}**\n\n${l10n.t('normref has no data on this framework.')}`;
  const lines = [`**${r.version?.name ?? f.name}** · ${f.fullName} · ${f.publisher}`];
  const current = f.versions.find((v) => v.key === f.current);
  if (r.unknownVersion) {
    lines.push('', l10n.t('normref knows no version "{0}" of {1}. Versions: {2}.', r.reference.id.version ?? '', f.name, f.versions.map((v) => v.name).join(', ')));
  } else if (r.version) {
    const superseded = r.version.status === 'superseded';
    const by = f.versions.find((v) => v.key === r.version!.supersededBy);
    const facts = [superseded ? l10n.t('Superseded') : l10n.t('Current version')];
    if (r.version.released) facts.push(l10n.t('released {0}', r.version.released));
    if (superseded && by) facts.push(l10n.t('superseded by {0}', by.name));
    lines.push('', facts.join(' · '));
    if (superseded && current && current !== by) lines.push('', l10n.t('Current version: {0}', current.name));
  } else if (current) {
    lines.push('', l10n.t('No version named; the current version is {0}.', current.name));
  }
  lines.push('', f.summary);
  if (r.version?.summary) lines.push('', r.version.summary);
  const url = r.version?.url ?? f.url;
  if (url) lines.push('', `[${l10n.t('{0} at {1}', f.name, f.publisher)}](${url})`);
  return lines.join('\n');
}

function statusLine(d: Deliverable): string {
  const label = statusLabel(d.status);
  if (d.status === 'under-development') return `${label} (${l10n.t('stage {0}', (d.stage / 100).toFixed(2))})`;
  return d.published ? `${label} · ${d.published}` : label;
}

function matchNotes(r: StandardResolution, d: Deliverable): string[] {
  switch (r.match) {
    case 'latest':
      if (r.reference.id.stage) {
        return [`*${l10n.t('No {0} of {1} is under development: that stage is over, and this is the latest edition.', r.reference.id.stage, r.designation)}*`];
      }
      return r.editions.length > 1 || d.status !== 'published'
        ? [`*${d.status === 'published' ? l10n.t('No year given: this is the latest edition, in force.') : l10n.t('No year given: this is the latest edition.')}*`]
        : [];
    case 'adopted-edition':
      return [`*${l10n.t('{0} adoption dated {1}: the ISO edition in force then is {2}.', r.reference.id.adoption ?? '', r.reference.id.year ?? '', d.reference)}*`];
    case 'no-such-supplement':
      return [`*${l10n.t('{0}: no such amendment or corrigendum to this edition in the catalog.', r.id)}*`];
    case 'former-name':
      return [formerNameLine(r)];
    default:
      return r.formerName ? [formerNameLine(r)] : [];
  }
}

function formerNameLine(r: StandardResolution): string {
  const f = r.formerName!;
  return `*${f.reference} (${f.publisher}): ${f.note} ${l10n.t('Now: {0}.', f.now)}*`;
}

function notFound(r: StandardResolution): string {
  if (r.match === 'other-publisher' && r.otherPublisher) {
    const written = r.reference.id.publishers.join('/');
    const number = [r.reference.id.number, ...r.reference.id.parts].join('-');
    return l10n.t("{0} publishes no document {1}; {2} is {3}'s: {4}, {5}.", written, number, designationOf(r.otherPublisher), r.otherPublisher.publishers.join('/'), r.otherPublisher.reference, shortTitle(displayTitle(r.otherPublisher)));
  }
  if (r.match === 'no-such-edition') {
    return l10n.t('No edition of {0} is dated {1} in the catalog.', r.designation, r.reference.id.year ?? '');
  }
  if (r.reference.id.publishers[0] === 'IEC' || r.reference.id.publishers[0] === 'BS') {
    return l10n.t("Not in normref's catalog, which holds ISO and ISO/IEC deliverables (ISO Open Data); {0}-only standards are recognised but not described.", r.reference.id.publishers[0]);
  }
  return l10n.t("No deliverable with this number is in normref's catalog (ISO Open Data). Check the number, or it may be a national or IEC-only standard.");
}

function editionList(editions: Deliverable[]): string {
  return editions.map((e) => `${e.year ?? l10n.t('draft')}${e.status === 'published' ? '' : ` (${statusLabel(e.status).toLowerCase()})`}`).join(', ');
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
  return now.length ? `${linked(d, catalog, settings)} (${statusLabel(d.status).toLowerCase()}; ${l10n.t('now {0}', now.map((x) => linked(x, catalog, settings)).join(', '))})` : linked(d, catalog, settings);
}

/** Whether following the replacements leads to `current` (then the chain already names it). */
function chainHolds(replacements: readonly Deliverable[], current: Deliverable, catalog: Catalog): boolean {
  return replacements.some((x) => inForceAfter(x, catalog).some((y) => y.isoId === current.isoId));
}

function linked(d: Deliverable, catalog: Catalog, settings: LinkSettings): string {
  return `[${d.reference}](${linkFor(d, settings, catalog)})`;
}

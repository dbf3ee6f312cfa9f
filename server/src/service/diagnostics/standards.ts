// The rules on standards: a withdrawn edition, a former name, an edition, part or number that does
// not exist, and a spelling other than the publisher's.
import * as l10n from '@vscode/l10n';
import { designationOf, documentKey, type Catalog, type Deliverable } from '../catalog';
import { editionOfYear, familyOfDocument } from '../model/editions';
import { titleKey, writtenAfter } from '../model/titles';
import { formatSupplement } from '../scan/format';
import type { StandardResolution } from '../resolve';
import { displayLanguage } from '../locale';
import { edit, type CheckContext, type Found } from './context';
import { said } from './said';
import { citedWithDivision, sentenceCites } from './beside';
import type { Edit, Fix } from './finding';

/** Adds a standard's findings to `found`. Run for every standard of a document: nothing is made for one without any. */
export function checkStandard(r: StandardResolution, context: CheckContext, found: Found[]): void {
  const on = context.enabled;
  let f: Found | undefined;
  if (on('withdrawn') && (f = withdrawn(r, context))) found.push(f);
  if (on('renamed') && (f = renamed(r, context))) found.push(f);
  if (on('unknown-edition') && (f = unknownEdition(r, context.catalog))) found.push(f);
  if ((on('unknown-part') || on('unknown-number')) && (f = unknownPartOrNumber(r, context.catalog))) found.push(f);
  if (on('non-canonical') && (f = nonCanonical(r))) found.push(f);
}

// ----- withdrawn -----

function withdrawn(r: StandardResolution, context: CheckContext): Found | undefined {
  if (r.match !== 'edition' && r.match !== 'supplement' && r.match !== 'adopted-edition') return undefined;
  const cited = r.deliverable!;
  // A crosswalk's column of the old edition beside one of the new, or a section about that
  // edition ("Control areas of the 2005 edition"), cites it on purpose.
  if (cited.status !== 'withdrawn' || context.model.isPassing(r.reference) || context.crosswalkColumns.has(r.reference.start)) return undefined;
  if (cited.year !== undefined && context.model.sectionNames(r.reference.start, String(cited.year))) return undefined;
  // A supplement goes with its edition: ISO/IEC 27001:2013/Cor 2:2015 is replaced by what replaced 2013.
  const edition = cited.supplement ? (r.editions.find((d) => d.year === cited.year) ?? cited) : cited;
  // A national adoption (EN ISO/IEC 27001:2017) is said to adopt the withdrawn edition; its own
  // next edition has a year of its own (EN ISO/IEC 27001:2023 adopts 2022), which the catalog
  // does not have: no fix would write it right.
  const adoption = r.reference.id.adoption;
  const { chain, message, fixTitle } = withdrawal(cited, edition, r.current, context.catalog, adoption ? r.id : undefined);
  const next = chain.steps[0];
  const asOf = context.asOf();
  if (asOf && (!next || !publishedBy(next, asOf))) return undefined;
  const latest = chain.steps.at(-1) ?? r.current;
  const fixes: Fix[] = [];
  if (latest && latest.status === 'published' && !adoption) {
    // Moving a document to a new edition renumbers the controls it cites: offered, not applied, when any depend on it;
    // nor when the sentence already names the new edition ("2022 (or 2013 until the transition ends)").
    const numbered = context.catalog.controls.numberingsOfStandard(documentKey(edition.number, edition.parts));
    const dependents = numbered.some((n) => context.editionsInUse.has(`${familyOfDocument(n.document)} ${editionOfYear(n, edition.year ?? 0)}`));
    const beside = sentenceCites(context, r.reference.start, r.reference.end, (o) => o.kind === 'standard' && !!o.deliverable && sameEdition(o.deliverable, latest));
    const division = citedWithDivision(context.text, r.reference.start, r.reference.end);
    const oldTitle = writesTitleOf(context.text, r.reference.end, cited, latest);
    fixes.push({ title: fixTitle!, edits: [replaceEdition(r, latest)], safe: !chain.branches && !dependents && !beside && !division && !oldTitle });
  }
  return { code: 'withdrawn', start: r.reference.start, end: r.reference.end, message, fixes, subject: r.id };
}

/**
 * Whether the words after a reference are (the start of) a part of its edition's title that the
 * new edition's title lacks: "ISO/IEC 27036-3:2013 Guidelines for information and communication
 * technology supply chain security" would be left with the old title under the new year.
 */
function writesTitleOf(text: string, end: number, cited: Deliverable, latest: Deliverable): boolean {
  const after = writtenAfter(text, end);
  if (!after) return false;
  const now = titleKey(latest.title);
  return cited.title.split(/ [-–—] |: /).some((part) => {
    const key = titleKey(part);
    return key.split(' ').length >= 3 && (after === key || after.startsWith(`${key} `) || key.startsWith(`${after} `)) && !now.includes(key);
  });
}

function sameEdition(a: Deliverable, b: Deliverable): boolean {
  return a === b || (a.year === b.year && designationOf(a) === designationOf(b));
}

interface Withdrawal {
  chain: { steps: Deliverable[]; branches?: string[] };
  message: string;
  /** The title of the fix that cites the edition that replaced it last. */
  fixTitle?: string;
  current?: Deliverable;
  language: string;
}

/**
 * What replaced a withdrawn edition and the message that says so: the same for every citation of
 * it, so worked out once per catalog and language (a policy cites the same few editions again and again).
 */
const withdrawals = new WeakMap<Catalog, WeakMap<Deliverable, Withdrawal>>();

function withdrawal(cited: Deliverable, edition: Deliverable, current: Deliverable | undefined, catalog: Catalog, adoption?: string): Withdrawal {
  let known = withdrawals.get(catalog);
  if (!known) withdrawals.set(catalog, (known = new WeakMap()));
  const kept = known.get(cited);
  const language = displayLanguage();
  // An adoption's message names what the text wrote: not kept (adoptions are few).
  if (!adoption && kept && kept.current === current && kept.language === language) return kept;
  const said = adoption
    ? l10n.t('{0} adopts {1}, which is withdrawn', adoption, cited.reference)
    : cited.supplement
      ? l10n.t('{0} amends {1}, which is withdrawn', cited.reference, edition.reference)
      : l10n.t('{0} is withdrawn', cited.reference);
  const chain = successors(edition, catalog);
  let message: string;
  if (chain.steps.length === 0) {
    message = current ? l10n.t('{0}; the current edition is {1} ({2}).', said, current.reference, current.published ?? current.year ?? '') : l10n.t('{0}; the catalog names no successor.', said);
  } else {
    const steps = chain.steps.map((d, i) => {
      const by = replacement(d, i === 0 ? edition : chain.steps[i - 1], catalog);
      return i === 0 ? l10n.t('replaced by {0}', by) : l10n.t('then {0}', by);
    });
    const also = chain.branches ? ` ${l10n.t('(also replaced by {0})', chain.branches.join(', '))}` : '';
    message = `${said}: ${steps.join(', ')}${also}.`;
  }
  const latest = chain.steps.at(-1) ?? current;
  const result = { chain, message, ...(latest ? { fixTitle: replaceWith(latest.reference) } : {}), ...(current ? { current } : {}), language };
  if (!adoption) known.set(cited, result);
  return result;
}

/** The editions that replaced one, in order, to a published one (or the end of the catalog's record). */
function successors(d: Deliverable, catalog: Catalog): { steps: Deliverable[]; branches?: string[] } {
  const steps: Deliverable[] = [];
  let branches: string[] | undefined;
  const seen = new Set([d.isoId]);
  for (let current = d; current.status === 'withdrawn' && steps.length < 12; ) {
    const replacements = current.replacedBy.map((id) => catalog.byIsoId(id)).filter((x): x is Deliverable => !!x && !x.supplement && !seen.has(x.isoId));
    if (replacements.length === 0) break;
    const key = documentKey(current.number, current.parts, current.type);
    // The same document's next edition first; another one when the number changed (17799 → 27002).
    const next = replacements.find((x) => documentKey(x.number, x.parts, x.type) === key) ?? replacements[0];
    const others = replacements.filter((x) => x !== next).map((x) => x.reference);
    if (others.length) branches = [...(branches ?? []), ...others];
    seen.add(next.isoId);
    steps.push(next);
    current = next;
  }
  return { steps, ...(branches ? { branches } : {}) };
}

function replacement(d: Deliverable, before: Deliverable, catalog: Catalog): string {
  const renumbered = catalog.formerName(designationOf(before));
  if (renumbered && renumbered.became === designationOf(d)) return `${d.reference} (${l10n.t('renumbered in {0}', renumbered.year)})`;
  return d.published ? `${d.reference} (${d.published})` : d.reference;
}

/**
 * Whether a deliverable was surely published by a date: its month or year counts as its last day,
 * the as-of month or year as its first, so a doubt never flags.
 */
function publishedBy(d: Deliverable, asOf: string): boolean {
  const published = d.published ?? (d.year ? String(d.year) : undefined);
  if (!published) return false;
  const last = published.length === 4 ? `${published}-12-31` : published.length === 7 ? `${published}-31` : published;
  const first = asOf.length === 4 ? `${asOf}-01-01` : asOf.length === 7 ? `${asOf}-01` : asOf;
  return last <= first;
}

/** The reference rewritten to another edition: only the year when the document keeps its number, else the catalog's reference. */
function replaceEdition(r: StandardResolution, to: Deliverable): Edit {
  const ref = r.reference;
  const sameDocument = documentKey(ref.id.number, ref.id.parts, ref.id.type) === documentKey(to.number, to.parts, to.type);
  const written = ref.id.year !== undefined && ref.text.includes(String(ref.id.year));
  if (sameDocument && ref.id.supplements.length === 0 && written && to.year !== undefined) return yearEdit(r, to.year);
  return edit(ref.start, ref.end, to.reference);
}

// ----- renamed -----

function renamed(r: StandardResolution, context: CheckContext): Found | undefined {
  const former = r.formerName;
  if (!former) return undefined;
  // A dated edition under the old number is the withdrawn rule's (17799:2005 → 27002:2022).
  if (r.match !== 'former-name' && !(r.match === 'latest' && r.reference.id.year === undefined)) return undefined;
  if (context.model.isPassing(r.reference)) return undefined;
  // ISO renumbered its own standards; another publisher's were replaced by ISO's (OHSAS 18001 by ISO 45001).
  const renumbered = former.publisher.startsWith('ISO');
  const { message, title } = said('renamed', context.catalog, r.reference.id, () => ({
    message: renumbered
      ? former.became !== former.now
        ? l10n.t('{0} is a former name: it became {1} in {2}, later {3}. Cite {3}.', r.id, former.became, former.year, former.now)
        : l10n.t('{0} is a former name: it became {1} in {2}. Cite {3}.', r.id, former.became, former.year, former.now)
      : former.became !== former.now
        ? l10n.t('{0} is no longer current: {1} replaced it in {2}, later {3}. Cite {3}.', r.id, former.became, former.year, former.now)
        : l10n.t('{0} is no longer current: {1} replaced it in {2}. Cite {3}.', r.id, former.became, former.year, former.now),
    title: replaceWith(former.now),
  }));
  // Applied unasked only where ISO renumbered its own standard (ISO/IEC 17799 → 27002). Another
  // publisher's standard was replaced by a new one: "certified to OHSAS 18001" is a fact about a
  // certificate, not a name to update. "BS 7799" without its part may mean part 1 (now ISO/IEC
  // 27002) as well as part 2; a clause of the old standard is not the new one's; nor is a
  // sentence that names the successor already ("based on AS/NZS 4360 and ISO 31000") helped.
  const safe =
    renumbered &&
    !context.catalog.formerName(`${former.reference}-1`) &&
    !citedWithDivision(context.text, r.reference.start, r.reference.end) &&
    !sentenceCites(context, r.reference.start, r.reference.end, (o) => o.kind === 'standard' && !o.formerName && !!o.deliverable && designationOf(o.deliverable) === former.now);
  const fixes: Fix[] = r.reference.text.includes('\n') ? [] : [{ title, edits: [edit(r.reference.start, r.reference.end, former.now)], safe }];
  return { code: 'renamed', start: r.reference.start, end: r.reference.end, message, fixes, subject: r.id };
}

// ----- editions, parts and numbers that do not exist -----

function unknownEdition(r: StandardResolution, catalog: Catalog): Found | undefined {
  const ref = r.reference;
  if (r.match === 'no-such-edition') {
    const years = [...new Set(r.editions.map((d) => d.year).filter((y): y is number => y !== undefined))];
    const list = years.length ? l10n.t('its editions are {0}', listed(years.map(String))) : l10n.t('it has no dated edition');
    // A year after ISO's data was taken may be an edition normref does not know yet, or one a
    // policy expects ("a new edition of ISO/IEC 27002:2027 is expected"), not a mistake.
    const dataYear = Number((catalog.newestPublication ?? '9999').slice(0, 4));
    const unsure = ref.id.year! >= dataYear;
    const message = unsure
      ? l10n.t("normref's catalog has no {0} edition of {1} ({2}); if it was published after the catalog's data, update normref.", ref.id.year!, r.designation, list)
      : l10n.t('{0} has no {1} edition: {2}.', r.designation, ref.id.year!, list);
    const fixes: Fix[] = r.editions
      .filter((d) => d.status === 'published' || d.status === 'withdrawn')
      .reverse()
      .map((d) => ({ title: replaceWith(d.reference), edits: [yearEdit(r, d.year!)], safe: false }));
    return { code: 'unknown-edition', start: ref.start, end: ref.end, message, fixes, subject: r.id, unsure };
  }
  if (r.match === 'no-such-supplement') {
    const supplements = catalog.supplementsOf(r.deliverable!).flatMap((d) => (d.supplement ? [formatSupplement({ ...d.supplement })] : []));
    const list = supplements.length ? l10n.t('its amendments and corrigenda are {0}', listed(supplements)) : l10n.t('it has no amendment or corrigendum');
    const wanted = formatSupplement(ref.id.supplements[ref.id.supplements.length - 1]);
    return { code: 'unknown-edition', start: ref.start, end: ref.end, message: l10n.t('{0} has no {1}: {2}.', r.deliverable!.reference, wanted, list), subject: r.id };
  }
  return undefined;
}

/** The year written in a reference, replaced by another. */
function yearEdit(r: StandardResolution, year: number): Edit {
  const at = r.reference.text.lastIndexOf(String(r.reference.id.year));
  return edit(r.reference.start + at, r.reference.start + at + 4, String(year));
}

/** ISO's catalog holds ISO and ISO/IEC deliverables: an IEC-only or national number is not checked. */
function checkable(r: StandardResolution): boolean {
  const publishers = r.reference.id.publishers;
  return publishers.includes('ISO') && !r.reference.id.series;
}

function unknownPartOrNumber(r: StandardResolution, catalog: Catalog): Found | undefined {
  const ref = r.reference;
  // "27001, 27002 and 27996": a number in a list takes its publishers from the list; ISO 27996 is no fix for it.
  if (r.match === 'other-publisher' && r.otherPublisher && checkable(r) && !ref.continuation) {
    const { message, title, newText } = said('other-publisher', catalog, ref.id, () => otherPublisher(r, r.otherPublisher!));
    // "ISO/IEC 27996:2023" → "ISO 27996:2023", an aerospace standard with no 2023 edition: offered, not applied unasked.
    const year = ref.id.year;
    const safe = year === undefined || catalog.editionsOf(designationOf(r.otherPublisher)).some((d) => d.year === year);
    const fixes = ref.text.includes('\n') ? [] : [{ title, edits: [edit(ref.start, ref.end, newText)], safe }];
    return { code: 'unknown-number', start: ref.start, end: ref.end, message, fixes, subject: r.id };
  }
  if ((r.match !== 'unknown' && !(r.match === 'other-publisher' && ref.continuation)) || !checkable(r)) return undefined;
  const { code, message } = said('unknown', catalog, ref.id, () => unknown(r, catalog));
  return { code, start: ref.start, end: ref.end, message, subject: r.id };
}

/** "There is no ISO 27001: ISO/IEC 27001 is published by ISO and IEC", and the reference to write instead. */
function otherPublisher(r: StandardResolution, right: Deliverable): { message: string; title: string; newText: string } {
  const designation = designationOf(right);
  const publishers = right.publishers;
  const message = publishers.length === 1
    ? l10n.t('There is no {0}: {1} is published by {2} alone.', r.designation, designation, publishers[0])
    : l10n.t('There is no {0}: {1} is published by {2}.', r.designation, designation, listed(publishers));
  const newText = `${designation}${r.reference.id.year ? `:${r.reference.id.year}` : ''}`;
  return { message, title: replaceWith(newText), newText };
}

/** A part of a document that has others, or a number no deliverable has. */
function unknown(r: StandardResolution, catalog: Catalog): { code: 'unknown-part' | 'unknown-number'; message: string } {
  const id = r.reference.id;
  if (id.parts.length) {
    const base = documentKey(id.number, [], id.type);
    const parts = catalog.keysWithPrefix(`${base}-`, id.publishers).map((k) => k.slice(base.length + 1));
    const whole = catalog.editions(id.number, [], id.type).length > 0;
    if (parts.length || whole) {
      const name = `${id.publishers.join('/')} ${id.number}`;
      const list = parts.length ? l10n.t('its parts are {0}', listed(parts.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })))) : l10n.t('it has no parts');
      return { code: 'unknown-part', message: l10n.t('{0} has no part {1}: {2}.', name, id.parts.join('-'), list) };
    }
  }
  return { code: 'unknown-number', message: l10n.t("No ISO or ISO/IEC deliverable in normref's catalog has the number {0}.", r.designation.replace(/^\S+ /, '')) };
}

// ----- spelling -----

function nonCanonical(r: StandardResolution): Found | undefined {
  const ref = r.reference;
  if (!r.deliverable || r.match === 'former-name' || r.match === 'series' || ref.continuation || ref.text.includes('\n')) return undefined;
  const written = ref.text.replace(/[\s\u00A0]+/g, ' ');
  if (written === r.id) return undefined;
  return {
    code: 'non-canonical',
    start: ref.start,
    end: ref.end,
    message: l10n.t('{0} is written {1}.', ref.text, r.id),
    fixes: [{ title: l10n.t('Write {0}', r.id), edits: [edit(ref.start, ref.end, r.id)], safe: true }],
    subject: r.id,
  };
}

/** "1, 2 and 3". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return l10n.t('{0} and {1}', items.slice(0, -1).join(', '), items[items.length - 1]);
}

/** The title of a fix that writes `text` in place of what is there. */
export function replaceWith(text: string): string {
  return l10n.t('Replace with {0}', text);
}

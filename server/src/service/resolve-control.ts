// Resolves a control, clause or control area in the edition the document means. The same number
// means different controls in different editions (A.8.2 is Information classification in 2013 and
// Privileged access rights in 2022), so the edition is chosen by rules, in order:
//   1. the year written with it ("27001:2013 A.8.2");
//   2. the year of the nearest preceding dated ISO/IEC 27001/27002 reference in the document;
//   3. the edition the document declares (front matter `normref: { edition: 2013 }` or a comment
//      `<!-- normref edition: 2013 -->`);
//   4. the setting normref.controls.defaultEdition (2022 unless changed).
// A number that exists only in another edition resolves there, and says so.
import type { Catalog, Deliverable } from './catalog';
import type { ControlGroup, ControlItem, IndexedControlSet } from './catalog/controls';
import { controlEditionOfYear } from './scan/control';
import type { ControlAreaReference, ControlReference, StandardReference } from './scan/reference';

export type EditionRule = 'written' | 'nearest-reference' | 'declared' | 'setting' | 'only-edition';

export const EDITION_RULE_TEXT: Record<EditionRule, string> = {
  written: 'the year written with the reference',
  'nearest-reference': 'the nearest preceding dated reference to the standard',
  declared: 'the edition this document declares',
  setting: 'the setting normref.controls.defaultEdition',
  'only-edition': 'the only edition normref has',
};

/** What the document says about editions, gathered before each control is resolved. */
export interface EditionContext {
  /** The nearest preceding ISO/IEC 27001, 27002 or 17799 reference that has a year. */
  previousIsms?: StandardReference;
  /** The nearest preceding ISO/IEC 20000-1 reference that has a year. */
  previousService?: StandardReference;
  /** Edition declared by the document. */
  declared?: string;
  /** normref.controls.defaultEdition. */
  defaultEdition: string;
}

/** Which numbering a control number is in. */
type Numbering = 'annex-a' | '27002' | '27001-clause' | '17799' | '20000-1' | 'cobit' | 'itil' | 'cmmi';

export interface ControlResolution {
  kind: 'control' | 'control-area';
  reference: ControlReference | ControlAreaReference;
  /** "ISO/IEC 27001:2022 A.5.15", "COBIT 2019 APO13", "ISO/IEC 27002:2005 Access control". */
  id: string;
  set?: IndexedControlSet;
  item?: ControlItem;
  /** The group the number names, when it names a group (2013 objective A.9.2, clause 9). */
  group?: ControlGroup;
  edition?: string;
  rule?: EditionRule;
  /** The edition the rules chose, when the number is found in another one instead. */
  chosenEdition?: string;
  /** Said to the user: how a number was placed (a 2005 number in its area, a practice of an objective). */
  note?: string;
  /** The standard whose page the reference links to. */
  standard?: Deliverable;
  /** For COBIT, ITIL and CMMI: the framework's page. */
  frameworkUrl?: string;
  /** The number is read as ISO/IEC 27001's Annex A numbering (A.5.15), not 27002's own (5.15). */
  annexA?: boolean;
}

const ISMS_EDITIONS = ['2022', '2013', '2005'];

export function resolveControl(reference: ControlReference | ControlAreaReference, catalog: Catalog, context: EditionContext): ControlResolution {
  return reference.kind === 'control-area' ? resolveArea(reference, catalog, context) : resolveNumber(reference, catalog, context);
}

function numberingOf(r: ControlReference): Numbering {
  const { form, context } = r.id;
  if (form === 'cobit' || form === 'itil' || form === 'cmmi') return form;
  const standard = context?.kind === 'standard' ? context.id : undefined;
  const number = standard?.number;
  if (number === '17799') return '17799';
  if (number === '20000') return '20000-1';
  if (form === 'annex-a') return number === '27002' ? '27002' : 'annex-a';
  if (number === '27002') return '27002';
  return form === 'control' ? 'annex-a' : '27001-clause';
}

/** Written with the standard, not merely after it somewhere in the document. */
function adjacent(r: ControlReference): boolean {
  return r.id.form !== 'control';
}

/** The edition of ISO/IEC 27001/27002 a number means, and the rule that chose it. */
function ismsEdition(r: ControlReference | ControlAreaReference, context: EditionContext): { edition: string; rule: EditionRule } {
  if (r.kind === 'control' && r.id.edition) return { edition: r.id.edition, rule: 'written' };
  const written = r.id.context?.kind === 'standard' ? r.id.context.id.year : undefined;
  if (written !== undefined && (r.kind === 'control-area' || adjacent(r))) return { edition: controlEditionOfYear(written), rule: 'written' };
  if (context.previousIsms?.id.year !== undefined) return { edition: controlEditionOfYear(context.previousIsms.id.year), rule: 'nearest-reference' };
  if (context.declared) return { edition: context.declared, rule: 'declared' };
  return { edition: context.defaultEdition, rule: 'setting' };
}

function resolveNumber(r: ControlReference, catalog: Catalog, context: EditionContext): ControlResolution {
  const numbering = numberingOf(r);
  const number = r.id.number;
  const sets = catalog.controls;
  switch (numbering) {
    case 'cobit': {
      const set = sets.get('cobit2019');
      const objective = number.slice(0, 5);
      const item = set?.item(objective);
      const note = number.length > 5 ? `Management practice ${number} of objective ${objective}; normref has the objectives, not the practices.` : undefined;
      return { kind: 'control', reference: r, id: `COBIT 2019 ${number}`, set, item, edition: '2019', ...frameworkLink(catalog, 'cobit'), ...(note ? { note } : {}) };
    }
    case 'itil': {
      const set = sets.get('itil4');
      const item = set?.item(number);
      return { kind: 'control', reference: r, id: `ITIL 4 ${number}`, set, item, edition: '4', ...frameworkLink(catalog, 'itil') };
    }
    case 'cmmi': {
      const set = sets.get('cmmi-svc-1.3');
      return { kind: 'control', reference: r, id: `CMMI-SVC v1.3 ${number}`, set, item: set?.item(number), edition: '1.3', ...frameworkLink(catalog, 'cmmi-svc') };
    }
    case '17799':
      return in2005(r, catalog, 'ISO/IEC 17799', 'written');
    case '20000-1':
      return resolveService(r, catalog, context);
    default:
      return resolveIsms(r, numbering, catalog, context);
  }
}

function resolveIsms(r: ControlReference, numbering: 'annex-a' | '27002' | '27001-clause', catalog: Catalog, context: EditionContext): ControlResolution {
  const { edition, rule } = ismsEdition(r, context);
  if (edition === '2005') return in2005(r, catalog, numbering === '27002' ? 'ISO/IEC 27002' : 'ISO/IEC 27001', rule);
  const number = r.id.number;
  const order = [edition, ...ISMS_EDITIONS.filter((e) => e !== edition && e !== '2005')];
  for (const ed of order) {
    // A number written after ISO/IEC 27001 is one of its clauses, or else an Annex A control.
    if (numbering === '27001-clause') {
      const clauses = catalog.controls.find('ISO/IEC 27001', ed);
      const found = find(clauses, number);
      if (found) return located(r, catalog, `ISO/IEC 27001:${ed} ${number}`, clauses!, found, ed, rule, edition);
    }
    const controls = catalog.controls.find('ISO/IEC 27002', ed);
    const found = find(controls, number);
    if (found) {
      if (numbering === '27002') return located(r, catalog, `ISO/IEC 27002:${ed} ${number}`, controls!, found, ed, rule, edition, '27002');
      return { ...located(r, catalog, `ISO/IEC 27001:${ed} A.${number}`, controls!, found, ed, rule, edition), annexA: true };
    }
  }
  const document = numbering === '27002' ? 'ISO/IEC 27002' : 'ISO/IEC 27001';
  const annexA = numbering === 'annex-a';
  const id = annexA ? `${document}:${edition} A.${number}` : `${document}:${edition} ${number}`;
  return { kind: 'control', reference: r, id, edition, rule, standard: deliverableOf(catalog, document, edition), ...(annexA ? { annexA } : {}) };
}

function resolveService(r: ControlReference, catalog: Catalog, context: EditionContext): ControlResolution {
  const year = (r.id.context?.kind === 'standard' ? r.id.context.id.year : undefined) ?? context.previousService?.id.year;
  const rule: EditionRule = r.id.context?.kind === 'standard' && r.id.context.id.year ? 'written' : year ? 'nearest-reference' : 'only-edition';
  const edition = year === undefined || year >= 2018 ? '2018' : year >= 2011 ? '2011' : '2005';
  const set = catalog.controls.find('ISO/IEC 20000-1', edition);
  const found = find(set, r.id.number);
  const id = `ISO/IEC 20000-1:${edition} ${r.id.number}`;
  if (!set || !found) {
    const note = set ? undefined : `normref has no clause data for the ${edition} edition.`;
    return { kind: 'control', reference: r, id, edition, rule, standard: deliverableOf(catalog, 'ISO/IEC 20000-1', edition), ...(note ? { note } : {}) };
  }
  return located(r, catalog, id, set, found, edition, year === undefined ? 'setting' : rule, edition, '20000-1');
}

/** A 2005 number (17799:2005 11.2.4): normref has the eleven control areas, placed by the first level. */
function in2005(r: ControlReference, catalog: Catalog, document: 'ISO/IEC 17799' | 'ISO/IEC 27001' | 'ISO/IEC 27002', rule: EditionRule): ControlResolution {
  const set = catalog.controls.find('ISO/IEC 27002', '2005');
  const number = r.id.number;
  const areaId = number.split('.')[0];
  const item = set?.item(areaId);
  const annexA = document === 'ISO/IEC 27001';
  const id = annexA ? `ISO/IEC 27001:2005 A.${number}` : `${document}:2005 ${number}`;
  const note = item && areaId !== number ? `In control area ${areaId}, ${item.title}; normref has the 2005 control areas, not each 2005 control.` : undefined;
  return { kind: 'control', reference: r, id, set, item, edition: '2005', rule, standard: deliverableOf(catalog, document, '2005'), ...(note ? { note } : {}), ...(annexA ? { annexA } : {}) };
}

function find(set: IndexedControlSet | undefined, number: string): ControlItem | ControlGroup | undefined {
  return set?.item(number) ?? set?.group(number);
}

function located(
  r: ControlReference,
  catalog: Catalog,
  id: string,
  set: IndexedControlSet,
  found: ControlItem | ControlGroup,
  edition: string,
  rule: EditionRule,
  chosen: string,
  linkTo: '27001' | '27002' | '20000-1' = '27001',
): ControlResolution {
  const isGroup = 'kind' in found;
  return {
    kind: 'control',
    reference: r,
    id,
    set,
    ...(isGroup ? { group: found } : { item: found }),
    edition,
    rule,
    ...(chosen !== edition ? { chosenEdition: chosen } : {}),
    standard: deliverableOf(catalog, `ISO/IEC ${linkTo}`, edition),
  };
}

function resolveArea(r: ControlAreaReference, catalog: Catalog, context: EditionContext): ControlResolution {
  const { edition, rule } = ismsEdition(r, context);
  const key = r.id.name.toLowerCase();
  const areas = catalog.controls.areas.filter((a) => a.title.toLowerCase() === key && (r.id.number === undefined || a.id === r.id.number));
  // The chosen edition if the area is there; else the newest edition that has it.
  const match = areas.find((a) => a.set.set.edition === edition) ?? [...areas].sort((a, b) => Number(b.set.set.edition) - Number(a.set.set.edition))[0];
  const ed = match?.set.set.edition ?? edition;
  return {
    kind: 'control-area',
    reference: r,
    id: `ISO/IEC 27002:${ed} ${r.id.name}`,
    ...(match ? { set: match.set, item: match.set.item(match.id), group: match.set.group(match.id) } : {}),
    edition: ed,
    rule,
    ...(ed !== edition ? { chosenEdition: edition } : {}),
    standard: deliverableOf(catalog, 'ISO/IEC 27002', ed),
  };
}

/** The catalog deliverable of a document in an edition year, for links. */
function deliverableOf(catalog: Catalog, designation: string, edition: string): Deliverable | undefined {
  return catalog.editionsOf(designation).find((d) => String(d.year) === edition);
}

function frameworkLink(catalog: Catalog, key: string): { frameworkUrl?: string } {
  const url = catalog.framework(key)?.url;
  return url ? { frameworkUrl: url } : {};
}

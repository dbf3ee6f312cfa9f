// Resolves a control, clause or control area with the reading the document model gives it: which
// numbering and edition it is in and why (model/index.ts decides; nothing here weighs evidence).
// The resolution carries what the features show: the item or group, its canonical id, the
// standard or framework page, and a note where normref has less than the number asks for.
import * as l10n from '@vscode/l10n';
import type { Catalog, Deliverable } from './catalog';
import type { ControlGroup, ControlItem, IndexedControlSet } from './catalog/controls';
import { ANNEX_A } from './catalog/numberings';
import type { Numbering } from './catalog/numberings';
import type { EditionRule, Evidence, Reading } from './model';
import { formatFrameworkId } from './scan/format';
import type { ControlAreaReference, ControlReference } from './scan/reference';

export type { EditionRule } from './model';

/** What placed a number in its edition, as a hover and a diagnostic say it ("chosen by …"). */
export function editionRuleText(rule: EditionRule): string {
  switch (rule) {
    case 'written':
      return l10n.t('the year written with the reference');
    case 'column':
      return l10n.t('the header of its table column');
    case 'title':
      return l10n.t('the title written next to it');
    case 'table':
      return l10n.t('the other numbers of its table');
    case 'paragraph':
      return l10n.t('the dated reference in its paragraph');
    case 'section':
      return l10n.t('the heading of its section');
    case 'declared':
      return l10n.t('the edition this document declares');
    case 'document':
      return l10n.t('what the whole document cites');
    case 'setting':
      return l10n.t('the setting normref.controls.defaultEdition');
    default:
      return l10n.t('the current edition, as nothing in the document dates it');
  }
}

export interface ControlResolution {
  kind: 'control' | 'control-area';
  reference: ControlReference | ControlAreaReference;
  /** "ISO/IEC 27001:2022 A.5.15", "ISO/IEC 20000-1:2018 8.2", "COBIT 2019 APO13", "ISO/IEC 27002:2005 Access control". */
  id: string;
  /** The numbering the model placed the number in (Annex A, 27001's clauses, COBIT 2019 …). */
  numbering: Numbering;
  set?: IndexedControlSet;
  item?: ControlItem;
  /** The group the number names, when it names a group (2013 objective A.9.2, clause 9). */
  group?: ControlGroup;
  edition?: string;
  rule?: EditionRule;
  /** Where the text says so: the dated reference, header or heading that set the edition. */
  evidence?: Evidence;
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

export function resolveControl(reference: ControlReference | ControlAreaReference, catalog: Catalog, reading: Reading): ControlResolution {
  const { numbering, edition, rule, evidence, chosen, set, found } = reading;
  const base = {
    kind: reference.kind,
    reference,
    numbering,
    edition,
    rule,
    ...(evidence ? { evidence } : {}),
    ...(chosen ? { chosenEdition: chosen } : {}),
    ...(set ? { set } : {}),
    ...(found ? ('kind' in found ? { group: found } : { item: found }) : {}),
  };
  if (reference.kind === 'control-area') {
    const name = found?.title ?? reference.id.name ?? reference.id.number ?? '';
    return { ...base, id: `ISO/IEC 27002:${edition} ${name}`, ...standardOf(catalog, 'ISO/IEC 27002', edition) };
  }
  const number = reference.id.number;
  if (!numbering.standardKey) {
    // A framework: COBIT, ITIL, CMMI.
    const id = `${frameworkVersionId(catalog, numbering, edition)} ${number}`;
    const url = catalog.framework(numbering.document)?.url;
    const objective = numbering.document === 'cobit' && number.length > 5 ? number.slice(0, 5) : undefined;
    const note = objective && found ? l10n.t('Management practice {0} of objective {1}; normref has the objectives, not the practices.', number, objective) : undefined;
    return { ...base, id, ...(url ? { frameworkUrl: url } : {}), ...(note ? { note } : {}) };
  }
  const annexA = numbering.key === ANNEX_A;
  const id = annexA ? `ISO/IEC 27001:${edition} A.${number}` : `${numbering.document}:${edition} ${number}`;
  const resolution: ControlResolution = { ...base, id, ...standardOf(catalog, numbering.document, edition), ...(annexA ? { annexA } : {}) };
  if (edition === '2005' && set && !found) return in2005Area(resolution, set, number);
  if (!set) return { ...resolution, note: l10n.t('normref has no data for the {0} edition of {1}.', edition, numbering.document) };
  return resolution;
}

/** A framework's version as the user writes it: "COBIT 2019", "ITIL 4", "CMMI-SVC V1.3". */
export function frameworkVersionId(catalog: Catalog, numbering: Numbering, version: string): string {
  const framework = catalog.framework(numbering.document);
  const label = framework?.id ?? framework?.name ?? numbering.document;
  return formatFrameworkId({ framework: numbering.document, label, version, ...(framework?.versionPrefix ? { versionPrefix: framework.versionPrefix } : {}) });
}

/** A 2005 number (17799:2005 11.2.4): normref has the eleven control areas, placed by the first level. */
function in2005Area(r: ControlResolution, set: IndexedControlSet, number: string): ControlResolution {
  const areaId = number.split('.')[0];
  const item = set.item(areaId);
  if (!item) return r;
  return { ...r, item, note: l10n.t('In control area {0}, {1}; normref has the 2005 control areas, not each 2005 control.', areaId, item.title) };
}

/** The catalog deliverable of a document in an edition year, for links. */
function standardOf(catalog: Catalog, designation: string, edition: string): { standard?: Deliverable } {
  const standard = catalog.editionsOf(designation).find((d) => String(d.year) === edition);
  return standard ? { standard } : {};
}

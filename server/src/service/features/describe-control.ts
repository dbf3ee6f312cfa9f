// What normref says about a control, clause or control area: number and title, where it sits,
// which edition and why, what it became or came from, a description, and the standard's page.
import * as l10n from '@vscode/l10n';
import type { Catalog } from '../catalog';
import type { ControlItem, IndexedControlSet } from '../catalog/controls';
import { editionRuleText, frameworkVersionId, type ControlResolution } from '../resolve-control';
import { linkFor, type LinkSettings } from './link-target';

export function describeControl(r: ControlResolution, catalog: Catalog, settings: LinkSettings): string {
  const found = r.item ?? r.group;
  if (!r.set || !found) return notFound(r);
  const heading = found.id === found.title ? found.title : `${label(r, found.id)} ${found.title}`;
  const lines = [`**${heading}** · ${setLabel(r)}`];
  const chain = r.item ? r.set.ancestry(r.item) : r.group?.parent ? [r.group, ...r.set.ancestry({ id: '', title: '', group: r.group.parent })] : r.group ? [r.group] : [];
  const where = chain.map((g) => `${groupWord(g.kind)} ${/^[\dA-Z.]+$/.test(g.id) ? `${g.id} ` : ''}${g.title}`);
  if (where.length) lines.push('', where.join(' › '));
  const edition = editionLine(r, catalog);
  if (edition) lines.push('', edition);
  if (r.note) lines.push('', `*${r.note}*`);
  const description = r.item?.description ?? r.group?.description;
  if (description) lines.push('', description);
  const history = r.item ? historyLines(r, r.set, r.item, catalog) : r.group ? memberLines(r, r.set, r.group.id) : [];
  if (history.length) lines.push('', history.map((h) => `- ${h}`).join('\n'));
  const link = r.standard ? linkFor(r.standard, settings, catalog) : r.frameworkUrl;
  if (link) lines.push('', `[${r.standard?.reference ?? r.set.set.name}](${link})`);
  return lines.join('\n');
}

/** The number as the document's numbering writes it: A.5.15 under ISO/IEC 27001, 5.15 under 27002. */
function label(r: ControlResolution, id: string): string {
  return r.annexA ? `A.${id}` : id;
}

function setLabel(r: ControlResolution): string {
  const set = r.set!.set;
  return r.annexA ? `${set.annexA ?? `ISO/IEC 27001:${set.edition}`} Annex A` : set.name;
}

function groupWord(kind: string): string {
  switch (kind) {
    case 'theme':
      return l10n.t('Theme');
    case 'clause':
      return l10n.t('Clause');
    case 'objective':
      return l10n.t('Objective');
    case 'domain':
      return l10n.t('Domain');
    case 'category':
      return l10n.t('Category');
    case 'section':
      return l10n.t('Section');
    default:
      return kind;
  }
}

function editionLine(r: ControlResolution, catalog: Catalog): string | undefined {
  if (!r.rule || !r.edition) return undefined;
  // "COBIT 5 APO14": a framework's version is no edition, and no year chose it.
  if (r.chosenEdition && !r.numbering.standardKey) {
    return `*${l10n.t('Not in {0}, written with it: this is {1}.', frameworkVersionId(catalog, r.numbering, r.chosenEdition), frameworkVersionId(catalog, r.numbering, r.edition))}*`;
  }
  if (r.chosenEdition) {
    const because = editionRuleText(r.rule);
    return `*${r.kind === 'control-area'
      ? l10n.t('Not in the {0} edition (chosen by {1}): this is the {2} area.', r.chosenEdition, because, r.edition)
      : l10n.t('Not in the {0} edition (chosen by {1}): this is the {2} number.', r.chosenEdition, because, r.edition)}*`;
  }
  return l10n.t('Edition {0}, chosen by {1}.', r.edition, editionRuleText(r.rule));
}

function historyLines(r: ControlResolution, set: IndexedControlSet, item: ControlItem, catalog: Catalog): string[] {
  const prefix = r.annexA ? 'A.' : '';
  const titled = (other: IndexedControlSet | undefined, ids: string[]) => ids.map((id) => `${prefix}${id} ${other?.item(id)?.title ?? ''}`.trim()).join('; ');
  if (set.set.document !== 'ISO/IEC 27002') return [];
  if (set.set.edition === '2013') {
    const next = catalog.controls.successorsOf(item.id);
    return next.length ? [l10n.t('Became in 2022: {0}', titled(catalog.controls.find('ISO/IEC 27002', '2022'), next))] : [];
  }
  if (set.set.edition === '2022') {
    if (item.new) return [l10n.t('New in 2022: no 2013 predecessor.')];
    const before = catalog.controls.predecessorsOf(item.id);
    return before.length ? [l10n.t('From 2013: {0}', titled(catalog.controls.find('ISO/IEC 27002', '2013'), before))] : [];
  }
  return [];
}

/** The controls a group holds (2013 objective 8.2: 8.2.1, 8.2.2, 8.2.3). */
function memberLines(r: ControlResolution, set: IndexedControlSet, groupId: string): string[] {
  const prefix = r.annexA ? 'A.' : '';
  const members = set.allItems().filter((i) => i.group === groupId || set.group(i.group)?.parent === groupId);
  if (members.length === 0) return [];
  const shown = members.slice(0, 12).map((i) => `${prefix}${i.id} ${i.title}`);
  const more = members.length > shown.length ? ` ${l10n.t('and {0} more', members.length - shown.length)}` : '';
  return [l10n.t('Holds: {0}', `${shown.join('; ')}${more}`)];
}

function notFound(r: ControlResolution): string {
  const knowsNone = r.kind === 'control-area'
    ? l10n.t('normref knows no control area by this name in the editions it has.')
    : l10n.t('normref knows no control or clause with this number in the editions it has.');
  const lines = [`**${r.id}**`, '', knowsNone];
  if (r.note) lines.push('', `*${r.note}*`);
  return lines.join('\n');
}

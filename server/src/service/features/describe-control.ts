// What normref says about a control, clause or control area: number and title, where it sits,
// which edition and why, what it became or came from, a description, and the standard's page.
import type { Catalog } from '../catalog';
import type { ControlItem, IndexedControlSet } from '../catalog/controls';
import { EDITION_RULE_TEXT, type ControlResolution } from '../resolve-control';
import { linkFor, type LinkSettings } from './link-target';

export function describeControl(r: ControlResolution, catalog: Catalog, settings: LinkSettings): string {
  const found = r.item ?? r.group;
  if (!r.set || !found) return notFound(r);
  const heading = found.id === found.title ? found.title : `${label(r, found.id)} ${found.title}`;
  const lines = [`**${heading}** · ${setLabel(r)}`];
  const chain = r.item ? r.set.ancestry(r.item) : r.group?.parent ? [r.group, ...r.set.ancestry({ id: '', title: '', group: r.group.parent })] : r.group ? [r.group] : [];
  const where = chain.map((g) => `${groupWord(g.kind)} ${/^[\dA-Z.]+$/.test(g.id) ? `${g.id} ` : ''}${g.title}`);
  if (where.length) lines.push('', where.join(' › '));
  const edition = editionLine(r);
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
  return { theme: 'Theme', clause: 'Clause', objective: 'Objective', domain: 'Domain', category: 'Category', section: 'Section' }[kind] ?? kind;
}

function editionLine(r: ControlResolution): string | undefined {
  if (!r.rule || !r.edition) return undefined;
  if (r.chosenEdition) {
    return `*Not in the ${r.chosenEdition} edition (chosen by ${EDITION_RULE_TEXT[r.rule]}): this is the ${r.edition} ${r.kind === 'control-area' ? 'area' : 'number'}.*`;
  }
  return `Edition ${r.edition}, chosen by ${EDITION_RULE_TEXT[r.rule]}.`;
}

function historyLines(r: ControlResolution, set: IndexedControlSet, item: ControlItem, catalog: Catalog): string[] {
  const prefix = r.annexA ? 'A.' : '';
  const titled = (other: IndexedControlSet | undefined, ids: string[]) => ids.map((id) => `${prefix}${id} ${other?.item(id)?.title ?? ''}`.trim()).join('; ');
  if (set.set.document !== 'ISO/IEC 27002') return [];
  if (set.set.edition === '2013') {
    const next = catalog.controls.successorsOf(item.id);
    return next.length ? [`Became in 2022: ${titled(catalog.controls.find('ISO/IEC 27002', '2022'), next)}`] : [];
  }
  if (set.set.edition === '2022') {
    if (item.new) return ['New in 2022: no 2013 predecessor.'];
    const before = catalog.controls.predecessorsOf(item.id);
    return before.length ? [`From 2013: ${titled(catalog.controls.find('ISO/IEC 27002', '2013'), before)}`] : [];
  }
  return [];
}

/** The controls a group holds (2013 objective 8.2: 8.2.1, 8.2.2, 8.2.3). */
function memberLines(r: ControlResolution, set: IndexedControlSet, groupId: string): string[] {
  const prefix = r.annexA ? 'A.' : '';
  const members = set.allItems().filter((i) => i.group === groupId || set.group(i.group)?.parent === groupId);
  if (members.length === 0) return [];
  const shown = members.slice(0, 12).map((i) => `${prefix}${i.id} ${i.title}`);
  return [`Holds: ${shown.join('; ')}${members.length > shown.length ? ` and ${members.length - shown.length} more` : ''}`];
}

function notFound(r: ControlResolution): string {
  const what = r.kind === 'control-area' ? 'control area by this name' : 'control or clause with this number';
  const lines = [`**${r.id}**`, '', `normref knows no ${what} in the editions it has.`];
  if (r.note) lines.push('', `*${r.note}*`);
  return lines.join('\n');
}

// Completion of controls, clauses and control areas: after "A.", "Annex A ", "control ", a
// 27001/27002 reference or a COBIT domain, the items of the edition in force at the cursor; on
// explicit invocation in a document that cites ISO/IEC 27001/27002, control area names and control
// titles matched by the words typed; and Statement of Applicability rows as snippets.
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { Catalog } from '../catalog';
import type { ControlItem, IndexedControlSet } from '../catalog/controls';
import type { Analysis } from '../analysis';
import { ismsEditionOfYear } from '../model';

/** How a chosen control is written: "A.5.15 Access control" or just "A.5.15". */
export type ControlFormat = 'numberAndTitle' | 'number';

export interface ControlCompletionSettings {
  format: ControlFormat;
  defaultEdition: string;
}

const SP = '[ \\u00A0]';
const ANNEX_PREFIX = new RegExp(`(?:^|[^\\p{L}\\p{N}])((?:Annex${SP}+A${SP}*|A)\\.?)(\\d{0,2}(?:\\.\\d{0,2}){0,2})$`, 'u');
const CONTROL_PREFIX = new RegExp(`(?:^|[^\\p{L}\\p{N}])[Cc]ontrols?${SP}+((?:A\\.?)?)(\\d{0,2}(?:\\.\\d{0,2}){0,2})$`, 'u');
const STANDARD_PREFIX = new RegExp(`(?:ISO(?:/IEC)?${SP}?)?(2700[12])(?:${SP}?:${SP}?(\\d{4}))?${SP}+((?:A\\.?)?)(\\d{0,2}(?:\\.\\d{0,2}){0,2})$`, 'u');
/** A COBIT domain's id (EDM, APO …, from the data) and the digits typed after it. */
const COBIT_PREFIX = /(?:^|[^\p{L}\p{N}])([A-Z]{2,5})(\d{0,2})$/u;
const WORD = /(?:^|[^\p{L}\p{N}])(\p{L}[\p{L} -]{0,40})$/u;
const NOT_NAME_POSITION = /[\p{N}.:/\\-]$/u;

/** Control completions for the text before the cursor, or undefined when none applies. */
export function completeControls(
  lazyAnalysis: () => Analysis,
  before: string,
  position: Position,
  catalog: Catalog,
  settings: ControlCompletionSettings,
  invoked: boolean,
): CompletionList | undefined {
  const standard = STANDARD_PREFIX.exec(before);
  const annex = ANNEX_PREFIX.exec(before);
  const control = CONTROL_PREFIX.exec(before);
  const cobit = COBIT_PREFIX.exec(before);
  if (cobit && catalog.controls.vocabulary.cobitDomains?.includes(cobit[1])) return cobitItems(catalog, cobit[1], cobit[1] + cobit[2], position);
  // Names are offered where a word starts or goes on, not in the middle of a number ("COBIT 1|").
  const offersNames = invoked && !NOT_NAME_POSITION.test(before);
  if (!standard && !annex && !control && !offersNames) return undefined;
  const analysis = lazyAnalysis();
  // The model's edition at the cursor: the one a hover on a number typed here would show.
  const edition = analysis.ismsEditionAt(analysis.offsetAt(position)).edition;
  if (standard) {
    const ed = standard[2] ? ismsEditionOfYear(Number(standard[2])) : edition;
    const annex = !!standard[3] || standard[1] === '27002';
    return numbered(catalog, ed, standard[1] === '27001' && !standard[3] ? 'clauses' : 'controls', annex && standard[1] === '27001' ? 'A.' : '', standard[3] + standard[4], position, settings.format);
  }
  if (annex) {
    // "A.5.1" is replaced whole; after "Annex A " only the number is.
    const words = annex[1].startsWith('Annex');
    return numbered(catalog, edition, 'controls', words ? '' : 'A.', words ? annex[2] : annex[1] + annex[2], position, settings.format);
  }
  if (control && analysis.citesIsms()) {
    return numbered(catalog, edition, 'controls', control[1] ? 'A.' : '', control[1] + control[2], position, settings.format);
  }
  if (offersNames && analysis.citesIsms()) {
    const word = WORD.exec(before)?.[1].trimStart() ?? '';
    return namedItems(catalog, edition, word, position, settings.format);
  }
  return undefined;
}

function numbered(
  catalog: Catalog,
  edition: string,
  what: 'controls' | 'clauses',
  prefix: string,
  typed: string,
  position: Position,
  format: ControlFormat,
): CompletionList {
  const set = what === 'clauses' ? catalog.controls.find('ISO/IEC 27001', edition) : catalog.controls.find('ISO/IEC 27002', edition === '2005' ? '2013' : edition);
  if (!set) return { isIncomplete: false, items: [] };
  const range = rangeBack(position, typed.length);
  const items = set.allItems().map((item, index) => controlItem(set, item, index, prefix, range, format));
  return { isIncomplete: false, items };
}

function controlItem(set: IndexedControlSet, item: ControlItem, index: number, prefix: string, range: Range, format: ControlFormat): CompletionItem {
  const number = `${prefix}${item.id}`;
  const group = set.group(item.group);
  return {
    label: `${number} ${item.title}`,
    labelDetails: { description: `${set.set.edition}${item.new ? ' · new' : ''}` },
    kind: CompletionItemKind.Field,
    detail: `${set.set.annexA && prefix ? `${set.set.annexA} Annex A` : set.set.name}${group ? ` · ${group.title}` : ''}`,
    ...(item.description ? { documentation: item.description } : {}),
    // Typed numbers and words of the title both find the item.
    filterText: `${number} ${item.title}`,
    sortText: String(index).padStart(4, '0'),
    textEdit: { range, newText: format === 'number' ? number : `${number} ${item.title}` },
  };
}

function cobitItems(catalog: Catalog, domain: string, typed: string, position: Position): CompletionList {
  const set = catalog.controls.get('cobit2019');
  if (!set) return { isIncomplete: false, items: [] };
  const range = rangeBack(position, typed.length);
  const items = set
    .allItems()
    .filter((i) => i.id.startsWith(domain))
    .map((i, index): CompletionItem => ({
      label: i.id,
      labelDetails: { description: i.title },
      kind: CompletionItemKind.Field,
      detail: `COBIT 2019 · ${set.group(i.group)?.title ?? domain}`,
      ...(i.description ? { documentation: i.description } : {}),
      filterText: i.id,
      sortText: String(index).padStart(3, '0'),
      textEdit: { range, newText: i.id },
    }));
  return { isIncomplete: false, items };
}

/** Control area names and control titles, for a writer who knows the words but not the number. */
function namedItems(catalog: Catalog, edition: string, word: string, position: Position, format: ControlFormat): CompletionList {
  const range = rangeBack(position, word.length);
  const items: CompletionItem[] = [];
  const controls = catalog.controls.find('ISO/IEC 27002', edition === '2005' ? '2013' : edition);
  controls?.allItems().forEach((item, index) => {
    const number = `A.${item.id}`;
    items.push({
      label: `${number} ${item.title}`,
      labelDetails: { description: `control, ${controls.set.edition}` },
      kind: CompletionItemKind.Field,
      ...(item.description ? { documentation: item.description } : {}),
      filterText: item.title,
      sortText: `1${String(index).padStart(4, '0')}`,
      textEdit: { range, newText: format === 'number' ? number : `${number} ${item.title}` },
    });
  });
  for (const area of catalog.controls.areas) {
    const number = area.set.set.edition === '2005' ? area.id : `A.${area.id}`;
    items.push({
      label: `${number} ${area.title}`,
      labelDetails: { description: `control area, ${area.set.set.edition}` },
      kind: CompletionItemKind.Module,
      detail: `${area.set.set.name}`,
      filterText: area.title,
      sortText: `0${area.set.set.edition === edition ? 0 : 1}${area.id.padStart(3, '0')}`,
      textEdit: { range, newText: area.title },
    });
  }
  return { isIncomplete: false, items: items.concat(soaSnippets(edition, range)) };
}

/** A Statement of Applicability: the table header and one row, as snippets. */
function soaSnippets(edition: string, range: Range): CompletionItem[] {
  return [
    {
      label: 'Statement of Applicability table',
      kind: CompletionItemKind.Snippet,
      detail: `SoA header and a first row (ISO/IEC 27001:${edition} Annex A)`,
      filterText: 'soa statement of applicability table',
      sortText: '2soa0',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: {
        range,
        newText: [
          '| Control | Title | Applicable | Justification | Status |',
          '| --- | --- | --- | --- | --- |',
          '| A.${1:5.15} | ${2:Access control} | ${3|Yes,No|} | ${4:justification} | ${5|Implemented,Partially implemented,Planned,Not implemented|} |',
        ].join('\n'),
      },
    },
    {
      label: 'Statement of Applicability row',
      kind: CompletionItemKind.Snippet,
      detail: 'One SoA row: control, title, applicability, justification, status',
      filterText: 'soa statement of applicability row',
      sortText: '2soa1',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: {
        range,
        newText: '| A.${1:5.15} | ${2:Access control} | ${3|Yes,No|} | ${4:justification} | ${5|Implemented,Partially implemented,Planned,Not implemented|} |',
      },
    },
  ];
}

function rangeBack(position: Position, length: number): Range {
  return { start: { line: position.line, character: Math.max(0, position.character - length) }, end: position };
}

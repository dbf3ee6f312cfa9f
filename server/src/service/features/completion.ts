// Completion: standard numbers with their titles after "ISO ", "ISO/IEC ", "IEC " (current
// editions of the families policies cite come first), versions after a framework's name, and
// framework names. Items carry only what the list shows; documentation comes on resolve.
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import type { Catalog } from '../catalog';
import { formatFrameworkId } from '../scan/format';
import { deliverableCard, shortTitle } from './describe';
import type { LinkSettings } from './link-target';
import type { Analysis, PolicyDocument } from '../analysis';
import { completeControls, type ControlCompletionSettings } from './complete-controls';
import { completeInternal } from './complete-internal';

const MAX_ITEMS = 100;
/** "ISO/IEC 2700", "ISO 9", "IEC 62443-3-", "ISO/IEC TR 20000-" at the end of the text before the cursor. */
const STANDARD_PREFIX = /(?:^|[^\p{L}\p{N}])((?:ISO|IEC)(?:\/(?:IEC|IEEE|ISO))*)(?:[ /](?:TR|TS|PAS|Guide|DIS|FDIS|CD)\s?| ?)(\d*(?:-\d*)*)$/u;
const WORD_PREFIX = /(?:^|[^\p{L}\p{N}])(\p{L}[\p{L}-]{1,30})$/u;

export interface CompletionData {
  isoId?: number;
}

export function complete(
  document: PolicyDocument,
  position: Position,
  catalog: Catalog,
  settings: ControlCompletionSettings,
  invoked: boolean,
  /** The document's analysis, computed only when a control completion needs what the document cites. */
  analysis: () => Analysis,
): CompletionList {
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const cursor = document.offsetAt(position);
  const before = document.getText().slice(Math.max(lineStart, cursor - 80), cursor);

  const standard = STANDARD_PREFIX.exec(before);
  if (standard) return standardItems(catalog, standard[1].split('/'), standard[2], position);
  const controls = completeControls(analysis, before, position, catalog, settings, invoked);
  if (controls) return controls;
  const framework = frameworkBefore(catalog, before);
  if (framework) return versionItems(catalog, framework);
  const internal = completeInternal(catalog, before, position);
  if (internal) return internal;
  const word = WORD_PREFIX.exec(before);
  if (word) return frameworkItems(catalog, word[1], position);
  return { isIncomplete: false, items: [] };
}

function standardItems(catalog: Catalog, publishers: string[], typed: string, position: Position): CompletionList {
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const curated = catalog.curatedKeys();
  // Until two digits are typed, only the documents policies cite; the list is marked incomplete,
  // so the editor asks again as the number grows.
  const keys = typed.length >= 2 ? catalog.keysWithPrefix(typed, publishers) : [...curated].filter((k) => k.startsWith(typed));
  // Curated documents first, then the rest by length and number: a handful are decoded, not thousands.
  const ordered = [...keys.filter((k) => curated.has(k)).sort(byNumber), ...keys.filter((k) => !curated.has(k)).sort(byNumber)];
  const items: CompletionItem[] = [];
  let truncated = false;
  for (const key of ordered) {
    if (items.length >= MAX_ITEMS) {
      truncated = true;
      break;
    }
    const latest = catalog.latestEdition(key, publishers);
    if (!latest) continue;
    const tier = curated.has(key) && latest.status === 'published' ? 0 : latest.status === 'published' ? 1 : latest.status === 'under-development' ? 2 : 3;
    items.push({
      label: key,
      labelDetails: { description: shortTitle(latest.title) },
      kind: CompletionItemKind.Reference,
      detail: `${latest.reference} · ${latest.status}`,
      sortText: `${tier}${String(items.length).padStart(4, '0')}`,
      filterText: key,
      textEdit: { range, newText: key },
      data: { isoId: latest.isoId } satisfies CompletionData,
    });
  }
  return { isIncomplete: truncated || typed.length < 2, items };
}

/** The key of the framework whose written name (and a space, or not) ends the text before the cursor: its versions are offered. */
function frameworkBefore(catalog: Catalog, before: string): string | undefined {
  const end = before.replace(/®? ?$/, '');
  for (const f of catalog.allFrameworks()) {
    if (f.written.some((w) => end.endsWith(w) && !/[\p{L}\p{N}]/u.test(end.charAt(end.length - w.length - 1)))) return f.key;
  }
  return undefined;
}

function versionItems(catalog: Catalog, key: string): CompletionList {
  const framework = catalog.framework(key);
  if (!framework) return { isIncomplete: false, items: [] };
  const items = framework.versions.map((v, i): CompletionItem => ({
    label: `${framework.versionPrefix?.trim() ?? ''}${v.key}`,
    kind: CompletionItemKind.EnumMember,
    detail: `${v.name}${v.status === 'current' ? ' · current' : ' · superseded'}`,
    sortText: `${v.status === 'current' ? 0 : 1}${i}`,
    ...(v.summary ? { documentation: { kind: MarkupKind.Markdown, value: v.summary } } : {}),
  }));
  return { isIncomplete: false, items };
}

function frameworkItems(catalog: Catalog, word: string, position: Position): CompletionList {
  const lower = word.toLowerCase();
  const range = { start: { line: position.line, character: position.character - word.length }, end: position };
  const items: CompletionItem[] = [];
  for (const f of catalog.allFrameworks()) {
    const versioned = f.versions.some((v) => v.key === f.current && v.written?.length);
    const label = formatFrameworkId({ framework: f.key, label: f.id ?? f.name, ...(f.versionPrefix ? { versionPrefix: f.versionPrefix } : {}), ...(versioned ? { version: f.current } : {}) });
    if (!label.toLowerCase().startsWith(lower) && !f.fullName.toLowerCase().startsWith(lower)) continue;
    items.push({
      label,
      labelDetails: { description: f.fullName },
      kind: CompletionItemKind.Module,
      detail: `${f.fullName} · ${f.publisher}`,
      documentation: { kind: MarkupKind.Markdown, value: f.summary },
      filterText: `${label} ${f.fullName}`,
      textEdit: { range, newText: label },
    });
  }
  return { isIncomplete: true, items };
}

export function resolveCompletion(item: CompletionItem, catalog: Catalog, settings: LinkSettings): CompletionItem {
  const data = item.data as CompletionData | undefined;
  const d = data?.isoId !== undefined ? catalog.byIsoId(data.isoId) : undefined;
  if (!d) return item;
  return { ...item, documentation: { kind: MarkupKind.Markdown, value: deliverableCard(d, catalog, settings) } };
}


function byNumber(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

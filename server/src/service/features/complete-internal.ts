// Completion of the ids custom data lists (`internal` entries): "POL-" offers POL-AC-01 and the
// others, with their titles; the documentation is the hover's.
import { CompletionItemKind, MarkupKind, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog';
import { resolveInternal } from '../resolve-internal';
import { describeInternal } from './describe-internal';

/** The id being typed: letters and digits first, then the punctuation ids are written with. */
const ID_PREFIX = /(?:^|[^\p{L}\p{N}._/-])([\p{L}\p{N}][\p{L}\p{N}._/-]{0,63})$/u;
const MAX_ITEMS = 100;

export function completeInternal(catalog: Catalog, before: string, position: Position): CompletionList | undefined {
  const schemes = catalog.allInternalSchemes();
  if (!schemes.length) return undefined;
  const typed = ID_PREFIX.exec(before)?.[1];
  if (!typed || typed.length < 2) return undefined;
  const lower = typed.toLowerCase();
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const items = schemes
    .flatMap((scheme) => scheme.entries.filter((e) => e.id.toLowerCase().startsWith(lower)).map((entry) => ({ scheme, entry })))
    .slice(0, MAX_ITEMS)
    .map(({ scheme, entry }) => ({
      label: entry.id,
      labelDetails: { description: entry.title },
      kind: CompletionItemKind.Reference,
      detail: `${entry.title} · ${scheme.name}`,
      documentation: { kind: MarkupKind.Markdown, value: describeInternal(resolveInternal({ kind: 'internal', start: 0, end: 0, text: entry.id, id: { scheme: scheme.name, id: entry.id } }, catalog)) },
      filterText: entry.id,
      textEdit: { range, newText: entry.id },
    }));
  return items.length ? { isIncomplete: false, items } : undefined;
}


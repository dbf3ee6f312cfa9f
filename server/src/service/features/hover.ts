// Hover: what the reference under the cursor is, its status and edition, what replaced it.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog';
import type { Analysis } from '../analysis';
import { describe } from './describe';
import type { LinkSettings } from './link-target';

export function hover(analysis: Analysis, position: Position, catalog: Catalog, settings: LinkSettings): Hover | null {
  const resolution = analysis.at(analysis.offsetAt(position));
  if (!resolution) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: describe(resolution, catalog, settings) },
    range: analysis.rangeOf(resolution.reference),
  };
}

// Resolves an id of the user's own schemes (custom data `internal`) to its scheme and, when the
// data lists it, its entry; the link is the entry's, else the scheme's with the id filled in.
import type { Catalog } from './catalog';
import type { InternalEntry, InternalScheme } from './custom/data';
import type { InternalReference } from './scan/reference';

export interface InternalResolution {
  kind: 'internal';
  reference: InternalReference;
  id: string;
  scheme?: InternalScheme;
  entry?: InternalEntry;
  url?: string;
}

export function resolveInternal(reference: InternalReference, catalog: Catalog): InternalResolution {
  const id = reference.id.id;
  const scheme = catalog.internalScheme(reference.id.scheme);
  const entry = catalog.internalEntry(id);
  const url = entry?.url ?? scheme?.url?.replace(/\{id\}/g, encodeURIComponent(id));
  return { kind: 'internal', reference, id, ...(scheme ? { scheme } : {}), ...(entry ? { entry } : {}), ...(url ? { url } : {}) };
}

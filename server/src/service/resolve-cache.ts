// Resolutions of standard and framework identifiers, worked out once per catalog and process: a
// policy cites the same few standards again and again, and so do the other files of a workspace
// and every version of a document being edited. A resolution of an identifier depends on the
// identifier alone (its canonical form says all of it) and on the catalog, which never changes.
import type { Catalog } from './catalog';
import { resolve, type FrameworkResolution, type StandardResolution } from './resolve';
import { formatFrameworkId, formatStandardId } from './scan/format';
import type { FrameworkReference, StandardReference } from './scan/reference';

/**
 * Distinct identifiers kept per catalog. A workspace cites a few hundred; hostile input may hold
 * millions, so a full cache starts again rather than grow.
 */
const MAX_IDENTIFIERS = 20_000;

/** Kept without the reference they were first resolved for: it would hold on to its document's text. */
type Known = (Omit<StandardResolution, 'reference'> | Omit<FrameworkResolution, 'reference'>) & { reference: undefined };

interface Cache {
  byKey: Map<string, Known>;
  byId: WeakMap<object, Known>;
}

const caches = new WeakMap<Catalog, Cache>();

/** The resolution of a standard or framework reference: the identifier's, with the reference of this occurrence. */
export function resolveIdentifier(r: StandardReference | FrameworkReference, catalog: Catalog): StandardResolution | FrameworkResolution {
  let cache = caches.get(catalog);
  if (!cache) caches.set(catalog, (cache = { byKey: new Map(), byId: new WeakMap() }));
  // The scan of an edited document hands the same identifier objects on from text to text: those
  // are found without spelling the identifier out.
  let known = cache.byId.get(r.id);
  if (!known) {
    const key = r.kind === 'standard' ? `s ${formatStandardId(r.id)}` : `f ${r.id.framework} ${formatFrameworkId(r.id)}`;
    known = cache.byKey.get(key);
    if (!known) {
      known = { ...(resolve(r, catalog) as StandardResolution | FrameworkResolution), reference: undefined };
      if (cache.byKey.size >= MAX_IDENTIFIERS) cache.byKey.clear();
      cache.byKey.set(key, known);
    }
    cache.byId.set(r.id, known);
  }
  return occurrence(known, r);
}

/** Every field of a type, the optional ones too (as undefined where absent): a field added to the type must be copied below. */
type AllFields<T> = Record<keyof T, unknown>;

/**
 * The identifier's resolution for one citation of it. Field by field, not by a spread: the kept
 * resolutions have as many shapes as combinations of their optional fields, and a spread of
 * objects of many shapes at one place is V8's slow path (half a microsecond, at every citation
 * after the edit of every keystroke).
 */
function occurrence(known: Known, reference: StandardReference | FrameworkReference): StandardResolution | FrameworkResolution {
  if (known.kind === 'standard') {
    const k = known as Omit<StandardResolution, 'reference'>;
    const standard = {
      kind: 'standard',
      reference: reference as StandardReference,
      id: k.id,
      designation: k.designation,
      match: k.match,
      deliverable: k.deliverable,
      editions: k.editions,
      current: k.current,
      formerName: k.formerName,
      parts: k.parts,
      family: k.family,
      seriesTitle: k.seriesTitle,
      otherPublisher: k.otherPublisher,
    } satisfies AllFields<StandardResolution>;
    return standard as StandardResolution;
  }
  const k = known as Omit<FrameworkResolution, 'reference'>;
  const framework = { kind: 'framework', reference: reference as FrameworkReference, id: k.id, framework: k.framework, version: k.version, unknownVersion: k.unknownVersion } satisfies AllFields<FrameworkResolution>;
  return framework as FrameworkResolution;
}

// What a rule says of a cited identifier (its message, the title and text of its fix) is the same
// at every citation of it: worked out once per catalog, display language and identifier, not at
// each citation after each keystroke. A policy cites the same few standards again and again, and
// the scan hands the same identifier object to every citation spelt alike.
import type { Catalog } from '../catalog';
import { displayLanguage } from '../locale';

const memo = new WeakMap<Catalog, Map<string, WeakMap<object, unknown>>>();

export function said<T>(rule: string, catalog: Catalog, identifier: object, make: () => T): T {
  let rules = memo.get(catalog);
  if (!rules) memo.set(catalog, (rules = new Map()));
  const key = `${rule} ${displayLanguage()}`;
  let byIdentifier = rules.get(key);
  if (!byIdentifier) rules.set(key, (byIdentifier = new WeakMap()));
  let value = byIdentifier.get(identifier) as T | undefined;
  if (value === undefined) byIdentifier.set(identifier, (value = make()));
  return value;
}

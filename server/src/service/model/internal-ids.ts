// A document's own ids that look like standards: the steps of an audit checklist numbered ISO-401,
// ISO-402, ISO-403 …, ISO-500, ISO-1000. One such id alone may be a standard written with a hyphen
// (ISO-27001 is common); a run of them, several consecutive, is a numbering of the document's own.
import type { Reference, StandardReference } from '../scan/reference';

/** A hyphenated "ISO-401" with nothing else: no co-publisher, type, part, year or supplement. */
const HYPHENATED = /^(?:ISO|IEC)-\d+$/;
const HYPHEN = 45;
/** This many ids of the run, with at least this many consecutive pairs, make it a run. */
const RUN = 3;
const CONSECUTIVE = 2;

export function internalIds(references: readonly Reference[]): ReadonlySet<Reference> {
  // The hyphen after ISO or IEC first: run after every keystroke over every reference, and most have none.
  const candidates = references.filter((r): r is StandardReference => r.kind === 'standard' && r.text.charCodeAt(3) === HYPHEN && !r.continuation && HYPHENATED.test(r.text));
  if (candidates.length < RUN) return new Set();
  const numbers = [...new Set(candidates.map((r) => Number(r.id.number)))].sort((a, b) => a - b);
  let consecutive = 0;
  for (let i = 1; i < numbers.length; i++) if (numbers[i] === numbers[i - 1] + 1) consecutive++;
  return consecutive >= CONSECUTIVE ? new Set(candidates) : new Set();
}

// unknown-control: a control or clause number in no edition normref has, where the text makes
// sure it is meant as one.
import * as l10n from '@vscode/l10n';
import { lookUp, type Numbering } from '../catalog/numberings';
import type { ControlResolution } from '../resolve-control';
import type { ControlReference } from '../scan/reference';
import type { CheckContext, Found } from './context';
import { listed } from './standards';
import { written } from './control-words';

export function unknownControl(r: ControlResolution, context: CheckContext): Found | undefined {
  const ref = r.reference as ControlReference;
  if (r.item || r.group || r.chosenEdition || !r.set || !certain(r, context)) return undefined;
  const number = ref.id.number;
  const prefix = written(r);
  const nearby = nearbyNumbers(r.numbering, number);
  if (!nearby && r.set.set.kind === 'clause' && belowKnownClause(r.numbering, number)) return undefined;
  const label = r.numbering.standardKey ? (r.numbering.annexA ? `${r.numbering.document} Annex A` : r.numbering.document) : r.id.slice(0, r.id.length - number.length).trim();
  const ids = nearby ? nearby.ids.map((id) => prefix + id) : [];
  const shown = ids.length > 6 ? l10n.t('{0} to {1}', ids[0], ids[ids.length - 1]) : listed(ids);
  const message = nearby
    ? l10n.t("{0} is in no edition of {1} normref has; {2}'s {3} has {4}.", `${prefix}${number}`, label, nearby.edition, `${prefix}${nearby.parent}`, shown)
    : l10n.t('{0} is in no edition of {1} normref has.', `${prefix}${number}`, label);
  return { code: 'unknown-control', start: ref.start, end: ref.end, message, subject: r.id };
}

/** Whether a number that exists nowhere is meant as a control, not some other number that looks like one. */
function certain(r: ControlResolution, context: CheckContext): boolean {
  const ref = r.reference as ControlReference;
  switch (ref.id.form) {
    case 'annex-a':
    case 'control':
      return !!ref.id.withStandard || context.analysis.citesIsms();
    case 'after-standard':
    case 'cobit':
      return true;
    case 'clause':
      // Written with its standard, or in a column its header dates ("ISO/IEC 20000-1:2018 clause").
      return !!ref.id.withStandard || r.rule === 'column';
    default:
      return false;
  }
}

/**
 * Whether a clause number lies under a clause normref has none of the subclauses of ("8.5.3" of
 * ISO 9001, whose list stops at 8.5): its lists of some standards' clauses stop at a level, and
 * below that it cannot tell a clause that exists from one that does not.
 */
function belowKnownClause(numbering: Numbering, number: string): boolean {
  const parent = number.split('.').slice(0, -1).join('.');
  return !!parent && numbering.editions.some(({ set }) => !!lookUp(set, parent));
}

/** The numbers beside a missing one in the newest edition that has them: "8.3" has 8.3.1–8.3.3. */
function nearbyNumbers(numbering: Numbering, number: string): { edition: string; parent: string; ids: string[] } | undefined {
  const parent = number.split('.').slice(0, -1).join('.');
  if (!parent) return undefined;
  for (const { edition, set } of numbering.editions) {
    const ids = set.allItems().filter((i) => i.id.startsWith(`${parent}.`) && i.id.split('.').length === number.split('.').length).map((i) => i.id);
    if (ids.length) return { edition, parent, ids };
  }
  return undefined;
}

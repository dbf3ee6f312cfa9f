// A deliverable of ISO's catalog (a standard, TS, TR, PAS, Guide or IWA, or a supplement to one),
// and the facts derived from it: its status and its page on iso.org.
import * as l10n from '@vscode/l10n';
import { displayLanguage } from '../locale';

export type Status = 'published' | 'withdrawn' | 'under-development' | 'cancelled';

export interface Deliverable {
  /** The number in https://www.iso.org/standard/<isoId>.html. */
  isoId: number;
  /** ISO's reference, e.g. "ISO/IEC 27001:2022" or "ISO/IEC 27002:2013/Cor 1:2014". */
  reference: string;
  /** IS, TS, TR, PAS, Guide, IWA, R. */
  type: string;
  supplement?: { type: string; number: string; year?: number };
  publishers: string[];
  number: string;
  parts: string[];
  /** Year of the base edition, when the reference carries one. */
  year?: number;
  title: string;
  /** ISO's French title, where it differs from the English one. */
  titleFr?: string;
  /** Publication date as ISO gives it: "2022-10" or "2022". */
  published?: string;
  edition?: number;
  /** ISO harmonized stage code, e.g. 6060 published, 9093 confirmed, 9599 withdrawn. */
  stage: number;
  status: Status;
  committee?: string;
  replaces: number[];
  replacedBy: number[];
}

/**
 * The status a user cares about, from ISO's harmonized stage code (data/README.md states the rule):
 * 60.60 to 95.60 are published (reviews and a withdrawal ballot do not take a standard off the
 * shelf); 95.99 is withdrawn; a project stopped before publication (a stage ending in 98, or in 99
 * below stage 10.99, or 00.98) is cancelled; everything else, 10.99 "new project approved" among
 * it, is under development.
 */
export function statusOfStage(stage: number): Status {
  if (stage >= 9599) return 'withdrawn';
  if (stage >= 6060) return 'published';
  const substage = stage % 100;
  if (substage === 98 || (substage === 99 && stage < 1099)) return 'cancelled';
  return 'under-development';
}

/** The status as a hover shows it, in the display language. */
export function statusLabel(status: Status): string {
  switch (status) {
    case 'published':
      return l10n.t('Published');
    case 'withdrawn':
      return l10n.t('Withdrawn');
    case 'under-development':
      return l10n.t('Under development');
    default:
      return l10n.t('Cancelled before publication');
  }
}

/** The title in the display language where ISO gives one in it (French), else ISO's English title. */
export function displayTitle(d: Deliverable): string {
  return displayLanguage() === 'fr' && d.titleFr ? d.titleFr : d.title;
}

export function isoUrl(isoId: number): string {
  return `https://www.iso.org/standard/${isoId}.html`;
}

export { documentKey } from '../scan/format';



/**
 * Of a document's editions (oldest first), the one a reader wants without a year: the latest
 * published, else the latest withdrawn, else the latest draft.
 */
export function preferredEdition(editions: readonly Deliverable[]): Deliverable | undefined {
  const last = (status: Status) => editions.filter((d) => d.status === status).at(-1);
  return last('published') ?? last('withdrawn') ?? last('under-development') ?? editions.at(-1);
}

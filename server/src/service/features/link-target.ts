// Where a link to a deliverable points: its iso.org page, or the page the user's organisation
// uses (setting normref.links.template), filled from the deliverable's facts. Links open in a
// browser only: a template that could make any other kind of link (command:, file:, vscode:)
// is not used.
import * as l10n from '@vscode/l10n';
import { isoUrl, type Catalog, type Deliverable } from '../catalog';

export interface LinkSettings {
  /** URL template with {reference}, {isoId}, {number}, {part}, {year}; empty for iso.org. */
  template: string;
  /** Whether references get document links (underlines); hovers link to the page either way. */
  enabled: boolean;
}

const PLACEHOLDER = /\{(reference|isoId|number|part|year)\}/g;
/** The scheme and the start of the host are written in the template, not filled in. */
const WEB_ADDRESS = /^https?:\/\/[^\s{}/?#]/i;

/** Why a link template cannot be used, or undefined when it can. */
export function linkTemplateProblem(template: string): string | undefined {
  if (!template) return undefined;
  if (!WEB_ADDRESS.test(template)) return l10n.t('it must start with https:// or http:// and a host name');
  try {
    new URL(template.replace(PLACEHOLDER, '0'));
  } catch {
    return l10n.t('it is not a valid URL');
  }
  return undefined;
}

/** Whether links go through the user's template (set, and usable) rather than to iso.org. */
export function usesTemplate(settings: LinkSettings): boolean {
  if (!settings.template) return false;
  // Checked once per template, not once per link.
  if (checked?.template !== settings.template) checked = { template: settings.template, usable: !linkTemplateProblem(settings.template) };
  return checked.usable;
}
let checked: { template: string; usable: boolean } | undefined;

/** A standard's link: the one custom data gives it, else the user's template filled in, else its iso.org page. */
export function linkFor(d: Deliverable, settings: LinkSettings, catalog?: Catalog): string {
  const custom = catalog?.customLink(d);
  if (custom) return custom;
  if (!usesTemplate(settings)) return isoUrl(d.isoId);
  const values: Record<string, string> = {
    reference: d.reference,
    isoId: String(d.isoId),
    number: d.number,
    part: d.parts.join('-'),
    year: d.year ? String(d.year) : '',
  };
  return settings.template.replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(values[name]));
}

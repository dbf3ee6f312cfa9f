// Where a link to a deliverable points: its iso.org page, or the page the user's organisation
// uses (setting normref.links.template), filled from the deliverable's facts.
import { isoUrl, type Deliverable } from '../catalog';

export interface LinkSettings {
  /** URL template with {reference}, {isoId}, {number}, {part}, {year}; empty for iso.org. */
  template: string;
}

export function linkFor(d: Deliverable, settings: LinkSettings): string {
  if (!settings.template) return isoUrl(d.isoId);
  const values: Record<string, string> = {
    reference: d.reference,
    isoId: String(d.isoId),
    number: d.number,
    part: d.parts.join('-'),
    year: d.year ? String(d.year) : '',
  };
  return settings.template.replace(/\{(reference|isoId|number|part|year)\}/g, (_, name: string) => encodeURIComponent(values[name]));
}

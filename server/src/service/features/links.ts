// Document links: every reference that resolved to a deliverable links to its page, a control or
// clause to its standard's; a framework links to its publisher's page; an id of custom data to the
// page its data gives. A COBIT objective, an ITIL practice or a CMMI process area gets none: no
// publisher has a public page for each (ISACA's and PeopleCert's texts are for members and
// buyers), and an underline that opens the framework's home page instead would promise more than
// it gives. Its hover still links to the framework. None at all with normref.links.enabled off,
// for people who want hovers only.
import type { DocumentLink } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import { linkFor, type LinkSettings } from './link-target';

export function documentLinks(analysis: Analysis, settings: LinkSettings): DocumentLink[] {
  if (!settings.enabled) return [];
  const links: DocumentLink[] = [];
  for (const r of analysis.resolutions) {
    const range = analysis.rangeOf(r.reference);
    if (r.kind === 'standard') {
      if (r.deliverable) links.push({ range, target: linkFor(r.deliverable, settings, analysis.catalog), tooltip: `${r.deliverable.reference} — ${r.deliverable.title}` });
    } else if (r.kind === 'framework') {
      const url = r.version?.url ?? r.framework?.url;
      if (url) links.push({ range, target: url, tooltip: r.framework!.fullName });
    } else if (r.kind === 'internal') {
      if (r.url) links.push({ range, target: r.url, tooltip: r.entry ? `${r.id} ${r.entry.title}` : (r.scheme?.name ?? r.id) });
    } else if (r.standard) {
      const title = (r.item ?? r.group)?.title;
      links.push({ range, target: linkFor(r.standard, settings, analysis.catalog), tooltip: title ? `${r.id} ${title}` : r.id });
    }
  }
  return links;
}

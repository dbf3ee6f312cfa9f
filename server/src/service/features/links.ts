// Document links: every reference that resolved to a deliverable links to its page; a framework
// links to its publisher's page, an id of custom data to the page its data gives.
import type { DocumentLink } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import { linkFor, type LinkSettings } from './link-target';

export function documentLinks(analysis: Analysis, settings: LinkSettings): DocumentLink[] {
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
    } else {
      const title = (r.item ?? r.group)?.title;
      const target = r.standard ? linkFor(r.standard, settings, analysis.catalog) : r.frameworkUrl;
      if (target) links.push({ range, target, tooltip: title ? `${r.id} ${title}` : r.id });
    }
  }
  return links;
}

// What the hover says about an id of the user's own schemes (custom data `internal`): the entry's
// title and summary when the data lists the id, what the scheme is, where it comes from, its link.
import * as l10n from '@vscode/l10n';
import type { InternalResolution } from '../resolve';

export function describeInternal(r: InternalResolution): string {
  const { entry, scheme } = r;
  const lines = [entry ? `**${r.id}** · ${entry.title}` : `**${r.id}**`];
  if (entry?.summary) lines.push('', entry.summary);
  if (scheme) {
    lines.push('', `*${scheme.name}* · ${l10n.t('custom data in {0}', scheme.source)}`);
    if (!entry && scheme.entries.length) lines.push('', `*${l10n.t('{0} is not among the {1} ids listed there.', r.id, scheme.entries.length)}*`);
    if (scheme.summary) lines.push('', scheme.summary);
  }
  if (r.url) lines.push('', `[${r.id}](${r.url})`);
  return lines.join('\n');
}

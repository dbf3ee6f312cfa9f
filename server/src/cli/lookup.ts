// `normref lookup <reference>`: what a hover on the reference shows, as terminal text.
import { CliError } from './cli-error';
import { EXIT, type Output } from './output';
import { isKnown, lookupIgnoringCase, suggest } from './suggest';
import type { NormrefService, Settings } from '../service';

export function lookup(reference: string, settings: Settings, service: NormrefService, output: Output): number {
  if (!reference.trim()) throw new CliError('normref lookup: give a reference, e.g. normref lookup "ISO/IEC 27001:2022"', EXIT.usage);
  const found = lookupIgnoringCase(service, reference, settings);
  if (found && isKnown(found)) {
    output.write(`${toPlainText(found.markdown)}\n`);
    return EXIT.ok;
  }
  const suggestion = suggest(service, reference, settings);
  const hint = suggestion ? `; did you mean ${suggestion}?` : '';
  // A number the catalog does not have is still a reference: its description says what is known.
  if (found) {
    output.write(`${toPlainText(found.markdown)}\n`);
    if (hint) process.stderr.write(`normref lookup: "${shorten(reference)}" is in no edition of the catalog${hint}\n`);
    return EXIT.findings;
  }
  throw new CliError(`normref lookup: "${shorten(reference)}" is not a reference normref recognises${hint}`, EXIT.findings);
}

/** Hover Markdown as terminal text: links become "text <url>", emphasis marks go. */
function toPlainText(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/(^|\s)\*([^*]+)\*/g, '$1$2');
}

/** A user's input, quoted in a message: at most one line's worth. */
function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

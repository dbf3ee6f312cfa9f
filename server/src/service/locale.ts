// The display language of what the service says (hovers, diagnostics, setting warnings) and of the
// catalog titles it shows. @vscode/l10n holds its bundle for the whole process; the language is kept
// beside it. The adapters load the bundle (from disk in Node, from the extension's files on the web)
// and hand it in: nothing here reads a file. Without a bundle every message is the English source.
import * as l10n from '@vscode/l10n';

export type MessageBundle = Record<string, string>;

/** The primary subtag of the language in use, asked for at every message kept per language. */
let primary = 'en';

export function useLanguage(language: string, bundle: MessageBundle | undefined): void {
  primary = language.toLowerCase().split('-')[0];
  l10n.config({ contents: bundle ?? {} });
}

/** The primary language subtag: "fr" for "fr-CA". */
export function displayLanguage(): string {
  return primary;
}

// What normref will not read, or reads only in part: binary content, documents too large to be
// prose, and large documents, of which requests read the text around the cursor.
import * as l10n from '@vscode/l10n';

/** Above this many UTF-16 code units a document is not scanned at all. */
export const MAX_DOCUMENT_LENGTH = 32 * 1024 * 1024;

/**
 * Above this many UTF-16 code units, hover and completion read a window around the cursor, and
 * document links are not computed. A long policy is 100-300 KB of Markdown, a 20,000-line
 * handbook 1.4 MB; a whole analysis of 2 MB of prose takes about 50 ms, which an editor can pay
 * after an edit, and not much more.
 */
export const LARGE_DOCUMENT_LENGTH = 2 * 1024 * 1024;

/** Why a text is not scanned, or undefined when it is fine. */
export function unreadable(text: string): string | undefined {
  if (text.length > MAX_DOCUMENT_LENGTH) return l10n.t('larger than {0} MB', MAX_DOCUMENT_LENGTH / 1024 / 1024);
  // A NUL character never occurs in a text document; its presence means binary content.
  if (text.indexOf('\u0000') >= 0) return l10n.t('binary content');
  return undefined;
}

export function isLarge(text: string): boolean {
  return text.length > LARGE_DOCUMENT_LENGTH;
}

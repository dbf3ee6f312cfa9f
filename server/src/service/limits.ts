// What normref will not read: documents too large to be prose, and binary content. Checked by the
// adapters before a document reaches the service, so a bad file costs nothing and breaks nothing.

/** Above this many UTF-16 code units a document is not scanned (a policy is a few hundred KB at most). */
export const MAX_DOCUMENT_LENGTH = 32 * 1024 * 1024;

/** Why a text is not scanned, or undefined when it is fine. */
export function unreadable(text: string): string | undefined {
  if (text.length > MAX_DOCUMENT_LENGTH) return `larger than ${MAX_DOCUMENT_LENGTH / 1024 / 1024} MB`;
  // A NUL character never occurs in a text document; its presence means binary content.
  if (text.indexOf('\u0000') >= 0) return 'binary content';
  return undefined;
}

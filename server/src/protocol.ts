// normref's own LSP requests, beyond the protocol: what the VS Code client's status bar and
// coverage report ask the server, and what the server asks a client that lists and reads its
// workspace for it. Method names and shapes are written here once, for the server and the client.
import type { Position, TextDocumentIdentifier, TextEdit } from 'vscode-languageserver-types';
import type { DocumentStatus } from './service/features/document-status';

export type { DocumentStatus } from './service/features/document-status';
export { EDITIONS } from './service/model/editions';

/** `{ textDocument, position }` → DocumentStatus, or null for a document the server does not have. */
export const DOCUMENT_STATUS = 'normref/documentStatus';
export interface DocumentStatusParams {
  textDocument: TextDocumentIdentifier;
  position: Position;
}
export type DocumentStatusResult = DocumentStatus | null;

/** `{ textDocument, edition }` → the edits that make the document declare the edition (null: none). */
export const DECLARE_EDITION = 'normref/declareEdition';
export interface DeclareEditionParams {
  textDocument: TextDocumentIdentifier;
  edition: string | null;
}
export type DeclareEditionResult = TextEdit[] | null;

/** `{ edition: '2022' | '2013' | 'auto' }` → the Annex A coverage report of the indexed workspace (null if it cannot be made). */
export const COVERAGE = 'normref/coverage';

/** Server → client, when initializationOptions.workspaceFiles: the URIs of the policy files of the workspace. */
export const LIST_FILES = 'normref/listFiles';
/** Server → client: `{ uri }` → the file's text, or null if it cannot be read. */
export const READ_FILE = 'normref/readFile';

// normref's own LSP requests, beyond the protocol: what the VS Code client's status bar asks the
// server. Method names and shapes are written here once, for the server and the client.
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

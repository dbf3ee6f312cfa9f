// The documents of a workspace, as the service sees them: listed and read by an adapter (the CLI
// from the file system, the server from its client or the file system, a test from memory).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyDocument } from '../analysis';

export interface Workspace {
  /** The URIs of the policy documents, in no particular order. */
  list(): Promise<string[]>;
  /** A document's text; undefined if it cannot be read (gone, not text, too large). */
  read(uri: string): Promise<PolicyDocument | undefined>;
}

/** LSP's cancellation token, as far as the service needs it. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: Cancellation = { isCancellationRequested: false };

/** The extensions of policy documents: the CLI's folder walk and the server's index read these. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd'];
export const TEXT_EXTENSIONS = ['.txt', '.text'];

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) ? path.slice(dot).toLowerCase() : '';
}

export function languageOfPath(path: string): 'markdown' | 'plaintext' {
  return MARKDOWN_EXTENSIONS.includes(extensionOf(path)) ? 'markdown' : 'plaintext';
}

export function isPolicyPath(path: string): boolean {
  const ext = extensionOf(path);
  return MARKDOWN_EXTENSIONS.includes(ext) || TEXT_EXTENSIONS.includes(ext);
}

/** A workspace held in memory: for tests, and for texts an adapter already has. */
export class MemoryWorkspace implements Workspace {
  private readonly texts = new Map<string, { text: string; languageId: string; version: number }>();

  set(uri: string, text: string, languageId = languageOfPath(uri)): void {
    this.texts.set(uri, { text, languageId, version: (this.texts.get(uri)?.version ?? 0) + 1 });
  }

  delete(uri: string): void {
    this.texts.delete(uri);
  }

  async list(): Promise<string[]> {
    return [...this.texts.keys()];
  }

  async read(uri: string): Promise<PolicyDocument | undefined> {
    const entry = this.texts.get(uri);
    return entry && TextDocument.create(uri, entry.languageId, entry.version, entry.text);
  }
}

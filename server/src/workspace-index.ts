// The server's side of the workspace index: which workspace it reads (the client's, through two
// requests, when the client offers them, as VS Code's Markdown server does; else the folders on
// disk, for Neovim or Emacs), reading it in the background with work-done progress, and keeping
// it current from file events and from the documents open in the editor.
import { FileChangeType, type Connection, type DidChangeWatchedFilesParams, type TextDocuments, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { TextDocument as Documents } from 'vscode-languageserver-textdocument';
import { LIST_FILES, READ_FILE } from './protocol';
import { isLarge, isPolicyPath, languageOfPath, type NormrefService, type PolicyDocument, type Settings, type Workspace } from './service';


/** The workspace the client lists and reads: it knows files.exclude, remote and virtual file systems. */
export class ClientWorkspace implements Workspace {
  constructor(private readonly connection: Connection) {}

  list(): Promise<string[]> {
    return this.connection.sendRequest<string[]>(LIST_FILES, {});
  }

  async read(uri: string): Promise<PolicyDocument | undefined> {
    const text = await this.connection.sendRequest<string | null>(READ_FILE, { uri });
    return text === null ? undefined : Documents.create(uri, languageOfPath(uri), 1, text);
  }
}

export class WorkspaceIndexer {
  /** Open documents changed since they were last indexed. */
  private readonly stale = new Set<string>();
  private indexing?: Promise<void>;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<PolicyDocument>,
    private readonly service: () => NormrefService | undefined,
    /** The settings for a document, or (no URI) the editor's, for the workspace read whole. */
    private readonly settings: (uri?: string) => Settings,
    private readonly workspace: Workspace | undefined,
  ) {}

  /** Reads the whole workspace, once, in the background; requests are answered meanwhile. */
  start(progress: boolean): void {
    const service = this.service();
    if (!service || !this.workspace || this.indexing) return;
    const workspace = this.workspace;
    this.indexing = (async () => {
      const reporter: WorkDoneProgressServerReporter | undefined = progress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
      reporter?.begin('Indexing policies', 0, undefined, false);
      const started = Date.now();
      try {
        const count = await service.indexWorkspace(
          workspace,
          {
            skip: (uri) => this.documents.get(uri) !== undefined,
            onSkipped: (uri, why) => this.connection.console.info(`normref: ${uri} not indexed: ${why} (normref coverage reads it)`),
            onProgress: ({ done, total }) => reporter?.report(total ? Math.round((done / total) * 100) : 100, `${done.toLocaleString('en')}/${total.toLocaleString('en')}`),
          },
          this.settings(),
        );
        this.connection.console.info(`normref: indexed ${count} policy documents in ${Date.now() - started} ms`);
      } catch (error) {
        this.connection.console.warn(`normref: the workspace could not be indexed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        reporter?.done();
      }
    })();
  }

  /** Reads the whole workspace again: the service's index was emptied (new custom data). */
  restart(progress: boolean): void {
    const running = this.indexing;
    this.indexing = undefined;
    // One reading at a time: the new one starts when the one under way has ended.
    void (running ?? Promise.resolve()).then(() => this.start(progress));
  }

  /** An open document's text changed: it is indexed again before the next workspace query. */
  changed(uri: string): void {
    this.stale.add(uri);
  }

  /** Files created, changed or deleted on disk; open documents follow the editor instead. */
  async filesChanged(params: DidChangeWatchedFilesParams): Promise<void> {
    const service = this.service();
    if (!service || !this.workspace) return;
    for (const change of params.changes) {
      if (this.documents.get(change.uri)) continue;
      const document = change.type === FileChangeType.Deleted || !isPolicyPath(change.uri) ? undefined : await this.workspace.read(change.uri).catch(() => undefined);
      // Opened while it was read: the editor's text is what is indexed.
      if (this.documents.get(change.uri)) continue;
      this.index(service, change.uri, document);
    }
  }

  /** An open document was closed: the file on disk (or nothing) takes over from the editor's text. */
  closed(uri: string): Promise<void> {
    // Left stale, the next query would index it as an open document that is not there: as none.
    this.stale.delete(uri);
    return this.filesChanged({ changes: [{ uri, type: FileChangeType.Changed }] });
  }

  /** Brings the open documents' entries up to date; called before each workspace query. */
  refresh(service: NormrefService): void {
    for (const uri of this.stale) {
      const document = this.documents.get(uri);
      if (document) this.index(service, uri, document);
    }
    this.stale.clear();
  }

  /** A large document is left out, as its diagnostics are: analysing it whole would hold the server for seconds. */
  private index(service: NormrefService, uri: string, document: PolicyDocument | undefined): void {
    if (document && !isLarge(document.getText())) service.indexDocument(document, this.settings(uri));
    else service.unindex(uri);
  }

  /** Waits for the first reading of the workspace (the coverage report wants all of it). */
  async ready(): Promise<void> {
    await this.indexing;
  }
}

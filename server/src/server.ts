// The LSP adapter: maps requests to the normref service, owns document sync and settings. Every
// handler is guarded so that one bad document or request never stops the server.
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  DocumentLinkRequest,
  ErrorCodes,
  RAL,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type TextDocumentsConfiguration,
  type Disposable,
  type InitializeResult,
} from 'vscode-languageserver';
import * as l10n from '@vscode/l10n';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COVERAGE, DECLARE_EDITION, DOCUMENT_STATUS, type DeclareEditionParams, type DeclareEditionResult, type DocumentStatusParams, type DocumentStatusResult } from './protocol';
import { CONFIG_NAMES, createService, DEFAULT_SETTINGS, isConfigFile, EDITIONS, FIX_ALL_KIND, layered, linkTemplateProblem, settingsFrom, useLanguage, type CatalogSources, type ClientSettings, type MessageBundle, type NormrefService, type PolicyDocument, type Settings, type Workspace } from './service';
import { CustomDataFiles } from './custom-data-files';
import { ClientWorkspace, WorkspaceIndexer } from './workspace-index';

/** The least time between two checks of one document. */
const PUBLISH_INTERVAL_MS = 10;

export interface RunningServer {
  /** Whether the client asked the server to shut down (the exit code then is 0). */
  shutdownReceived(): boolean;
}

/**
 * Where the catalog comes from: at once, from files on disk (Node), or later, from the client (a web
 * worker has no disk). Requests that arrive before a later catalog wait for it.
 */
export type CatalogLoader = () => CatalogSources | Promise<CatalogSources>;

/** What the server needs from its host: the catalog, and the messages in the client's display language. */
export interface ServerFiles {
  loadCatalog: CatalogLoader;
  /**
   * The translated messages for a locale ("de", "fr-CA"), or undefined for English or a language
   * normref lacks; later, like the catalog, in a web worker.
   */
  loadMessages(locale: string): MessageBundle | undefined | Promise<MessageBundle | undefined>;
}

export interface ServerOptions {
  /** The workspace of folders on disk, for clients that do not list theirs (Node only). */
  folderWorkspace?: (folders: string[]) => Workspace;
  /** How open documents are kept and edited: the library's TextDocument unless given (Node gives flat-text-document.ts's). */
  documents?: TextDocumentsConfiguration<PolicyDocument>;
  /** Told when the server has no check left to do: Node collects garbage then, unless a message comes first (idle-collection.ts). */
  idleWork?: { idle(): void };
  /**
   * The configuration files on disk (Node: the nearest .normrefrc.json or normref.config.json, as
   * the CLI finds it), whose settings hold over the editor's for the documents under them.
   */
  configFiles?: ConfigFileLookup;
}

/** The configuration file that holds for a document, if any; `forget` after a file changed. */
export interface ConfigFileLookup {
  forDocument(uri: string): { file: string; client: ClientSettings } | { file: string; problem: string } | undefined;
  forget(): void;
}

/** Their names, watched on the client's disk (config-files.ts reads them). */
const CONFIG_GLOB = `**/{${CONFIG_NAMES.join(',')}}`;

export function startServer(connection: Connection, files: ServerFiles, version: string, options: ServerOptions = {}): RunningServer {
  const documents = new TextDocuments<PolicyDocument>(options.documents ?? TextDocument);
  let service: NormrefService | undefined;
  /**
   * Whether the workspace is trusted (VS Code says so in initializationOptions; other clients do
   * not, and are). In Restricted Mode a repository's configuration file may not choose where links go.
   */
  let trusted = true;
  /** Settles when the catalog has loaded (or failed to); undefined until initialize. */
  let ready: Promise<void> | undefined;
  /** The client said `initialized`: the workspace may be read (once the catalog is there). */
  let initialized = false;
  let settings: Settings = DEFAULT_SETTINGS;
  /** The editor's `normref` section as it came, for the configuration files to be layered over. */
  let editorSection: ClientSettings | null | undefined;
  /** The settings of each configuration file over the editor's, made when first needed. */
  const configured = new Map<string, Settings>();
  let pullsConfiguration = false;
  /**
   * Whether the client registers document links when told to: then links are registered only
   * while normref.links.enabled is on, and turning it off takes the underlines away at once (an
   * editor asks for links again when a provider comes or goes, not when settings change).
   */
  let registersLinks = false;
  /** Whether the client watches files the server names: then it is told to watch the configuration files. */
  let watchesFiles = false;
  let linkRegistration: Promise<Disposable> | undefined;
  let shutDown = false;
  /** Templates and settings already warned about: one warning each, not one per settings change. */
  const badTemplates = new Set<string>();
  const badSettings = new Set<string>();
  /** Configuration files that could not be used, said once each until one changes. */
  const badConfigs = new Set<string>();
  /** Documents whose diagnostics are due, with the way to cancel it; when each one's last check ended and what it cost. */
  const due = new Map<string, () => void>();
  const lastCheck = new Map<string, { ended: number; busy: number }>();
  /** Documents being checked; a change meanwhile schedules the next check when this one ends. */
  const checking = new Map<string, { changed: boolean }>();
  /** Checks begun and not yet done (they pause between slices). */
  let publishing = 0;
  let initializeReceived = false;
  let indexer: WorkspaceIndexer | undefined;
  let customData: CustomDataFiles | undefined;
  /** The last value of normref.customData, read again when a file of it changes. */
  let customDataSetting: unknown;
  let progress = false;

  connection.onShutdown(() => {
    shutDown = true;
  });

  connection.onInitialize((params): InitializeResult => {
    initializeReceived = true;
    const started = Date.now();
    // The client's display language (VS Code sends it as `locale`): set before anything is said.
    const locale = params.locale ?? 'en';
    const loaded = files.loadCatalog();
    const messages = files.loadMessages(locale);
    const use = (sources: CatalogSources, bundle: MessageBundle | undefined) => {
      useLanguage(locale, bundle);
      service = createService(sources, { logger: { warn: (message) => connection.console.warn(message) } });
      connection.console.info(`normref: catalog of ${service.catalog.size} deliverables loaded in ${Date.now() - started} ms`);
    };
    if (loaded instanceof Promise || messages instanceof Promise) {
      ready = Promise.all([loaded, messages]).then(
        ([sources, bundle]) => {
          use(sources, bundle);
          // Documents opened while the catalog was on its way are read now, and the workspace.
          for (const document of documents.all()) prepare(document);
          publishAll();
          if (initialized) indexer?.start(progress);
          void loadCustomData(customDataSetting);
        },
        (error: unknown) => connection.console.error(`normref: the catalog could not be loaded: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      );
    } else {
      use(loaded, messages);
      ready = Promise.resolve();
    }
    pullsConfiguration = !!params.capabilities.workspace?.configuration;
    registersLinks = !!params.capabilities.textDocument?.documentLink?.dynamicRegistration;
    watchesFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const init = params.initializationOptions as { settings?: ClientSettings; workspaceFiles?: boolean; trusted?: boolean } | undefined;
    trusted = init?.trusted !== false;
    settings = fromEditor(init?.settings);
    progress = !!params.capabilities.window?.workDoneProgress;
    const folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => f.uri).filter((uri) => uri.startsWith('file:'));
    const workspace = init?.workspaceFiles ? new ClientWorkspace(connection) : folders.length && options.folderWorkspace ? options.folderWorkspace(folders) : undefined;
    indexer = new WorkspaceIndexer(connection, documents, () => service, (uri) => (uri ? settingsFor(uri) : settings), workspace);
    const firstFolder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    customData = new CustomDataFiles(connection, workspace ?? options.folderWorkspace?.([]), firstFolder, init?.trusted !== false);
    customDataSetting = (init?.settings as { customData?: unknown } | undefined)?.customData;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { resolveProvider: true, triggerCharacters: [' ', '/', '-', '.'] },
        ...(registersLinks ? {} : { documentLinkProvider: { resolveProvider: false } }),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        referencesProvider: true,
        workspaceSymbolProvider: true,
        documentSymbolProvider: { label: 'normref' },
      },
      serverInfo: { name: 'normref', version },
    };
  });

  connection.onInitialized(() => {
    initialized = true;
    if (watchesFiles && options.configFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] })
        .catch((error: unknown) => connection.console.warn(`normref: could not watch the configuration files: ${String(error)}`));
    }
    // The workspace is read after the settings, so that custom data is in before the first reading.
    void (async () => {
      if (pullsConfiguration) await refreshSettings();
      else {
        settingsChanged();
        await loadCustomData(customDataSetting);
      }
      indexer?.start(progress);
    })();
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => customData?.has(c.uri))) void loadCustomData(customDataSetting, true);
    if (params.changes.some((c) => isConfigFile(c.uri))) configFilesChanged();
    void indexer?.filesChanged(params);
  });

  /** Reads normref.customData's files when the setting or a file changed; then the workspace and the open documents again. */
  async function loadCustomData(setting: unknown, force = false): Promise<void> {
    customDataSetting = setting;
    if (!service || !customData) return;
    try {
      if (!(await customData.update(service, setting, force))) return;
      for (const document of documents.all()) indexer?.changed(document.uri);
      indexer?.restart(progress);
      publishAll();
    } catch (error) {
      connection.console.error(`normref: custom data failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  connection.onDidChangeConfiguration((change) => {
    if (pullsConfiguration) void refreshSettings();
    else {
      const section = (change.settings as { normref?: ClientSettings & { customData?: unknown } } | undefined)?.normref;
      settings = fromEditor(section);
      settingsChanged();
      void loadCustomData(section?.customData);
    }
  });

  async function refreshSettings(): Promise<void> {
    if (!pullsConfiguration) return;
    try {
      const section = (await connection.workspace.getConfiguration('normref')) as (ClientSettings & { customData?: unknown }) | null;
      settings = fromEditor(section);
      settingsChanged();
      await loadCustomData(section?.customData);
    } catch (error) {
      connection.console.warn(`normref: could not read settings: ${String(error)}`);
    }
  }

  function fromEditor(section: ClientSettings | null | undefined): Settings {
    editorSection = section;
    configured.clear();
    return checked(section);
  }

  /** The settings for a document: its configuration file's over the editor's (a file that cannot be used is said once, and skipped). */
  function settingsFor(uri: string): Settings {
    const config = options.configFiles?.forDocument(uri);
    if (!config) return settings;
    let found = configured.get(config.file);
    if (!found) {
      if ('problem' in config) {
        if (!badConfigs.has(config.problem)) {
          badConfigs.add(config.problem);
          void connection.window.showWarningMessage(`normref: ${l10n.t('{0}; the editor\'s settings are used', config.problem)}`);
        }
        found = settings;
      } else found = checked(layered(editorSection, trusted ? config.client : withoutTemplate(config.client)));
      configured.set(config.file, found);
    }
    return found;
  }

  function withoutTemplate(client: ClientSettings): ClientSettings {
    if (client.links?.template === undefined) return client;
    const links = { ...client.links };
    delete links.template;
    return { ...client, links };
  }

  /** A configuration file was created, changed or deleted: every document's settings are looked up again. */
  function configFilesChanged(): void {
    options.configFiles?.forget();
    configured.clear();
    badConfigs.clear();
    publishAll();
  }

  function settingsChanged(): void {
    publishAll();
    if (!registersLinks || shutDown) return;
    if (settings.links.enabled && !linkRegistration) {
      // documentSelector null: the client's own selector (normref.languages).
      linkRegistration = connection.client.register(DocumentLinkRequest.type, { documentSelector: null, resolveProvider: false });
      linkRegistration.catch((error: unknown) => connection.console.warn(`normref: could not register document links: ${String(error)}`));
    } else if (!settings.links.enabled && linkRegistration) {
      const registered = linkRegistration;
      linkRegistration = undefined;
      void registered.then((r) => r.dispose(), () => undefined);
    }
  }

  /** The client's settings, with values that cannot be used replaced by defaults (and said so once). */
  function checked(client: ClientSettings | null | undefined): Settings {
    const { settings: result, problems } = settingsFrom(client);
    for (const problem of problems) {
      if (badSettings.has(problem)) continue;
      badSettings.add(problem);
      connection.console.warn(`normref: ${l10n.t('{0}; the default is used', problem)}`);
    }
    const template = result.links.template;
    const problem = linkTemplateProblem(template);
    if (!problem) return result;
    if (!badTemplates.has(template)) {
      badTemplates.add(template);
      connection.console.warn(`normref: ${l10n.t('normref.links.template "{0}" is not used, as {1}; links go to iso.org', template, problem)}`);
    }
    return { ...result, links: { ...result.links, template: '' } };
  }

  /**
   * Runs a handler; on any error logs it and answers `fallback(params)` instead of failing the
   * server. After shutdown a request is an error, as the protocol asks. A request that comes while
   * the catalog is still loading is answered when it has loaded.
   */
  function guarded<P, R>(name: string, fallback: (params: P) => R, handler: (params: P, service: NormrefService) => R): (params: P) => R | Promise<R> {
    const run = (params: P): R => {
      // As LSP says: a request before initialize is refused, not answered from no settings.
      if (!initializeReceived) throw new ResponseError(ErrorCodes.ServerNotInitialized, `normref: ${name} before initialize`);
      if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, `normref: ${name} after shutdown`);
      if (!service) return fallback(params);
      try {
        return handler(params, service);
      } catch (error) {
        connection.console.error(`normref: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback(params);
      }
    };
    return (params: P) => (service || !ready ? run(params) : ready.then(() => run(params)));
  }
  const nothing = () => null;

  connection.onHover(
    guarded('hover', nothing, (params, s) => {
      const document = documents.get(params.textDocument.uri);
      return document ? s.hover(document, params.position, settingsFor(document.uri)) : null;
    }),
  );
  connection.onCompletion(
    guarded('completion', nothing, (params, s) => {
      const document = documents.get(params.textDocument.uri);
      // triggerKind 1: invoked by the user (Ctrl+Space), not by typing.
      return document ? s.complete(document, params.position, settingsFor(document.uri), params.context?.triggerKind === 1) : null;
    }),
  );
  // An item that cannot be resolved is shown as it came.
  connection.onCompletionResolve(guarded('completion resolve', (item) => item, (item, s) => s.resolveCompletion(item, settings)));
  connection.onDocumentLinks(
    guarded('document links', nothing, (params, s) => {
      const document = documents.get(params.textDocument.uri);
      return document ? s.documentLinks(document, settingsFor(document.uri)) : null;
    }),
  );
  connection.onRequest(
    DOCUMENT_STATUS,
    guarded('document status', nothing, (params: DocumentStatusParams, s): DocumentStatusResult => {
      const document = documents.get(params.textDocument.uri);
      return document ? s.documentStatus(document, params.position, settingsFor(document.uri)) : null;
    }),
  );
  connection.onRequest(
    DECLARE_EDITION,
    guarded('declare edition', nothing, (params: DeclareEditionParams, s): DeclareEditionResult => {
      const document = documents.get(params.textDocument.uri);
      if (!document || (params.edition !== null && !(EDITIONS as readonly string[]).includes(params.edition))) return null;
      return s.declareEdition(document, params.edition);
    }),
  );
  connection.onCodeAction(
    guarded('code actions', nothing, (params, s) => {
      const document = documents.get(params.textDocument.uri);
      return document ? s.codeActions(document, params.range, params.context.only, settingsFor(document.uri)) : null;
    }),
  );
  connection.onReferences(
    guarded('references', nothing, (params, s) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      indexer?.refresh(s);
      return s.references(document, params.position, params.context.includeDeclaration, settingsFor(document.uri));
    }),
  );
  connection.onWorkspaceSymbol((params, token) =>
    guarded('workspace symbols', nothing, (p: typeof params, s) => {
      indexer?.refresh(s);
      return s.workspaceSymbols(p.query, token);
    })(params),
  );
  connection.onDocumentSymbol(
    guarded('document symbols', nothing, (params, s) => {
      const document = documents.get(params.textDocument.uri);
      return document ? s.documentSymbols(document, settingsFor(document.uri)) : null;
    }),
  );
  connection.onRequest(COVERAGE, async (params: { edition?: string } | undefined) => {
    // The whole workspace, once read: in a web worker the catalog comes first, then the reading.
    await ready;
    await indexer?.ready();
    return guarded('coverage', nothing, (p: { edition?: string } | undefined, s) => {
      indexer?.refresh(s);
      return s.coverage(p?.edition ?? 'auto');
    })(params);
  });

  /**
   * Diagnostics are pushed after a change at once, and after the last check at least as long as
   * that check took (PUBLISH_INTERVAL_MS at the least): a lone keystroke is checked right away, a
   * burst of changes (a paste, an undo, a client sending many edits) at its first and its last
   * text, not at every one. vscode-jsonrpc handles each message in a turn of its own, so waiting
   * for the next turn would not join a burst; and on a document whose check takes longer than the
   * changes take to arrive, a fixed interval would check every text of the burst in turn.
   */
  function schedule(uri: string): void {
    if (due.has(uri) || shutDown) return;
    const running = checking.get(uri);
    if (running) {
      running.changed = true;
      return;
    }
    const run = () => {
      due.delete(uri);
      void publish(uri);
    };
    const last = lastCheck.get(uri);
    const wait = last ? last.ended + Math.max(PUBLISH_INTERVAL_MS, last.busy) - Date.now() : 0;
    if (wait <= 0) {
      // Two turns on: vscode-jsonrpc handles one message a turn, and the request a client sends
      // right after its change (completion, hover) is answered first, not after the check.
      let cancelled = false;
      const timer = RAL().timer; // Node's setImmediate, or its equivalent in a web worker
      timer.setImmediate(() => timer.setImmediate(() => cancelled || run()));
      due.set(uri, () => (cancelled = true));
    } else {
      const timer = setTimeout(run, wait);
      due.set(uri, () => clearTimeout(timer));
    }
  }

  async function publish(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document || !service || shutDown) return;
    publishing++;
    const running = { changed: false };
    checking.set(uri, running);
    const { version } = document;
    const text = document.getText();
    // Between slices of the check the requests that came in are answered; a change meanwhile
    // makes this text's diagnostics moot, and the change has scheduled the next check. A client
    // may send a change under the same version: the text says so (the same string unless changed).
    const timer = RAL().timer;
    const unchanged = () => {
      const now = documents.get(uri);
      return now?.version === version && now.getText() === text;
    };
    // The time the check itself takes, not that of the requests answered between its slices.
    let busy = 0;
    let since = Date.now();
    const pause = () => {
      busy += Date.now() - since;
      return new Promise<boolean>((resolve) =>
        timer.setImmediate(() => {
          since = Date.now();
          resolve(!shutDown && unchanged());
        }),
      );
    };
    try {
      const diagnostics = await service.diagnosticsInSlices(document, settingsFor(uri), pause);
      if (diagnostics) void connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      connection.console.error(`normref: diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const ended = Date.now();
    lastCheck.set(uri, { ended, busy: busy + ended - since });
    checking.delete(uri);
    if (running.changed && documents.get(uri)) schedule(uri);
    // The last check done, none waiting and none in slices: the server is idle.
    if (--publishing === 0 && due.size === 0) options.idleWork?.idle();
  }

  function publishAll(): void {
    for (const document of documents.all()) schedule(document.uri);
  }

  function prepare(document: PolicyDocument): void {
    if (!service || shutDown) return;
    try {
      const note = service.prepare(document, settingsFor(document.uri));
      if (note) connection.console.warn(`normref: ${document.uri}: ${note}`);
      indexer?.changed(document.uri);
    } catch (error) {
      connection.console.error(`normref: open failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  documents.onDidOpen((event) => prepare(event.document));
  documents.onDidChangeContent((event) => {
    schedule(event.document.uri);
    indexer?.changed(event.document.uri);
  });
  documents.onDidClose((event) => {
    due.get(event.document.uri)?.();
    due.delete(event.document.uri);
    lastCheck.delete(event.document.uri);
    service?.forget(event.document.uri);
    void indexer?.closed(event.document.uri);
    // A closed document's problems leave the Problems panel with it.
    if (!shutDown) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
  return { shutdownReceived: () => shutDown };
}

// The LSP adapter: maps requests to the normref service, owns document sync and settings. Every
// handler is guarded so that one bad document or request never stops the server.
import {
  CodeActionKind,
  ErrorCodes,
  RAL,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService, DEFAULT_SETTINGS, FIX_ALL_KIND, linkTemplateProblem, settingsFrom, type CatalogSources, type ClientSettings, type NormrefService, type Settings } from './service';

/** The least time between two publications of one document's diagnostics. */
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

export function startServer(connection: Connection, loadCatalog: CatalogLoader, version: string): RunningServer {
  const documents = new TextDocuments(TextDocument);
  let service: NormrefService | undefined;
  /** Settles when the catalog has loaded (or failed to); undefined until initialize. */
  let ready: Promise<void> | undefined;
  let settings: Settings = DEFAULT_SETTINGS;
  let pullsConfiguration = false;
  let shutDown = false;
  /** Templates and settings already warned about: one warning each, not one per settings change. */
  const badTemplates = new Set<string>();
  const badSettings = new Set<string>();
  /** Documents whose diagnostics are due, with the way to cancel it, and when each was last published. */
  const due = new Map<string, () => void>();
  const published = new Map<string, number>();

  connection.onShutdown(() => {
    shutDown = true;
  });

  connection.onInitialize((params): InitializeResult => {
    const started = Date.now();
    const loaded = loadCatalog();
    const use = (sources: CatalogSources) => {
      service = createService(sources);
      connection.console.info(`normref: catalog of ${service.catalog.size} deliverables loaded in ${Date.now() - started} ms`);
    };
    if (loaded instanceof Promise) {
      ready = loaded.then(
        (sources) => {
          use(sources);
          // Documents opened while the catalog was on its way are read now.
          for (const document of documents.all()) prepare(document);
          publishAll();
        },
        (error: unknown) => connection.console.error(`normref: the catalog could not be loaded: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      );
    } else {
      use(loaded);
      ready = Promise.resolve();
    }
    pullsConfiguration = !!params.capabilities.workspace?.configuration;
    settings = checked((params.initializationOptions as { settings?: ClientSettings } | undefined)?.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { resolveProvider: true, triggerCharacters: [' ', '/', '-', '.'] },
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      },
      serverInfo: { name: 'normref', version },
    };
  });

  connection.onInitialized(() => void refreshSettings());
  connection.onDidChangeConfiguration((change) => {
    if (pullsConfiguration) void refreshSettings();
    else {
      settings = checked((change.settings as { normref?: ClientSettings } | undefined)?.normref);
      publishAll();
    }
  });

  async function refreshSettings(): Promise<void> {
    if (!pullsConfiguration) return;
    try {
      settings = checked((await connection.workspace.getConfiguration('normref')) as ClientSettings | null);
      publishAll();
    } catch (error) {
      connection.console.warn(`normref: could not read settings: ${String(error)}`);
    }
  }

  /** The client's settings, with values that cannot be used replaced by defaults (and said so once). */
  function checked(client: ClientSettings | null | undefined): Settings {
    const { settings: result, problems } = settingsFrom(client);
    for (const problem of problems) {
      if (badSettings.has(problem)) continue;
      badSettings.add(problem);
      connection.console.warn(`normref: ${problem}; the default is used`);
    }
    const template = result.links.template;
    const problem = linkTemplateProblem(template);
    if (!problem) return result;
    if (!badTemplates.has(template)) {
      badTemplates.add(template);
      connection.console.warn(`normref: normref.links.template "${template}" is not used, as ${problem}; links go to iso.org`);
    }
    return { ...result, links: { template: '' } };
  }

  /**
   * Runs a handler; on any error logs it and answers `fallback(params)` instead of failing the
   * server. After shutdown a request is an error, as the protocol asks. A request that comes while
   * the catalog is still loading is answered when it has loaded.
   */
  function guarded<P, R>(name: string, fallback: (params: P) => R, handler: (params: P, service: NormrefService) => R): (params: P) => R | Promise<R> {
    const run = (params: P): R => {
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
      return document ? s.hover(document, params.position, settings) : null;
    }),
  );
  connection.onCompletion(
    guarded('completion', nothing, (params, s) => {
      const document = documents.get(params.textDocument.uri);
      // triggerKind 1: invoked by the user (Ctrl+Space), not by typing.
      return document ? s.complete(document, params.position, settings, params.context?.triggerKind === 1) : null;
    }),
  );
  // An item that cannot be resolved is shown as it came.
  connection.onCompletionResolve(guarded('completion resolve', (item) => item, (item, s) => s.resolveCompletion(item, settings)));
  connection.onDocumentLinks(
    guarded('document links', nothing, (params, s) => {
      const document = documents.get(params.textDocument.uri);
      return document ? s.documentLinks(document, settings) : null;
    }),
  );
  connection.onCodeAction(
    guarded('code actions', nothing, (params, s) => {
      const document = documents.get(params.textDocument.uri);
      return document ? s.codeActions(document, params.range, params.context.only, settings) : null;
    }),
  );

  /**
   * Diagnostics are pushed after a change at once, and at most every PUBLISH_INTERVAL_MS: a lone
   * keystroke is checked right away, a burst of changes (a paste, an undo, a client sending many
   * edits) at its first and its last text, not at every one. vscode-jsonrpc handles each message
   * in a turn of its own, so waiting for the next turn would not join a burst.
   */
  function schedule(uri: string): void {
    if (due.has(uri) || shutDown) return;
    const run = () => {
      due.delete(uri);
      publish(uri);
    };
    const wait = (published.get(uri) ?? -Infinity) + PUBLISH_INTERVAL_MS - Date.now();
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

  function publish(uri: string): void {
    const document = documents.get(uri);
    if (!document || !service || shutDown) return;
    published.set(uri, Date.now());
    try {
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: service.diagnostics(document, settings) });
    } catch (error) {
      connection.console.error(`normref: diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  function publishAll(): void {
    for (const document of documents.all()) schedule(document.uri);
  }

  function prepare(document: TextDocument): void {
    if (!service || shutDown) return;
    try {
      const note = service.prepare(document, settings);
      if (note) connection.console.warn(`normref: ${document.uri}: ${note}`);
    } catch (error) {
      connection.console.error(`normref: open failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  documents.onDidOpen((event) => prepare(event.document));
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    due.get(event.document.uri)?.();
    due.delete(event.document.uri);
    published.delete(event.document.uri);
    service?.forget(event.document.uri);
    // A closed document's problems leave the Problems panel with it.
    if (!shutDown) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
  return { shutdownReceived: () => shutDown };
}

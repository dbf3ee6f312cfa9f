// The LSP adapter: maps requests to the normref service, owns document sync and settings. Every
// handler is guarded so that one bad document or request never stops the server.
import {
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService, DEFAULT_SETTINGS, type CatalogSources, type NormrefService, type Settings } from './service';

interface ClientSettings {
  links?: { template?: string };
  controls?: { defaultEdition?: string };
  completion?: { controlFormat?: string };
}

export function startServer(connection: Connection, loadCatalog: () => CatalogSources, version: string): void {
  const documents = new TextDocuments(TextDocument);
  let service: NormrefService | undefined;
  let settings: Settings = DEFAULT_SETTINGS;
  let pullsConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    const started = Date.now();
    service = createService(loadCatalog());
    connection.console.info(`normref: catalog of ${service.catalog.size} deliverables loaded in ${Date.now() - started} ms`);
    pullsConfiguration = !!params.capabilities.workspace?.configuration;
    settings = toSettings((params.initializationOptions as { settings?: ClientSettings } | undefined)?.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { resolveProvider: true, triggerCharacters: [' ', '/', '-', '.'] },
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'normref', version },
    };
  });

  connection.onInitialized(() => void refreshSettings());
  connection.onDidChangeConfiguration((change) => {
    if (pullsConfiguration) void refreshSettings();
    else settings = toSettings((change.settings as { normref?: ClientSettings } | undefined)?.normref);
  });

  async function refreshSettings(): Promise<void> {
    if (!pullsConfiguration) return;
    try {
      settings = toSettings((await connection.workspace.getConfiguration('normref')) as ClientSettings | null);
    } catch (error) {
      connection.console.warn(`normref: could not read settings: ${String(error)}`);
    }
  }

  /** Runs a handler; on any error logs it and answers `fallback(params)` instead of failing the server. */
  function guarded<P, R>(name: string, fallback: (params: P) => R, handler: (params: P, service: NormrefService) => R): (params: P) => R {
    return (params: P) => {
      if (!service) return fallback(params);
      try {
        return handler(params, service);
      } catch (error) {
        connection.console.error(`normref: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback(params);
      }
    };
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
  documents.onDidOpen(
    guarded('open', () => undefined, (event, s) => {
      const skipped = s.analyze(event.document, settings).skipped;
      if (skipped) connection.console.warn(`normref: ${event.document.uri} not scanned: ${skipped}`);
    }),
  );
  documents.onDidClose((event) => service?.forget(event.document.uri));

  documents.listen(connection);
  connection.listen();
}

function toSettings(client: ClientSettings | null | undefined): Settings {
  const edition = client?.controls?.defaultEdition;
  return {
    links: { template: client?.links?.template ?? DEFAULT_SETTINGS.links.template },
    controls: {
      defaultEdition: edition && /^(2005|2013|2022)$/.test(edition) ? edition : DEFAULT_SETTINGS.controls.defaultEdition,
      format: client?.completion?.controlFormat === 'number' ? 'number' : DEFAULT_SETTINGS.controls.format,
    },
  };
}

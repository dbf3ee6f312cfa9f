// Entry of the language server in a web worker (VS Code for the Web): the same server as node.ts,
// over the worker's messages. A worker has no disk: the catalog arrives from the client in a
// notification (client/src/browser.ts reads it from the extension's files), and the requests that
// come before it wait for it. The messages of the display language come with it.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { CATALOG_NOTIFICATION, catalogFromTexts, type CatalogTexts } from './catalog-files';
import { startServer } from './server';
import type { CatalogSources, MessageBundle } from './service';

/** The package's version, written in by the build (scripts/build.mjs). */
declare const NORMREF_VERSION: string;
/** The worker's global scope: the port to the client. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
let messages: (bundle: MessageBundle | undefined) => void = () => {};
const bundle = new Promise<MessageBundle | undefined>((resolve) => (messages = resolve));
const catalog = new Promise<CatalogSources>((resolve, reject) => {
  connection.onNotification(CATALOG_NOTIFICATION, (texts: CatalogTexts) => {
    try {
      messages(texts.messages ? (JSON.parse(texts.messages) as MessageBundle) : undefined);
      resolve(catalogFromTexts(texts));
    } catch (error) {
      messages(undefined);
      reject(error);
    }
  });
});
// The client sends the messages of its display language with the catalog: the same one it says in initialize.
startServer(connection, { loadCatalog: () => catalog, loadMessages: () => bundle }, NORMREF_VERSION);

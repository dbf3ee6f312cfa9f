// The VS Code client in the browser (vscode.dev, github.dev, VS Code for the Web): starts the same
// language server in a web worker (server/src/browser.ts). A worker reads no files, so once the
// server runs, the client reads the catalog from the extension's own files with VS Code's file
// system API (in the web, a fetch of the extension's own URI, never another host) and sends it.
// Activation does not wait for the catalog; the server answers the requests that come before it
// once it has arrived.
import * as vscode from 'vscode';
import { LanguageClient, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { CATALOG_FILES, CATALOG_NOTIFICATION, messageBundleFiles, type CatalogTexts } from '../../server/src/catalog-files';
import { activateClient, deactivateClient } from './activation';

/** The worker's constructor, a global of the web extension host (the project's lib has no DOM). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[2];

function createClient(context: vscode.ExtensionContext, clientOptions: LanguageClientOptions): LanguageClient {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const worker = new Worker(main.toString(true), { name: 'normref language server' });
  return new LanguageClient('normref', 'normref', worker, clientOptions);
}

/** The catalog's texts, read for each server started (not kept: some 14 MB of text). */
async function readCatalog(extensionUri: vscode.Uri): Promise<CatalogTexts> {
  const decoder = new TextDecoder();
  const read = async (file: string) => decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...file.split('/'))));
  const [deliverables, index, curated] = await Promise.all([read(CATALOG_FILES.deliverables), read(CATALOG_FILES.index), read(CATALOG_FILES.curated)]);
  // The server's messages in the display language it is told in initialize, if normref has them.
  for (const file of messageBundleFiles(vscode.env.language)) {
    const messages = await read(file).catch(() => undefined);
    if (messages !== undefined) return { deliverables, index, curated, messages };
  }
  return { deliverables, index, curated };
}

async function sendCatalog(context: vscode.ExtensionContext, client: BaseLanguageClient): Promise<void> {
  const started = Date.now();
  const catalog = await readCatalog(context.extensionUri);
  const read = Date.now();
  await client.sendNotification(CATALOG_NOTIFICATION, catalog);
  client.info(`normref: catalog read from the extension's files in ${read - started} ms, sent to the server in ${Date.now() - read} ms`);
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateClient(context, createClient, sendCatalog);
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}

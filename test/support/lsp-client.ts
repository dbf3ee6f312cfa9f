// A real LSP client for tests: spawns the bundled server (dist/server.js) over stdio and talks
// JSON-RPC to it, as Neovim or Emacs would.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const root = path.resolve(__dirname, '../../..');
export const serverPath = path.join(root, 'dist', 'server.js');

export interface TestServer {
  connection: MessageConnection;
  process: ChildProcess;
  stderr: () => string;
  logs: string[];
  open(uri: string, languageId: string, text: string, version?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  settings?: unknown;
  args?: string[];
  /** The display language the client says it has, as VS Code sends it in initialize. */
  locale?: string;
  /** The workspace folder the client opens, as a file URI; none by default. */
  rootUri?: string;
  initializationOptions?: unknown;
  /** Answers the client gives to requests from the server, set before `initialize`. */
  onRequest?: Record<string, (params: never) => unknown>;
  /** Client capabilities for textDocument, beside hover's. */
  textDocument?: Record<string, unknown>;
  /** Client capabilities for workspace, beside configuration. */
  workspace?: Record<string, unknown>;
  /** Called before initialize: handlers for what the server asks right after it. */
  before?: (connection: MessageConnection) => void;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [serverPath, ...(options.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? {}));
  for (const [method, handler] of Object.entries(options.onRequest ?? {})) connection.onRequest(method, handler as (params: unknown) => unknown);
  options.before?.(connection);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    ...(options.locale ? { locale: options.locale } : {}),
    capabilities: { workspace: { configuration: true, ...options.workspace }, textDocument: { hover: { contentFormat: ['markdown'] }, ...options.textDocument }, window: { workDoneProgress: true } },
    ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    stderr: () => stderr,
    logs,
    async open(uri, languageId, text, version = 1) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        // The server may already be gone; the kill below makes sure.
      }
      connection.dispose();
      child.kill();
    },
  };
}

/** Line and character of the first occurrence of `needle` in `text` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, index + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

// The textDocument/publishDiagnostics notifications a test server sends, kept in order, with a
// way to wait for the next one of a document (after a mark) or for the one of a version.
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

interface Waiter {
  from: number;
  matches: (p: Published) => boolean;
  resolve: (p: Published) => void;
}

export class DiagnosticsInbox {
  private readonly received: Published[] = [];
  private waiters: Waiter[] = [];

  constructor(connection: MessageConnection) {
    connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
      this.received.push(params);
      const index = this.received.length - 1;
      this.waiters = this.waiters.filter((w) => {
        if (index < w.from || !w.matches(params)) return true;
        w.resolve(params);
        return false;
      });
    });
  }

  /** A mark: `next` waits for notifications received after it. */
  mark(): number {
    return this.received.length;
  }

  /** The first notification for `uri` after `since` (and of `version`, if given), now or when it comes. */
  next(uri: string, options: { since?: number; version?: number } = {}): Promise<Published> {
    const from = options.since ?? 0;
    const matches = (p: Published) => p.uri === uri && (options.version === undefined || p.version === options.version);
    const already = this.received.slice(from).find(matches);
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.waiters.push({ from, matches, resolve }));
  }

  /** Every notification received for `uri`, in order. */
  all(uri: string): Published[] {
    return this.received.filter((p) => p.uri === uri);
  }
}

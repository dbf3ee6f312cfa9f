// A minimal LSP client over stdio (Content-Length framing by hand), so that the latency measured is
// the server's plus a pipe round trip, with no client library in between.
import { spawn } from 'node:child_process';

export function startClient(command, args, { onSpawn } = {}) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  onSpawn?.();
  let nextId = 1;
  const pending = new Map();
  const logs = [];
  /** Notifications waited for: { method, accept(params), resolve }. */
  const waiting = [];
  let stderr = '';
  let buffer = Buffer.alloc(0);
  let exited = false;
  child.stderr.on('data', (d) => (stderr += d));
  child.on('exit', () => {
    exited = true;
    for (const { reject } of pending.values()) reject(new Error(`server exited; stderr: ${stderr.slice(-2000)}`));
    pending.clear();
  });

  function write(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  function dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      if (message.error) p.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else p.resolve(message.result);
    } else if (message.id !== undefined) {
      // A request from the server: settings (none), registrations and the like.
      const result = message.method === 'workspace/configuration' ? message.params.items.map(() => ({})) : null;
      write({ id: message.id, result });
    } else if (message.method === 'window/logMessage') {
      logs.push(message.params.message);
    } else {
      const i = waiting.findIndex((w) => w.method === message.method && w.accept(message.params));
      if (i >= 0) waiting.splice(i, 1)[0].resolve(message.params);
    }
  }

  // The chunks of a message are kept apart until it is whole, then joined once: joining at every
  // chunk copies a 5 MB answer some eighty times, and the copies, not the server, would be timed.
  let chunks = [];
  let received = 0;
  let needed = 0;
  child.stdout.on('data', (chunk) => {
    chunks.push(chunk);
    received += chunk.length;
    if (received < needed) return;
    buffer = Buffer.concat([buffer, ...chunks]);
    chunks = [];
    received = 0;
    needed = 0;
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: (\d+)/i.exec(buffer.toString('ascii', 0, headerEnd));
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (buffer.length < start + length) {
        needed = start + length - buffer.length;
        return;
      }
      const body = buffer.toString('utf8', start, start + length);
      buffer = buffer.subarray(start + length);
      dispatch(JSON.parse(body));
    }
  });

  return {
    child,
    logs,
    stderr: () => stderr,
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (exited) return reject(new Error('server exited'));
        pending.set(id, { resolve, reject });
        write({ id, method, params });
      });
    },
    notify(method, params) {
      write({ method, params });
    },
    /** The next notification `method` from the server whose params `accept` takes, or undefined after `timeout` ms. */
    notification(method, accept, timeout = 10_000) {
      return new Promise((resolve) => {
        const entry = { method, accept, resolve };
        waiting.push(entry);
        setTimeout(() => {
          const i = waiting.indexOf(entry);
          if (i >= 0) waiting.splice(i, 1)[0].resolve(undefined);
        }, timeout).unref();
      });
    },
    async stop() {
      try {
        await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
        this.notify('exit', null);
      } catch {
        // already gone
      }
      await Promise.race([new Promise((r) => (exited ? r() : child.on('exit', r))), new Promise((r) => setTimeout(r, 2000))]);
      if (!exited) child.kill();
    },
  };
}

export const INITIALIZE_PARAMS = {
  processId: process.pid,
  rootUri: null,
  capabilities: {
    workspace: { configuration: true },
    textDocument: {
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
      synchronization: { didSave: false },
    },
  },
};

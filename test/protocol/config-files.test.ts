// The editor reads the configuration files the CLI reads: a document under a .normrefrc.json gets
// that file's settings over the editor's, and again when the file changes. Over real JSON-RPC,
// with the files on disk.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type TestServer } from '../support/lsp-client';
import { DiagnosticsInbox } from '../support/diagnostics-inbox';

const POLICY = 'Controls follow ISO/IEC 27002:2013.\nSuppliers may cite BS 7799-2.\n';

let server: TestServer;
let inbox: DiagnosticsInbox;
let dir: string;
const registrations: Array<{ method: string; registerOptions?: { watchers?: Array<{ globPattern: string }> } }> = [];
const shown: string[] = [];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-config-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.mkdirSync(path.join(dir, 'team', 'sub'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'broken'));
  fs.writeFileSync(path.join(dir, 'team', '.normrefrc.json'), '// CI fails on these\n{"diagnostics": {"withdrawn": "error"}, "ignore": ["BS 7799-2"],}\n');
  fs.writeFileSync(path.join(dir, 'broken', 'normref.config.json'), '{"diagnostics": {"withdrawn": "warn"}}');
  server = await startServer({
    // The editor's own settings: renamed as information; the file says nothing of it.
    settings: { diagnostics: { renamed: 'information' } },
    workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
    onRequest: {
      'client/registerCapability': (params: { registrations: typeof registrations }) => void registrations.push(...params.registrations),
      // A warning the user may close: VS Code shows it as a notification.
      'window/showMessageRequest': (params: { message: string }) => {
        shown.push(params.message);
        return null;
      },
    },
  });
  inbox = new DiagnosticsInbox(server.connection);
});
after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const uriOf = (...parts: string[]) => pathToFileURL(path.join(dir, ...parts)).href;
const seen = (diagnostics: Array<{ code?: unknown; severity?: number }>) => diagnostics.map((d) => `${String(d.code)} ${d.severity}`);

test('the server asks the client to watch the configuration files', async () => {
  for (let i = 0; i < 50 && registrations.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  const watched = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
  assert.deepEqual(watched?.registerOptions?.watchers, [{ globPattern: '**/{.normrefrc.json,normref.config.json}' }]);
});

test("a document under a configuration file gets the file's settings over the editor's; one outside it, the editor's", async () => {
  const inside = uriOf('team', 'sub', 'policy.md');
  await server.open(inside, 'markdown', POLICY);
  // withdrawn from the file; BS 7799-2 kept by the file's ignore list.
  assert.deepEqual(seen((await inbox.next(inside)).diagnostics), ['withdrawn 1']);
  const outside = uriOf('policy.md');
  await server.open(outside, 'markdown', POLICY);
  assert.deepEqual(seen((await inbox.next(outside)).diagnostics), ['withdrawn 2', 'renamed 3']);
});

test('a changed configuration file holds from the next check on', async () => {
  const uri = uriOf('team', 'policy.md');
  await server.open(uri, 'markdown', POLICY);
  assert.deepEqual(seen((await inbox.next(uri)).diagnostics), ['withdrawn 1']);
  fs.writeFileSync(path.join(dir, 'team', '.normrefrc.json'), '{"diagnostics": {"withdrawn": "off"}}');
  const mark = inbox.mark();
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('team', '.normrefrc.json'), type: 2 }] });
  // The ignore list went with the old text: BS 7799-2 is reported again, as the editor says.
  assert.deepEqual(seen((await inbox.next(uri, { since: mark })).diagnostics), ['renamed 3']);
});

test("a configuration file that cannot be used is said once, and the editor's settings hold", async () => {
  const first = uriOf('broken', 'one.md');
  const second = uriOf('broken', 'two.md');
  await server.open(first, 'markdown', POLICY);
  await server.open(second, 'markdown', POLICY);
  assert.deepEqual(seen((await inbox.next(first)).diagnostics), ['withdrawn 2', 'renamed 3']);
  assert.deepEqual(seen((await inbox.next(second)).diagnostics), ['withdrawn 2', 'renamed 3']);
  assert.deepEqual(
    shown.filter((m) => m.includes('normref.config.json')),
    [`normref: ${path.join(dir, 'broken', 'normref.config.json')}: diagnostics.withdrawn: "warn" is not one of error, warning, information, hint, off; the editor's settings are used`],
  );
});

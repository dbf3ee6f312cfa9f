// Restricted Mode: code-server.test.ts opens the workspace with workspace trust on and does not
// trust it. normref declares limited support (capabilities.untrustedWorkspaces), so it runs there:
// hovers and diagnostics as in a trusted folder. The folder's .vscode/settings.json sets
// normref.links.template, a restricted setting: VS Code does not apply it, and links go to iso.org.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, hoverAt, logger, normrefExtension, openWorkspaceFile, pollLinks, poller } from './helpers';

const log = logger('[normref restricted]');
const poll = poller(log);

const REFERENCE = 'ISO/IEC 27002:2022';
const ISO_TITLE = 'Information security, cybersecurity and privacy protection - Information security controls';
const ISO_URL = 'https://www.iso.org/standard/75652.html';
const WITHDRAWN_MESSAGE = 'ISO/IEC 27002:2013 is withdrawn: replaced by ISO/IEC 27002:2022 (2022-02).';
const WORKSPACE_TEMPLATE = 'https://library.example.org/standards?ref={reference}';

suite('normref in Restricted Mode (an untrusted folder)', () => {
  let doc: vscode.TextDocument;
  let refPos: vscode.Position;

  suiteSetup(async function () {
    this.timeout(90_000);
    log(`VS Code ${vscode.version}, workspace trusted: ${vscode.workspace.isTrusted}`);
    doc = await openWorkspaceFile('policy.md');
    refPos = doc.positionAt(doc.getText().indexOf(REFERENCE) + 10); // inside "27002"
    await activated(poll, normrefExtension());
  });

  test('the folder is in Restricted Mode and normref is active', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is trusted: the test would prove nothing');
    assert.ok(normrefExtension().isActive, 'normref is not active in the untrusted folder');
  });

  test('hover on ISO/IEC 27002:2022 shows the ISO title', async () => {
    const text = await poll('hover in the untrusted folder', () => hoverAt(doc.uri, refPos), (t) => t.includes(ISO_TITLE), 30_000);
    log('hover text:', JSON.stringify(text));
  });

  test('ISO/IEC 27002:2013 gets the withdrawn warning', async () => {
    const withdrawn = await openWorkspaceFile('withdrawn.md');
    const found = await poll(
      'the withdrawn diagnostic in the untrusted folder',
      async () => vscode.languages.getDiagnostics(withdrawn.uri).filter((d) => d.source === 'normref'),
      (ds) => ds.some((d) => d.message === WITHDRAWN_MESSAGE),
      30_000,
    );
    const diagnostic = found.find((d) => d.message === WITHDRAWN_MESSAGE)!;
    assert.equal(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code, 'withdrawn');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
  });

  test("the folder's normref.links.template is not applied: links go to iso.org", async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.vscode', 'settings.json')));
    assert.ok(written.includes(WORKSPACE_TEMPLATE), `the folder's settings do not set the template: ${written}`);
    const inspected = vscode.workspace.getConfiguration('normref').inspect<string>('links.template');
    log(`normref.links.template: ${JSON.stringify(inspected)}`);
    assert.equal(vscode.workspace.getConfiguration('normref').get('links.template'), '', `the workspace's ${WORKSPACE_TEMPLATE} is in effect`);
    const links = await pollLinks(poll, 'document links in the untrusted folder', doc.uri);
    const link = links.find((l) => l.range.contains(refPos));
    assert.ok(link, `no link over ${REFERENCE}`);
    assert.equal(link.target?.toString(true), ISO_URL);
  });
});

// Extension-host tests for the commands behind the status bar: run inside real VS Code with the
// packaged extension (see index.ts). The status bar item itself, its quick pick, the walkthrough and
// its sample policy are seen in the workbench by code-server.test.ts, as a person sees them (the
// sample is an untitled document, whose backup would reappear in the windows after this suite's).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, logger, normrefExtension, openWorkspaceFile, pollLinks, poller } from './helpers';

const log = logger('[normref status]');
const poll = poller(log);

const COMMANDS = ['normref.declareEdition', 'normref.toggleLinks', 'normref.openSamplePolicy'];

suite('normref status bar commands in VS Code', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    await activated(poll, normrefExtension());
  });

  test('the commands are contributed, titled and registered', async () => {
    const contributed = normrefExtension().packageJSON.contributes.commands as Array<{ command: string; title: string }>;
    const registered = await vscode.commands.getCommands(true);
    for (const command of COMMANDS) {
      const title = contributed.find((c) => c.command === command)?.title;
      // A title still written %key% would mean package.nls.json is missing from the package.
      assert.ok(title && !title.startsWith('%'), `${command} has the title ${title}`);
      assert.ok(registered.includes(command), `${command} is not registered`);
    }
  });

  test('normref: Toggle Document Links takes the links away and brings them back', async function () {
    this.timeout(60_000);
    const doc = await openWorkspaceFile('policy.md');
    const before = await pollLinks(poll, 'document links of policy.md', doc.uri);
    const links = () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 100);
    await vscode.commands.executeCommand('normref.toggleLinks');
    try {
      assert.equal(vscode.workspace.getConfiguration('normref').get('links.enabled'), false);
      await poll('no document links once they are off', links, (l) => !!l && l.length === 0, 15_000);
    } finally {
      await vscode.commands.executeCommand('normref.toggleLinks');
    }
    assert.equal(vscode.workspace.getConfiguration('normref').get('links.enabled'), true);
    const again = await pollLinks(poll, 'document links back on', doc.uri);
    assert.equal(again.length, before.length);
  });
});

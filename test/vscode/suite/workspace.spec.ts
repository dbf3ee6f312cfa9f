// Extension-host tests of the workspace index: the server indexes the workspace folder through the
// extension (it lists and reads the files for the server), then Find All References finds a
// citation in the other file, Ctrl+T finds a control by its title, and the coverage command opens
// its webview. (The coverage page itself, as a person sees it: code-server.test.ts.)
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activated, logger, normrefExtension, openWorkspaceFile, poller } from './helpers';

const log = logger('[normref workspace]');
const poll = poller(log);

suite('normref: the workspace', () => {
  suiteSetup(async () => {
    await activated(poll, normrefExtension());
  });

  test('Find All References on ISO/IEC 27001:2022 lists its citations in policy.md and soa.md', async () => {
    const doc = await openWorkspaceFile('policy.md');
    const line = doc.getText().split('\n').findIndex((l) => l.includes('ISO/IEC 27001:2022'));
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('ISO/IEC 27001:2022') + 9);
    const found = await poll(
      'references across the workspace',
      () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at),
      (ls) => !!ls && new Set(ls.map((l) => path.basename(l.uri.fsPath))).size >= 2,
      30_000,
    );
    const places = found.map((l) => `${path.basename(l.uri.fsPath)}:${l.range.start.line + 1}`).sort();
    assert.ok(places.includes(`policy.md:${line + 1}`), places.join(', '));
    assert.ok(places.some((p) => p.startsWith('soa.md:')), places.join(', '));
  });

  test('workspace symbols (Ctrl+T): "privileged access" finds A.8.2 where soa.md cites it', async () => {
    const symbols = await poll(
      'workspace symbols',
      () => vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'privileged access'),
      (s) => !!s && s.some((x) => x.name.includes('A.8.2')),
      30_000,
    );
    const a82 = symbols.find((x) => x.name.includes('A.8.2 — Privileged access rights'));
    assert.ok(a82, symbols.map((s) => s.name).join(', '));
    assert.equal(path.basename(a82.location.uri.fsPath), 'soa.md');
  });

  test('the outline of soa.md lists what it cites', async () => {
    const doc = await openWorkspaceFile('soa.md');
    const symbols = await poll(
      'document symbols',
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      (s) => !!s && s.length > 0,
      30_000,
    );
    assert.ok(symbols.some((s) => s.name === 'ISO/IEC 27001:2022'), symbols.map((s) => s.name).join(', '));
  });

  test('"normref: Show Annex A Coverage" opens the report', async () => {
    await vscode.commands.executeCommand('normref.showCoverage');
    const tab = await poll(
      'coverage tab',
      async () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.startsWith('Annex A coverage: ISO/IEC 27001:')),
      (t) => !!t,
      30_000,
    );
    assert.ok(tab!.input instanceof vscode.TabInputWebview, 'a webview tab');
    await vscode.window.tabGroups.close(tab!);
  });
});

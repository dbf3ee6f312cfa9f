// Extension-host tests of the workspace index: the server indexes the workspace folder through the
// extension (it lists and reads the files for the server), then Find All References finds a
// citation in the other file, Ctrl+T finds a control by its title, and the coverage command opens
// its webview; normref.customData set in the workspace gives an organisation's own id its hover. (The coverage page itself, as a person sees it: code-server.test.ts.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activated, hoverAt, logger, normrefExtension, openWorkspaceFile, poller } from './helpers';

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
      (s) => !!s && s.some((x) => x.name.includes('A.8.2') && path.basename(x.location.uri.fsPath) === 'soa.md'),
      30_000,
    );
    // One symbol per document that cites it: status.md of the workspace cites A.8.2 as well.
    const a82 = symbols.filter((x) => x.name.includes('A.8.2 — Privileged access rights'));
    const files = a82.map((x) => path.basename(x.location.uri.fsPath));
    assert.ok(files.includes('soa.md'), `A.8.2 in ${JSON.stringify(files)}; symbols: ${symbols.map((s) => s.name).join(', ')}`);
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

suite('normref: custom data of the workspace', () => {
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const DATA = 'corp.normref.yaml';
  const POLICY = 'custom-data-policy.md';

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('normref').update('customData', undefined, vscode.ConfigurationTarget.Workspace);
    for (const name of [DATA, POLICY]) fs.rmSync(path.join(folder(), name), { force: true });
  });

  test('normref.customData: a file of the workspace gives POL-AC-01 its hover; a broken one its diagnostic', async () => {
    fs.writeFileSync(
      path.join(folder(), DATA),
      'internal:\n  - name: Example Corp policies\n    pattern: POL-[A-Z]{2}-\\d{2}\n    entries:\n      - id: POL-AC-01\n        title: Access control policy\n',
    );
    fs.writeFileSync(path.join(folder(), POLICY), '# Access\n\nSee POL-AC-01.\n');
    await vscode.workspace.getConfiguration('normref').update('customData', [DATA], vscode.ConfigurationTarget.Workspace);
    const doc = await openWorkspaceFile(POLICY);
    const text = await poll('hover on POL-AC-01', () => hoverAt(doc.uri, new vscode.Position(2, 7)), (t) => t.includes('Access control policy'), 30_000);
    assert.match(text, /Access control policy/);
    // Broken: an unbounded repetition is refused, at its place in the file, and the id is unknown again.
    fs.writeFileSync(path.join(folder(), DATA), 'internal:\n  - name: Example Corp policies\n    pattern: POL-[A-Z]+\n');
    const dataUri = vscode.Uri.file(path.join(folder(), DATA));
    const problems = await poll(
      'the custom data diagnostic',
      async () => vscode.languages.getDiagnostics(dataUri).filter((d) => d.source === 'normref'),
      (ds) => ds.length > 0,
      30_000,
    );
    assert.equal(problems[0].range.start.line, 2);
  });
});

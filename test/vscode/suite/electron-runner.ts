// Runs the extension-host suite (index.ts) in desktop VS Code downloaded by @vscode/test-electron.
// For machines with internet access: `npm run test:electron`. Offline (this project's CI), the same
// suite runs in code-server instead: see test/vscode/code-server.test.ts, part of `npm test`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // This file is compiled to out/test/vscode/suite/electron-runner.js.
  const repo = path.resolve(__dirname, '../../../..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-electron-ws-'));
  fs.copyFileSync(path.join(repo, 'test/fixtures/policy.md'), path.join(workspace, 'policy.md'));
  try {
    await runTests({
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error('extension-host tests failed:', err);
  process.exit(1);
});

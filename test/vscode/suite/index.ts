// Entry of the extension-host test suite: VS Code loads this module (extensionTestsPath) inside the
// extension host and awaits run(). Used by both runners: code-server (test/vscode/code-server.test.ts,
// offline, part of `npm test`) and @vscode/test-electron (electron-runner.ts, `npm run test:electron`).
import { runSpecs } from './mocha-run';

// The mocha files of the suite. They are named *.spec.ts, not *.test.ts, on purpose: `npm test`
// runs `node --test out/test/vscode`, which would pick up *.test.js and fail on require('vscode').
const FILES = ['extension.spec.js', 'controls.spec.js', 'diagnostics.spec.js', 'workspace.spec.js', 'status.spec.js'];

export function run(): Promise<void> {
  return runSpecs(FILES);
}

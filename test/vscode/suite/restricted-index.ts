// Entry of the Restricted Mode suite: code-server.test.ts opens an untrusted folder with workspace
// trust on and has VS Code load this module (extensionTestsPath) in the extension host.
import { runSpecs } from './mocha-run';

export function run(): Promise<void> {
  return runSpecs(['restricted.spec.js']);
}

// Entry of the web extension-host suite: VS Code for the Web loads this module (extensionTestsPath)
// in its browser extension host and awaits run(). esbuild bundles it for the browser
// (test/vscode/web.test.ts does, before it starts @vscode/test-web).
import './setup';
import './web.spec';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web extension-host test(s) failed`)) : resolve()));
  });
}

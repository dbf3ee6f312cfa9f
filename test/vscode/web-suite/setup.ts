// Mocha's browser build, set up before the spec files are evaluated (index.ts imports this first):
// the browser extension host has no Node, so the Node mocha of test/vscode/suite cannot run there.
import 'mocha/mocha.js';

mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60_000 });

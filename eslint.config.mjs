// Lint: typescript-eslint's recommended rules over the TypeScript sources and tests.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** fs, path, child_process, … and their subpaths (fs/promises), as the service must not import them. */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const NODE_MODULE = 'This runs in a web worker too: Node modules belong in the Node adapters (server/src/node.ts, cli.ts, data-files.ts; client/src/extension.ts).';
/** The sources of dist/web/ besides the service: the web client and the server in its worker. */
const WEB_SOURCES = ['server/src/browser.ts', 'server/src/server.ts', 'server/src/catalog-files.ts', 'client/src/browser.ts', 'client/src/activation.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-output/**', '.vscode-test/**', 'server/src/**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Tests read untyped YAML and JSON documents.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    // Spreading an array into arguments puts every element on the stack: a list of 126,000
    // references overflowed it. Loops and concat have no such limit.
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression > SpreadElement', message: 'Spread arguments overflow the stack on long arrays: loop, or use concat.' },
        { selector: 'NewExpression > SpreadElement', message: 'Spread arguments overflow the stack on long arrays: loop, or use concat.' },
      ],
    },
  },
  {
    // The client's UI (status bar, commands, walkthrough) runs in the web extension host too: only
    // the desktop entry may reach for Node.
    files: ['client/src/**/*.ts'],
    ignores: ['client/src/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'vscode-languageclient/node'], message: 'The client UI runs in the browser as well: no Node modules here.' }] }],
    },
  },
  {
    // The service runs unchanged in Node and in a web worker (VS Code for the Web): no Node module
    // and no Node global below the adapters. Loading files is the adapters' job. The same holds for
    // the adapters that the browser bundles share (see scripts/build.mjs).
    files: ['server/src/service/**/*.ts', ...WEB_SOURCES],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^node:', message: NODE_MODULE }],
          paths: NODE_BUILTINS.map((name) => ({ name, message: NODE_MODULE })),
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', '__dirname', '__filename', 'global', 'require', 'module', 'setImmediate', 'clearImmediate'].map((name) => ({
          name,
          message: 'This runs in a web worker too: no Node globals here.',
        })),
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);

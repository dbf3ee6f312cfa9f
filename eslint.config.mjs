// Lint: typescript-eslint's recommended rules over the TypeScript sources and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-output/**', '.vscode-test/**'] },
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
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);

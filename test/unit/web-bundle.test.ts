// The web worker's server runs where a strict Content Security Policy may refuse code made from
// strings: its bundle must not compile JSON Schemas at run time (the custom data schema is
// compiled by the build, scripts/custom-data-validator.mjs). Reads what `npm run build` wrote.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const BUNDLES = ['dist/web/server.js', 'dist/server.js', 'dist/cli.js'];

for (const bundle of BUNDLES) {
  test(`${bundle} makes no code from strings and carries no ajv compiler`, () => {
    const code = fs.readFileSync(path.join(root, bundle), 'utf8');
    assert.ok(!code.includes('new Function('), `${bundle} calls new Function(`);
    // A message of ajv's core (Ajv.addSchema), which comes into a bundle with the compiler.
    assert.ok(!code.includes('schema with key or id'), `${bundle} bundles ajv's compiler`);
  });
}

// Bundles the extension client, the language server and the CLI with esbuild into dist/, and
// compiles the curated YAML of data/ into dist/curated.json. ISO's catalog stays in data/ outside
// the bundles, so they stay small and the catalog is read once, at start-up, by the adapter.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

// Minified always: a smaller bundle loads faster, and start-up time is a feature of a language
// server. Source maps stay beside the bundles for development and are left out of the package.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
};

/** data/*.yaml and data/controls/*.yaml as one JSON document (the Curated type of the catalog). */
function compileCurated() {
  const read = (file) => parse(fs.readFileSync(file, 'utf8'));
  const controls = fs
    .readdirSync('data/controls')
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => read(path.join('data/controls', f)));
  const curated = {
    frameworks: read('data/frameworks.yaml').frameworks,
    families: read('data/families.yaml').families,
    summaries: read('data/summaries.yaml').summaries,
    formerNames: read('data/former-names.yaml').formerNames,
    controlSets: controls.filter((d) => !('pairs' in d)),
    correspondences: controls.filter((d) => 'pairs' in d),
  };
  fs.mkdirSync('dist', { recursive: true });
  const temp = 'dist/curated.json.tmp';
  fs.writeFileSync(temp, JSON.stringify(curated));
  fs.renameSync(temp, 'dist/curated.json');
}

compileCurated();
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/node.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);

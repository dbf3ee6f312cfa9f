// Bundles the extension client, the language server and the CLI with esbuild into dist/ (and the
// client and server of VS Code for the Web into dist/web/, for the browser), and
// compiles the curated YAML of data/ into dist/curated.json. ISO's catalog stays in data/ outside
// the bundles, so they stay small and the catalog is read once, at start-up, by the adapter.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { writeConfigValidator } from './config-schema.mjs';
import { writeCustomDataValidator } from './custom-data-validator.mjs';

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
  // jsonc-parser's main build is UMD, whose require('./impl/…') esbuild cannot follow; its ES
  // modules build is the same code (VS Code's own extensions bundle that one too).
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// VS Code for the Web: the client runs in the browser's extension host (a worker that loads a
// CommonJS module), the server in a worker of its own. Built for the browser, so that a Node API
// that reached them would fail the build rather than the user.
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  define: { NORMREF_VERSION: JSON.stringify(JSON.parse(fs.readFileSync('package.json', 'utf8')).version) },
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
    unreadSchemes: read('data/unread-schemes.yaml').unreadSchemes,
    areaNames: read('data/area-names.yaml').areaNames,
    controlSets: controls.filter((d) => !('pairs' in d)),
    correspondences: controls.filter((d) => 'pairs' in d),
  };
  fs.mkdirSync('dist', { recursive: true });
  const temp = 'dist/curated.json.tmp';
  fs.writeFileSync(temp, JSON.stringify(curated));
  fs.renameSync(temp, 'dist/curated.json');
}

/**
 * An index of data/iso-deliverables.json (one record per line): byte range, ISO id and document
 * key of each record, and the records of each key. The server reads it instead of the catalog's
 * 12 MB of JSON, and decodes a record only when a feature needs it.
 */
function indexCatalog() {
  const bytes = fs.readFileSync('data/iso-deliverables.json');
  const header = bytes.toString('utf8', 0, bytes.indexOf('"deliverables"'));
  const committees = JSON.parse(`${header.replace(/,\s*$/, '')}}`).committees ?? {};
  const starts = [];
  const ends = [];
  const isoIds = [];
  const byKey = new Map();
  const publishersByKey = new Map();
  let newestPublication = '';
  for (let start = bytes.indexOf(10) + 1; start > 0 && start < bytes.length; ) {
    const end = bytes.indexOf(10, start) < 0 ? bytes.length : bytes.indexOf(10, start);
    const line = bytes.toString('utf8', start, end).trim();
    if (line.startsWith('[')) {
      const [isoId, , type, , publishers, number, parts, , , published] = JSON.parse(line.replace(/,$/, ''));
      if (published && published > newestPublication) newestPublication = published;
      // As documentKey in server/src/service/scan/format.ts: Guides, IWAs and TTAs are numbered on their own.
      const base = parts ? `${number}-${parts}` : number;
      const key = type === 'Guide' || type === 'IWA' || type === 'TTA' ? `${type} ${base}` : base;
      byKey.set(key, [...(byKey.get(key) ?? []), starts.length]);
      publishersByKey.set(key, new Set([...(publishersByKey.get(key) ?? []), ...publishers.split('/').filter(Boolean)]));
      starts.push(start);
      ends.push(end);
      isoIds.push(isoId);
    }
    start = end + 1;
  }
  const keys = [...byKey.keys()].sort();
  const index = {
    bytes: bytes.length,
    committees,
    starts,
    ends,
    isoIds,
    keys,
    records: keys.map((k) => byKey.get(k)),
    // Every publisher of any edition of the key, so completion can filter without decoding records.
    publishers: keys.map((k) => [...publishersByKey.get(k)].join('/')),
    // How recent the data is: a year after it may be an edition normref does not know yet.
    newestPublication,
  };
  fs.writeFileSync('dist/catalog-index.json.tmp', JSON.stringify(index));
  fs.renameSync('dist/catalog-index.json.tmp', 'dist/catalog-index.json');
}

compileCurated();
indexCatalog();
writeConfigValidator();
writeCustomDataValidator();
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/node.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...web, entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] }),
  esbuild.build({ ...web, entryPoints: ['server/src/browser.ts'], outfile: 'dist/web/server.js', format: 'iife' }),
]);

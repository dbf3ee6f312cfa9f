// Reads the bundled dataset for the Node adapters (the server and the CLI): ISO's catalog from
// data/ with the index the build makes of it (dist/catalog-index.json), and the curated data the
// build compiles from data/*.yaml (dist/curated.json).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOG_FILES, messageBundleFiles } from './catalog-files';
import type { CatalogBytes, CatalogSources, MessageBundle } from './service';

/** The package root: the folder holding data/ (beside dist/ in the package; found walking up in tests). */
export function findPackageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, CATALOG_FILES.deliverables))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`normref: ${CATALOG_FILES.deliverables} not found above ${from}`);
  }
}

export function readCatalogSources(root: string = findPackageRoot()): CatalogSources {
  const built = (file: string) => {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) throw new Error(`normref: ${full} is missing: run npm run build`);
    return JSON.parse(fs.readFileSync(full, 'utf8'));
  };
  return {
    deliverables: fileBytes(path.join(root, CATALOG_FILES.deliverables)),
    index: built(CATALOG_FILES.index),
    curated: built(CATALOG_FILES.curated),
  };
}

/**
 * A file read a range at a time: the catalog's records are decoded one by one when first asked
 * for, and a process asks for a few hundred of them, so reading the whole file at start-up (tens of
 * milliseconds, and as much memory) is wasted. The file stays open for the life of the process.
 */
function fileBytes(file: string): CatalogBytes {
  const fd = fs.openSync(file, 'r');
  return {
    length: fs.fstatSync(fd).size,
    subarray(start, end) {
      const bytes = Buffer.allocUnsafe(end - start);
      for (let read = 0; read < bytes.length; ) {
        const n = fs.readSync(fd, bytes, read, bytes.length - read, start + read);
        if (n === 0) throw new Error(`normref: ${file} ended at ${start + read} bytes: it changed since start-up`);
        read += n;
      }
      return bytes;
    },
  };
}

/**
 * The server's messages in a locale's language, from the bundles VS Code's extensions ship
 * (l10n/bundle.l10n.<language>.json): "fr-CA" takes fr-ca, else fr. English is the source text.
 */
export function readMessageBundle(locale: string, root: string = findPackageRoot()): MessageBundle | undefined {
  for (const relative of messageBundleFiles(locale)) {
    const file = path.join(root, relative);
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as MessageBundle;
  }
  return undefined;
}

/** The version in the package's package.json, for --version and the server's info. */
export function packageVersion(root: string = findPackageRoot()): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

// Where the bundled dataset lies in the extension's package, and how its texts reach a server
// without a disk. The Node adapters read these files themselves (data-files.ts); in VS Code for
// the Web the client reads them with VS Code's file system API and sends them to the server in
// its web worker, as text, so the message stays JSON as LSP's messages are.
import type { CatalogSources } from './service';

/** Paths relative to the package root, with forward slashes (URI paths and Node paths alike). */
export const CATALOG_FILES = {
  /** ISO's catalog, one record per line. */
  deliverables: 'data/iso-deliverables.json',
  /** Its index (made by scripts/build.mjs). */
  index: 'dist/catalog-index.json',
  /** The curated data of data/*.yaml (compiled by scripts/build.mjs). */
  curated: 'dist/curated.json',
} as const;

/** The notification from the client that carries the catalog's texts to a server in a web worker. */
export const CATALOG_NOTIFICATION = 'normref/catalog';

/** The catalog's texts, and the messages of the client's display language, if normref has them. */
export type CatalogTexts = Record<keyof typeof CATALOG_FILES, string> & { messages?: string };

/**
 * The message bundles that may hold a locale's messages, most specific first: "fr-CA" is looked up
 * as fr-ca, then fr. English and tags that are not language tags have none.
 */
export function messageBundleFiles(locale: string): string[] {
  const tag = locale.toLowerCase();
  return [...new Set([tag, tag.split('-')[0]])].filter((l) => l !== 'en' && /^[a-z]{2,3}(-[a-z0-9]+)*$/.test(l)).map((l) => `l10n/bundle.l10n.${l}.json`);
}

export function catalogFromTexts(texts: CatalogTexts): CatalogSources {
  return {
    // The index gives byte offsets into the file: the text is encoded back to the bytes it came from.
    deliverables: new TextEncoder().encode(texts.deliverables),
    index: JSON.parse(texts.index),
    curated: JSON.parse(texts.curated),
  };
}

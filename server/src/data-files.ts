// Reads the bundled dataset (data/ beside dist/) for the Node adapters: the server and the CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CatalogSources } from './service';

const FILES = {
  deliverables: 'iso-deliverables.json',
  frameworks: 'frameworks.yaml',
  families: 'families.yaml',
  summaries: 'summaries.yaml',
  formerNames: 'former-names.yaml',
} as const;

/** The data/ folder: beside dist/ in the package, or found walking up from the compiled sources in tests. */
export function findDataDir(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'data');
    if (fs.existsSync(path.join(candidate, FILES.deliverables))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`normref: data/${FILES.deliverables} not found above ${from}`);
  }
}

export function readCatalogSources(dataDir: string = findDataDir()): CatalogSources {
  const read = (name: string) => fs.readFileSync(path.join(dataDir, name), 'utf8');
  const controlsDir = path.join(dataDir, 'controls');
  const controls = fs.existsSync(controlsDir)
    ? fs.readdirSync(controlsDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => read(path.join('controls', f)))
    : [];
  return {
    controls,
    deliverables: read(FILES.deliverables),
    frameworks: read(FILES.frameworks),
    families: read(FILES.families),
    summaries: read(FILES.summaries),
    formerNames: read(FILES.formerNames),
  };
}

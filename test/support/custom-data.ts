// A service with the bundled data and the custom data fixture (test/fixtures/custom-data), made
// once for the tests and the fuzz suite that need custom ids in the scan.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createService, type NormrefService } from '../../server/src/service';
import { bundledService } from './catalog';

export const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/custom-data/example-corp.yaml');

/** The most ways of matching a pattern may have (10 × 10), with ids that start like words: the worst the scan allows. */
export const WORST_ALLOWED = `internal:\n  - name: Worst allowed\n    pattern: '[A-Z]{1,10}[A-Z0-9]{0,9}-\\d'\n`;

let service: NormrefService | undefined;

/** A new service over the bundled catalog (shared, not read again), with no custom data yet. */
export function freshService(): NormrefService {
  return createService(bundledService().catalog);
}

export function customService(): NormrefService {
  if (!service) {
    service = freshService();
    const problems = service.setCustomData([
      { source: 'example-corp.yaml', text: fs.readFileSync(FIXTURE, 'utf8') },
      { source: 'worst.yaml', text: WORST_ALLOWED },
    ]);
    for (const [source, list] of problems) if (list.length) throw new Error(`${source}: ${list.map((p) => p.message).join('; ')}`);
  }
  return service;
}

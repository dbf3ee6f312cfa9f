// The bundled catalog, loaded once for the unit tests that need real data.
import { readCatalogSources } from '../../server/src/data-files';
import { createService, type NormrefService } from '../../server/src/service';

let service: NormrefService | undefined;
export function bundledService(): NormrefService {
  service ??= createService(readCatalogSources());
  return service;
}

/** The scanner's vocabulary of the bundled data: frameworks, area names, practices. */
export function bundledVocabulary() {
  return bundledService().catalog.controls.vocabulary;
}

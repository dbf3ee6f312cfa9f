// The bundled catalog, loaded once for the unit tests that need real data.
import { readCatalogSources } from '../../server/src/data-files';
import { createService, type NormrefService } from '../../server/src/service';

let service: NormrefService | undefined;
export function bundledService(): NormrefService {
  service ??= createService(readCatalogSources());
  return service;
}

import type { AppVersion, Catalog } from '@libs/catalog';
import type { AppCatalog } from '@libs/domain';

/** The domain's view of the catalog: keys, names, connection types and modules (no URLs, no client secrets). */
export function toDomainCatalog(catalog: Catalog): AppCatalog {
  return {
    apps: catalog.apps().map((app) => ({
      key: app.key,
      name: app.name,
      unavailableReason: catalog.unavailableReason(app.key),
      versions: app.versions.map((v: AppVersion) => ({
        version: v.version,
        connectionType: v.connection.type,
        modules: v.modules.map((m) => ({ key: m.key, name: m.name, scopes: [...m.scopes] })),
      })),
    })),
  };
}

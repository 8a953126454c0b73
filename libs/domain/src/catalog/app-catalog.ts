import type { ConnectionType } from '../shared/types';

/**
 * The app catalog as the domain sees it. The caller loads it (file, database) and passes it in: the domain never
 * reads it itself.
 */
export interface CatalogModule {
  key: string;
  name: string;
  scopes: string[];
}

export interface CatalogAppVersion {
  version: number;
  connectionType: ConnectionType;
  modules: CatalogModule[];
}

export interface CatalogApp {
  key: string;
  name: string;
  versions: CatalogAppVersion[];
  /** Set when the app cannot be requested now (e.g. its OAuth2 client is not configured). */
  unavailableReason?: string | null;
}

export interface AppCatalog {
  apps: CatalogApp[];
}

export function findApp(catalog: AppCatalog, appKey: string): CatalogApp | undefined {
  return catalog.apps.find((app) => app.key === appKey);
}

/** The latest version is the highest number, whatever order the catalog lists them in. */
export function latestVersion(app: CatalogApp): CatalogAppVersion | undefined {
  return app.versions.reduce<CatalogAppVersion | undefined>(
    (best, v) => (best === undefined || v.version > best.version ? v : best),
    undefined,
  );
}

export function findVersion(app: CatalogApp, version: number | null | undefined): CatalogAppVersion | undefined {
  if (version === null || version === undefined) return latestVersion(app);
  return app.versions.find((v) => v.version === version);
}

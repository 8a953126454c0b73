import type { ModuleRef } from '@nestjs/core';
import { CATALOG } from '@libs/application';
import type { Catalog, ModuleSpec } from '@libs/catalog';
import type { AppModule, Language } from '../../platform/graphql';

/** CATALOG lives in ApplicationModule (imported once by GatewayModule, not global): looked up, not injected. */
export function catalogOf(moduleRef: ModuleRef): Catalog {
  return moduleRef.get<Catalog>(CATALOG, { strict: false });
}

/** A module as the API shows it: its English name and the catalog's translations of it (issue 10). */
export function toAppModule(
  module: Pick<ModuleSpec, 'key' | 'name' | 'scopes'>,
  translated?: ModuleSpec['names'],
): AppModule {
  const names = Object.entries(translated ?? {}).map(([language, name]) => ({
    language: language as Language,
    name: name as string,
  }));
  return { key: module.key, name: module.name, scopes: [...module.scopes], names };
}

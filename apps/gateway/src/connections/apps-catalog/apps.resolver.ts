import { Query, Resolver } from '@nestjs/graphql';
import { ModuleRef } from '@nestjs/core';
import type { Catalog } from '@libs/catalog';
import { App } from '../../platform/graphql';
import { catalogOf, toAppModule } from './catalog-modules';

@Resolver()
export class AppsResolver {
  private catalog?: Catalog;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** The app catalog (every app, every version, modules with their scopes), in the catalog's order. */
  @Query(() => [App])
  apps(): App[] {
    const catalog = (this.catalog ??= catalogOf(this.moduleRef));
    return catalog.apps().map((app) => ({
      key: app.key,
      name: app.name,
      available: catalog.unavailableReason(app.key) === null,
      unavailableReason: catalog.unavailableReason(app.key),
      versions: app.versions.map((v) => ({
        version: v.version,
        connectionType: v.connection.type,
        modules: v.modules.map((m) => toAppModule(m, m.names)),
      })),
    }));
  }
}

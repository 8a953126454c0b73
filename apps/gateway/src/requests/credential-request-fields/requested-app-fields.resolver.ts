import { Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Catalog } from '@libs/catalog';
import { READ_MODELS, type ReadModels } from '@projections';
import { AppModule, Connection, RequestedApp } from '../../platform/graphql';
import { catalogOf, toAppModule } from '../../connections/apps-catalog/catalog-modules';
import type { RequestedAppView } from '../request-views';
import { toConnection } from '../connection-view';

/** RequestedApp.connection: name, health and usage (R7.3, R8.4) — never a secret (there is no such field). */
@Resolver(() => RequestedApp)
export class RequestedAppFieldsResolver {
  private catalog?: Catalog;

  constructor(
    @Inject(READ_MODELS) private readonly read: ReadModels,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The modules as requested (their names then), with the catalog's translations of the same version. */
  @ResolveField(() => [AppModule])
  modules(@Parent() app: RequestedAppView): AppModule[] {
    const catalog = (this.catalog ??= catalogOf(this.moduleRef));
    return app.modules.map((m) => toAppModule(m, catalog.module(app.appKey, app.version, m.key)?.names));
  }

  @ResolveField(() => Connection, { nullable: true })
  async connection(@Parent() app: RequestedAppView): Promise<Connection | null> {
    if (!app.connectionId) return null;
    const row = await this.read.connectionById(app.connectionId);
    return row ? toConnection(row) : null;
  }
}

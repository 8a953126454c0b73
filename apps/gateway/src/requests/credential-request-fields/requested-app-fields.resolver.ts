import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { READ_MODELS, type ReadModels } from '@projections';
import { Connection, RequestedApp } from '../../platform/graphql';
import type { RequestedAppView } from '../request-views';
import { toConnection } from '../connection-view';

/** RequestedApp.connection: name, health and usage (R7.3, R8.4) — never a secret (there is no such field). */
@Resolver(() => RequestedApp)
export class RequestedAppFieldsResolver {
  constructor(@Inject(READ_MODELS) private readonly read: ReadModels) {}

  @ResolveField(() => Connection, { nullable: true })
  async connection(@Parent() app: RequestedAppView): Promise<Connection | null> {
    if (!app.connectionId) return null;
    const row = await this.read.connectionById(app.connectionId);
    return row ? toConnection(row) : null;
  }
}

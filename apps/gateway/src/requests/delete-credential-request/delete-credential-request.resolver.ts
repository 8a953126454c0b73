import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { DeleteCredentialRequestCommand } from '@libs/application';
import { READ_MODELS, type ReadModels } from '@projections';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { DeletedCredentialRequest } from '../../platform/graphql';
import { toConnection } from '../connection-view';
import { commandContext } from '../../platform/shared/command-context';
import { ReadYourWrites } from '@projections';

@Resolver()
export class DeleteCredentialRequestResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_MODELS) private readonly read: ReadModels,
  ) {}

  /**
   * R9.1: requester, recipient or org OWNER/ADMIN. `removedConnections` (R13.6): the connections that were not yet
   * DELETED, read after the delete was projected, so they show status DELETED.
   */
  @Mutation(() => DeletedCredentialRequest)
  async deleteCredentialRequest(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() caller: Caller,
  ): Promise<DeletedCredentialRequest> {
    const result = await this.commands.execute(
      new DeleteCredentialRequestCommand({ requestId: id }, commandContext(caller)),
    );
    await this.readYourWrites.after(result.position);
    const removed = new Set(result.removedConnectionIds);
    const connections = await this.read.connectionsOfRequest(result.requestId);
    return { id: result.requestId, removedConnections: connections.filter((c) => removed.has(c.id)).map(toConnection) };
  }
}

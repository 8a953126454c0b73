import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideOrganization, streams } from '@libs/domain';
import type { DirectoryIndex } from '../../ports/directory-index';
import { foldOrganization } from '../../shared/folds';
import { newId } from '../../shared/ids';
import { StreamRunner } from '../../shared/stream-runner';
import { DIRECTORY_INDEX } from '../../shared/tokens';
import { CreateOrganizationCommand, type CreateOrganizationResult } from './create-organization.command';

@CommandHandler(CreateOrganizationCommand)
export class CreateOrganizationHandler implements ICommandHandler<CreateOrganizationCommand> {
  constructor(
    private readonly runner: StreamRunner,
    @Inject(DIRECTORY_INDEX) private readonly index: DirectoryIndex,
  ) {}

  async execute({ input, context }: CreateOrganizationCommand): Promise<CreateOrganizationResult> {
    const organizationId = newId();
    const { position } = await this.runner.run({
      stream: streams.organization(organizationId),
      fold: foldOrganization,
      context,
      decide: (state) =>
        decideOrganization(
          { type: 'CreateOrganization', data: { actor: context.actor, organizationId, ...input } },
          state,
        ),
      beforeAppend: async () => {
        if (context.actor.userId !== null) await this.index.recordMembership(context.actor.userId, organizationId);
      },
    });
    return { organizationId, position };
  }
}

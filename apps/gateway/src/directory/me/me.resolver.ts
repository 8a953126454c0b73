import { requestCorrelationId } from '../../platform/shared/command-context';
import { Context, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { ProvisionIdentityCommand } from '@libs/application';
import { DomainError } from '@libs/domain';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { User } from '../../platform/graphql';
import { DirectoryLoaders } from '../directory-loader';
import { toUserParent, type UserParent } from '../directory-parents';
import { ReadYourWrites } from '@projections';

@Resolver()
export class MeResolver {
  constructor(
    private readonly loaders: DirectoryLoaders,
    private readonly commandBus: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /**
   * The caller, provisioned by the auth guard (R1.2). The guard's provisioner does not say where its write landed,
   * so when the read model does not show it yet (first call) or shows an older binding, the (idempotent)
   * provisioning command runs again for its position and the answer waits for it (R7.6).
   */
  @Query(() => User)
  async me(@CurrentIdentity() caller: Caller, @Context() context: object): Promise<UserParent> {
    const loader = this.loaders.for(context);
    let row = await loader.user(caller.userId);
    const stale = !row || (caller.emailVerified && (row.subject !== caller.subject || row.name !== caller.name));
    if (stale) {
      const { position } = await this.commandBus.execute(
        new ProvisionIdentityCommand(
          { subject: caller.subject, email: caller.email, name: caller.name, emailVerified: caller.emailVerified },
          { correlationId: requestCorrelationId(), causationId: null },
        ),
      );
      await this.readYourWrites.after(position);
      loader.clear();
      row = await loader.user(caller.userId);
    }
    if (!row) throw new DomainError('NOT_FOUND', 'user not found');
    return toUserParent(row);
  }
}

import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CreateCredentialRequestCommand } from '@libs/application';
import type { CreateCredentialRequestInput as DomainInput } from '@libs/domain';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { CreateCredentialRequestInput, CredentialRequest } from '../../platform/graphql';
import { commandContext } from '../../platform/shared/command-context';
import { ReadYourWrites } from '@projections';
import { RequestViews, type CredentialRequestView } from '../request-views';

@Resolver()
export class CreateCredentialRequestResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly views: RequestViews,
  ) {}

  /** R4: a repeated idempotency key answers the first request (R4.3), CONFLICT for another payload (R13.4). */
  @Mutation(() => CredentialRequest)
  async createCredentialRequest(
    @Args('input') input: CreateCredentialRequestInput,
    @CurrentIdentity() caller: Caller,
  ): Promise<CredentialRequestView> {
    const { requestId, position } = await this.commands.execute(
      new CreateCredentialRequestCommand(plain(input), commandContext(caller)),
    );
    await this.readYourWrites.after(position);
    return this.views.visible(requestId, caller.userId);
  }
}

/**
 * The validated input instance as plain data: absent optionals dropped, so the payload digest (R4.3) depends on
 * what the client sent, not on how class-transformer shaped it.
 */
function plain(input: CreateCredentialRequestInput): DomainInput {
  return JSON.parse(JSON.stringify(input)) as DomainInput;
}

import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { CredentialRequest } from '../../platform/graphql';
import { RequestViews, type CredentialRequestView } from '../request-views';

@Resolver()
export class CredentialRequestResolver {
  constructor(private readonly views: RequestViews) {}

  /**
   * R7.3 / R7.4. The contract makes the field nullable, but a missing, deleted (R7.5) or hidden request is a
   * NOT_FOUND error with one message for all three (R13.4), so a client can tell "gone" from a transport problem.
   */
  @Query(() => CredentialRequest, { nullable: true })
  async credentialRequest(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() caller: Caller,
  ): Promise<CredentialRequestView> {
    return this.views.visible(id, caller.userId);
  }
}

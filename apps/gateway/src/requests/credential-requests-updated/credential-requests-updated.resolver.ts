import { Inject } from '@nestjs/common';
import { Context, Resolver, Subscription } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { DomainError } from '@libs/domain';
import { LOGGER } from '@libs/infrastructure';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { RequestUpdates } from '../credential-request-updated/request-updates';
import { UpdateChannel } from '../credential-request-updated/update-channel';
import { CredentialRequest } from '../../platform/graphql';
import { RequestViews, type CredentialRequestView } from '../request-views';
import { DirectoryLoaders } from '../../directory/directory-loader';

type Payload = { credentialRequestsUpdated: CredentialRequestView };

@Resolver()
export class CredentialRequestsUpdatedResolver {
  constructor(
    private readonly updates: RequestUpdates,
    private readonly views: RequestViews,
    private readonly loaders: DirectoryLoaders,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * R12.7 for lists: after each projected change of any request, the request as `credentialRequest(id)` answers it
   * for this viewer — only when the viewer may see it (R7.4: the same check, the same view). Nothing is sent first
   * (the list was just queried). Decision: a request that became invisible or was deleted is not announced (there
   * is no request left to send); lists refetch when `credentialRequestUpdated(id)` of an open page completes. It
   * answers once the event subscription runs (it starts with a gateway's first listener).
   */
  @Subscription(() => CredentialRequest)
  async credentialRequestsUpdated(
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<AsyncIterableIterator<Payload>> {
    let reading = Promise.resolve();
    const channel: UpdateChannel<Payload> = new UpdateChannel(() => unlisten());
    const unlisten = this.updates.listenAll((id) => {
      // In order, one at a time: two quick changes give two answers, the later one last.
      reading = reading.then(async () => {
        try {
          const view = await this.views.visible(id, caller.userId);
          // One context serves every push: each reads the directory afresh (a row's organization and the viewer's
          // role in it), as credentialRequestUpdated's pushes do.
          this.loaders.for(context).clear();
          channel.push({ credentialRequestsUpdated: view });
        } catch (error) {
          if (error instanceof DomainError && error.code === 'NOT_FOUND') return;
          this.logger.error({ err: error, requestId: id }, 'live update could not be read');
        }
      });
    });
    await this.updates.settled();
    return channel;
  }
}

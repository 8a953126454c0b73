import { Inject } from '@nestjs/common';
import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { DomainError } from '@libs/domain';
import { LOGGER } from '@libs/infrastructure';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { CredentialRequest } from '../../platform/graphql';
import { DirectoryLoaders } from '../../directory/directory-loader';
import { RequestViews, type CredentialRequestView } from '../request-views';
import { RequestUpdates } from './request-updates';
import { UpdateChannel } from './update-channel';

type Payload = { credentialRequestUpdated: CredentialRequestView };

@Resolver()
export class CredentialRequestUpdatedResolver {
  constructor(
    private readonly updates: RequestUpdates,
    private readonly views: RequestViews,
    private readonly loaders: DirectoryLoaders,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * R12.7: after the R7.4 check (NOT_FOUND like `credentialRequest(id)`), the request is pushed as
   * `credentialRequest(id)` answers it for this viewer: first as it is now (so a client never misses a change made
   * between its query and its subscription), then after each projected change. When the viewer may no longer see
   * it (deleted, access lost) the subscription completes. After the check the listeners go in, and "as it is now"
   * is read once the event subscription runs (it starts with a gateway's first listener): no change falls between.
   */
  @Subscription(() => CredentialRequest)
  async credentialRequestUpdated(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<AsyncIterableIterator<Payload>> {
    // One context serves every push of the subscription: each push reads the directory afresh (the viewer's role in
    // the team may have changed since the last one), not from the memo of the first.
    const push = (view: CredentialRequestView) => {
      this.loaders.for(context).clear();
      channel.push({ credentialRequestUpdated: view });
    };
    // Refused before anything listens: a probe for ids it may not see starts no event subscription.
    await this.views.visible(id, caller.userId);
    let reading = Promise.resolve();
    const channel: UpdateChannel<Payload> = new UpdateChannel(() => {
      unlisten();
      unlistenDirectory();
    });
    // R13.13: a viewer removed from the team or organization loses the subscription at once, not at the next change.
    const unlistenDirectory = this.updates.listenDirectory(() => {
      reading = reading.then(async () => {
        try {
          await this.views.visible(id, caller.userId);
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) {
            this.logger.error({ err: error, requestId: id }, 'live update could not be re-checked');
          }
          channel.close();
        }
      });
    });
    const unlisten = this.updates.listen(id, () => {
      // Re-read in order, one at a time: two quick changes give two answers, the later one last.
      reading = reading.then(async () => {
        try {
          push(await this.views.visible(id, caller.userId));
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) {
            this.logger.error({ err: error, requestId: id }, 'live update could not be read');
          }
          channel.close();
        }
      });
    });
    const current = this.updates.settled().then(() => this.views.visible(id, caller.userId));
    reading = current.then(
      (view) => push(view),
      () => undefined,
    );
    try {
      await current;
    } catch (error) {
      channel.close();
      throw error;
    }
    return channel;
  }
}

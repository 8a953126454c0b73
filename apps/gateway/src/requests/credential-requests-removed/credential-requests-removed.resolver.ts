import { Inject } from '@nestjs/common';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { DomainError } from '@libs/domain';
import { LOGGER } from '@libs/infrastructure';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { RequestUpdates } from '../credential-request-updated/request-updates';
import { UpdateChannel } from '../credential-request-updated/update-channel';
import { RequestViews } from '../request-views';

type Payload = { credentialRequestsRemoved: string };

/** A list page's worth, with room: a longer list is refused rather than watched. */
export const MAX_WATCHED = 100;

@Resolver()
export class CredentialRequestsRemovedResolver {
  constructor(
    private readonly updates: RequestUpdates,
    private readonly views: RequestViews,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * R12.7 for lists, the other half of `credentialRequestsUpdated`: the id of a request in view (`ids`, the rows a
   * list shows) once this viewer may no longer see it — deleted, or access lost (R13.13). Only ids the viewer may see
   * when subscribing are watched, so an id never seen tells nothing about a request (R7.1): a probe gets no answer,
   * ever. A list refetches on each id; when its rows change it subscribes again with the new ones.
   */
  @Subscription(() => ID)
  async credentialRequestsRemoved(
    @Args('ids', { type: () => [ID] }) ids: string[],
    @CurrentIdentity() caller: Caller,
  ): Promise<AsyncIterableIterator<Payload>> {
    if (ids.length > MAX_WATCHED) {
      throw new DomainError('BAD_USER_INPUT', 'invalid input', [
        { path: 'ids', message: `at most ${MAX_WATCHED} requests at once` },
      ]);
    }
    const watched = new Map<string, () => void>();
    let reading = Promise.resolve();
    const channel: UpdateChannel<Payload> = new UpdateChannel(() => {
      for (const unlisten of watched.values()) unlisten();
      watched.clear();
      unlistenDirectory();
    });
    const recheck = (id: string) => {
      // In order, one at a time, like the update subscriptions.
      reading = reading.then(async () => {
        // Unknown (a failed read) keeps the row: a list is not told to drop what it may still show.
        if (!watched.has(id) || (await this.visibility(id, caller)) !== 'hidden') return;
        watched.get(id)?.();
        watched.delete(id);
        channel.push({ credentialRequestsRemoved: id });
      });
    };
    const unlistenDirectory = this.updates.listenDirectory(() => {
      for (const id of [...watched.keys()]) recheck(id);
    });
    // Listening first, then one read per id once the event subscription runs; rechecks queue behind that read on
    // `reading`. A request that went before its read is dropped unannounced, as one that went before the subscription
    // (the list keeps it until it next refetches).
    const unique = [...new Set(ids)];
    for (const id of unique) {
      watched.set(
        id,
        this.updates.listen(id, () => recheck(id)),
      );
    }
    reading = this.updates.settled().then(async () => {
      for (const id of unique) {
        // Only what the viewer sees now stays watched; unknown (a failed read) does not: nothing is said of it later
        // (R7.1).
        if ((await this.visibility(id, caller)) === 'visible') continue;
        watched.get(id)?.();
        watched.delete(id);
      }
    });
    await reading;
    return channel;
  }

  private async visibility(id: string, caller: Caller): Promise<'visible' | 'hidden' | 'unknown'> {
    try {
      await this.views.visible(id, caller.userId);
      return 'visible';
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return 'hidden';
      this.logger.error({ err: error, requestId: id }, 'removal check could not be read');
      return 'unknown';
    }
  }
}

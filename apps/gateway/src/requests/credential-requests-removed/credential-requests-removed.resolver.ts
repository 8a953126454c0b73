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
   * list shows) once this viewer may no longer see it — deleted, or access lost (R13.13). An id the viewer cannot see
   * when subscribing is answered at once, so a row deleted while its list was subscribing still goes. That answer is
   * the one `credentialRequest(id)` gives (NOT_FOUND), alike for a hidden request and for no request at all, so a
   * probe learns nothing (R7.1). A list refetches on each id; when its rows change it subscribes again.
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
    const channel: UpdateChannel<Payload> = new UpdateChannel(() => {
      for (const unlisten of watched.values()) unlisten();
      watched.clear();
      unlistenDirectory();
    });
    // One read for every id due, in order and one at a time: ids that changed meanwhile wait for the next read.
    const due = new Set<string>();
    let reading = Promise.resolve();
    const recheck = (changed: Iterable<string>) => {
      for (const id of changed) if (watched.has(id)) due.add(id);
      reading = reading.then(async () => {
        const batch = [...due];
        due.clear();
        if (batch.length === 0) return;
        const visible = await this.visibleAmong(batch, caller);
        // Unknown (a failed read) keeps every row: a list is not told to drop what it may still show.
        if (!visible) return;
        for (const id of batch) {
          if (visible.has(id) || !watched.has(id)) continue;
          watched.get(id)?.();
          watched.delete(id);
          channel.push({ credentialRequestsRemoved: id });
        }
      });
    };
    const unlistenDirectory = this.updates.listenDirectory(() => recheck(watched.keys()));
    // Listening first, then the read once the event subscription runs: a change between the two is read either way.
    const unique = [...new Set(ids)];
    for (const id of unique) {
      const unlisten = this.updates.listen(id, () => recheck([id]));
      watched.set(id, unlisten);
    }
    await this.updates.settled();
    recheck(unique);
    return channel;
  }

  private async visibleAmong(ids: string[], caller: Caller): Promise<Set<string> | null> {
    try {
      return await this.views.visibleAmong(ids, caller.userId);
    } catch (error) {
      this.logger.error({ err: error, requestIds: ids }, 'removal check could not be read');
      return null;
    }
  }
}

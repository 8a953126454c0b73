import { Injectable } from '@nestjs/common';
import {
  type CredentialRequestCommand,
  type CredentialRequestEvent,
  type CredentialRequestState,
  decideCredentialRequest,
  DomainError,
  type Membership,
  streams,
  SYSTEM_ACTOR,
} from '@libs/domain';
import type { CommandContext } from '../../shared/command-context';
import { foldRequest } from '../../shared/folds';
import { type LoadedStream, type RunOptions, type RunResult, StreamRunner } from '../../shared/stream-runner';
import { RequestMembership } from './request-membership';

type Extras = Pick<RunOptions<CredentialRequestState, CredentialRequestEvent>, 'beforeAppend' | 'eventId'>;

/**
 * The request handlers' one shape: the request's stream and fold, and the caller's membership as of the very state
 * a decision is taken on (looked up again on every retry, since membership may change between attempts).
 */
@Injectable()
export class RequestCommands {
  constructor(
    private readonly runner: StreamRunner,
    private readonly membership: RequestMembership,
  ) {}

  /** The request as it is now, with the caller's membership in it: for the refusals that come before any I/O. */
  async load(
    requestId: string,
    context: CommandContext,
  ): Promise<LoadedStream<CredentialRequestState> & { membership: Membership }> {
    const loaded = await this.runner.load(streams.credentialRequest(requestId), foldRequest);
    return { ...loaded, membership: await this.membership.of(loaded.state, context.actor) };
  }

  /** Decides `command(membership, state)` on the request and appends, retried on a concurrent write. */
  run(
    requestId: string,
    context: CommandContext,
    command: (
      membership: Membership,
      state: CredentialRequestState,
    ) => CredentialRequestCommand | Promise<CredentialRequestCommand>,
    extras: Extras = {},
  ): Promise<RunResult<CredentialRequestState, CredentialRequestEvent>> {
    return this.runner.run({
      stream: streams.credentialRequest(requestId),
      fold: foldRequest,
      context,
      decide: async (state) =>
        decideCredentialRequest(await command(await this.membership.of(state, context.actor), state), state),
      ...extras,
    });
  }

  /**
   * A command the system runs on its own schedule (a token refresh, an end of access). A request revoked, declined
   * or deleted meanwhile makes it a no-op, answered with `skipped` and the stream's position: never an error to
   * retry.
   */
  async runAsSystem(
    requestId: string,
    context: Omit<CommandContext, 'actor'>,
    command: (state: CredentialRequestState) => CredentialRequestCommand | Promise<CredentialRequestCommand>,
    extras: Extras = {},
  ): Promise<{ events: CredentialRequestEvent[]; skipped: string | null; position: string }> {
    try {
      const result = await this.run(
        requestId,
        { ...context, actor: SYSTEM_ACTOR },
        (_m, state) => command(state),
        extras,
      );
      return { events: result.events, skipped: null, position: result.position };
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) {
        const last = await this.runner.load(streams.credentialRequest(requestId), () => null);
        return { events: [], skipped: error.message, position: last.lastPosition };
      }
      throw error;
    }
  }
}

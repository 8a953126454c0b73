import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Catalog } from '@libs/catalog';
import { type AuthorizeAppRequest, existingConnectionId, precheckAuthorizeApp } from '@libs/domain';
import type { FetchLike, VaultRepository } from '@libs/vault';
import { newId } from '../../shared/ids';
import { CATALOG, CLOCK, type Clock, VAULT, VERIFICATION_FETCH } from '../../shared/tokens';
import { type AppActionResult, appActionResult } from '../shared/app-action-result';
import { RequestCommands } from '../shared/request-commands';
import { credentialsGiven, secretFor, verifyAgainstApp } from '../shared/verification';
import { AuthorizeAppCommand } from './authorize-app.command';

@CommandHandler(AuthorizeAppCommand)
export class AuthorizeAppHandler implements ICommandHandler<AuthorizeAppCommand> {
  constructor(
    private readonly requests: RequestCommands,
    @Inject(CATALOG) private readonly catalog: Catalog,
    @Inject(VAULT) private readonly vault: VaultRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VERIFICATION_FETCH) private readonly fetchImpl: FetchLike,
  ) {}

  async execute({ input, context }: AuthorizeAppCommand): Promise<AppActionResult> {
    const request = (membership: AuthorizeAppRequest['membership']): AuthorizeAppRequest => ({
      actor: context.actor,
      membership,
      appKey: input.appKey,
      channel: 'CREDENTIALS',
      credentials: credentialsGiven(input),
      accessUntil: input.accessUntil ?? null,
      now: this.clock.now().toISOString(),
    });

    // Every refusal before the app is called: a refused command never sends a secret anywhere.
    const loaded = await this.requests.load(input.requestId, context);
    const app = precheckAuthorizeApp(loaded.state, request(loaded.membership));
    const secret = secretFor(app, input);
    const verdict = await verifyAgainstApp(this.catalog, app, secret, this.fetchImpl);

    // R13.6: a new connection gets this id; an app that had one (authorize again after revoke) keeps its own.
    const freshId = newId();
    let freshWritten = false;
    try {
      const result = await this.requests.run(
        input.requestId,
        context,
        (membership, state) => ({
          type: 'AuthorizeApp',
          data: {
            ...request(membership),
            outcome: verdict.accepted
              ? { accepted: true, connectionId: existingConnectionId(state, app.appKey) ?? freshId, expiresAt: null }
              : { accepted: false, error: verdict.message },
          },
        }),
        {
          // The secret is stored before the event makes the connection usable (never an ACTIVE connection without it).
          beforeAppend: async (events) => {
            for (const event of events) {
              if (event.type !== 'AppAuthorized') continue;
              await this.vault.put(event.data.connectionId, secret);
              if (event.data.connectionId === freshId) freshWritten = true;
            }
          },
        },
      );
      const outcome = appActionResult(result.state, result.events, app.appKey, result.position);
      // A retry may have found an existing connection after a first attempt had stored under the fresh id.
      if (freshWritten && outcome.connectionId !== freshId) await this.vault.erase(freshId);
      return outcome;
    } catch (error) {
      // The append failed: a secret stored under a new id belongs to no connection. A reused id keeps its row
      // (its connection exists and the runtime refuses it by status).
      if (freshWritten) await this.vault.erase(freshId);
      throw error;
    }
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Catalog } from '@libs/catalog';
import { type Membership, precheckUpdateCredentials, type UpdateCredentialsRequest } from '@libs/domain';
import type { FetchLike, VaultRepository } from '@libs/vault';
import { CATALOG, CLOCK, type Clock, VAULT, VERIFICATION_FETCH } from '../../shared/tokens';
import { type AppActionResult, appActionResult } from '../shared/app-action-result';
import { RequestCommands } from '../shared/request-commands';
import { credentialsGiven, secretFor, verifyAgainstApp } from '../shared/verification';
import { UpdateCredentialsCommand } from './update-credentials.command';

@CommandHandler(UpdateCredentialsCommand)
export class UpdateCredentialsHandler implements ICommandHandler<UpdateCredentialsCommand> {
  constructor(
    private readonly requests: RequestCommands,
    @Inject(CATALOG) private readonly catalog: Catalog,
    @Inject(VAULT) private readonly vault: VaultRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VERIFICATION_FETCH) private readonly fetchImpl: FetchLike,
  ) {}

  async execute({ input, context }: UpdateCredentialsCommand): Promise<AppActionResult> {
    const request = (membership: Membership): UpdateCredentialsRequest => ({
      actor: context.actor,
      membership,
      appKey: input.appKey,
      credentials: credentialsGiven(input),
      accessUntil: input.accessUntil ?? null,
      removeAccessUntil: input.removeAccessUntil === true,
      now: this.clock.now().toISOString(),
    });
    const loaded = await this.requests.load(input.requestId, context);
    const app = precheckUpdateCredentials(loaded.state, request(loaded.membership));
    const secret = secretFor(app, input);
    const verdict = await verifyAgainstApp(this.catalog, app, secret, this.fetchImpl);

    const result = await this.requests.run(
      input.requestId,
      context,
      (membership) => ({
        type: 'UpdateCredentials',
        data: {
          ...request(membership),
          outcome: verdict.accepted ? { accepted: true } : { accepted: false, error: verdict.message },
        },
      }),
      {
        // Replaced before the event: the new secret was verified, so a failed append leaves a working connection.
        beforeAppend: async (events) => {
          for (const event of events) {
            if (event.type === 'CredentialsUpdated') await this.vault.put(event.data.connectionId, secret);
          }
        },
      },
    );
    return appActionResult(result.state, result.events, app.appKey, result.position);
  }
}

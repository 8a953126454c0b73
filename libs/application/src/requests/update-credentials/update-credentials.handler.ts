import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Catalog } from '@libs/catalog';
import {
  decideCredentialRequest,
  type Membership,
  precheckUpdateCredentials,
  streams,
  type UpdateCredentialsRequest,
} from '@libs/domain';
import type { FetchLike, VaultRepository } from '@libs/vault';
import { foldRequest } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { CATALOG, CLOCK, type Clock, VAULT, VERIFICATION_FETCH } from '../../shared/tokens';
import { type AppActionResult, appActionResult } from '../shared/app-action-result';
import { RequestMembership } from '../shared/request-membership';
import { credentialsGiven, secretFor, verifyAgainstApp } from '../shared/verification';
import { UpdateCredentialsCommand } from './update-credentials.command';

@CommandHandler(UpdateCredentialsCommand)
export class UpdateCredentialsHandler implements ICommandHandler<UpdateCredentialsCommand> {
  constructor(
    private readonly runner: StreamRunner,
    private readonly membership: RequestMembership,
    @Inject(CATALOG) private readonly catalog: Catalog,
    @Inject(VAULT) private readonly vault: VaultRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VERIFICATION_FETCH) private readonly fetchImpl: FetchLike,
  ) {}

  async execute({ input, context }: UpdateCredentialsCommand): Promise<AppActionResult> {
    const stream = streams.credentialRequest(input.requestId);
    const request = (membership: Membership): UpdateCredentialsRequest => ({
      actor: context.actor,
      membership,
      appKey: input.appKey,
      credentials: credentialsGiven(input),
      accessUntil: input.accessUntil ?? null,
      now: this.clock.now().toISOString(),
    });
    const loaded = await this.runner.load(stream, foldRequest);
    const app = precheckUpdateCredentials(loaded.state, request(await this.membership.of(loaded.state, context.actor)));
    const secret = secretFor(app, input);
    const verdict = await verifyAgainstApp(this.catalog, app, secret, this.fetchImpl);

    const result = await this.runner.run({
      stream,
      fold: foldRequest,
      context,
      decide: async (state) =>
        decideCredentialRequest(
          {
            type: 'UpdateCredentials',
            data: {
              ...request(await this.membership.of(state, context.actor)),
              outcome: verdict.accepted ? { accepted: true } : { accepted: false, error: verdict.message },
            },
          },
          state,
        ),
      // Replaced before the event: the new secret was verified, so a failed append leaves a working connection.
      beforeAppend: async (events) => {
        for (const event of events) {
          if (event.type === 'CredentialsUpdated') await this.vault.put(event.data.connectionId, secret);
        }
      },
    });
    return appActionResult(result.state, result.events, app.appKey, result.position);
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideCredentialRequest, precheckRequestReauthorization, streams } from '@libs/domain';
import type { ConnectionHealth } from '../../ports/connection-health';
import { foldRequest } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { CONNECTION_HEALTH } from '../../shared/tokens';
import { appActionResult } from '../shared/app-action-result';
import { RequestMembership } from '../shared/request-membership';
import { RequestReauthorizationCommand, type RequestReauthorizationResult } from './request-reauthorization.command';

@CommandHandler(RequestReauthorizationCommand)
export class RequestReauthorizationHandler implements ICommandHandler<RequestReauthorizationCommand> {
  constructor(
    private readonly runner: StreamRunner,
    private readonly membership: RequestMembership,
    @Inject(CONNECTION_HEALTH) private readonly health: ConnectionHealth,
  ) {}

  async execute({ input, context }: RequestReauthorizationCommand): Promise<RequestReauthorizationResult> {
    const stream = streams.credentialRequest(input.requestId);
    const loaded = await this.runner.load(stream, foldRequest);
    const ask = { actor: context.actor, appKey: input.appKey };
    // Refusals first: only an allowed request may trigger a refresh attempt at the provider.
    const app = precheckRequestReauthorization(loaded.state, {
      ...ask,
      membership: await this.membership.of(loaded.state, context.actor),
    });
    const needsReauthorization = await this.health.needsReauthorization(app.connectionId as string, {
      requestId: input.requestId,
      appKey: app.appKey,
      connectionStatus: app.connectionStatus,
    });
    const result = await this.runner.run({
      stream,
      fold: foldRequest,
      context,
      decide: async (state) =>
        decideCredentialRequest(
          {
            type: 'RequestReauthorization',
            data: { ...ask, membership: await this.membership.of(state, context.actor), needsReauthorization },
          },
          state,
        ),
    });
    const sent = result.events.length > 0;
    return {
      ...appActionResult(result.state, result.events, input.appKey, result.position),
      sent,
      reason: sent ? 'SENT' : 'CONNECTION_VALID',
    };
  }
}

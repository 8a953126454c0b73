import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { precheckRequestReauthorization } from '@libs/domain';
import type { ConnectionHealth } from '../../ports/connection-health';
import { CONNECTION_HEALTH } from '../../shared/tokens';
import { appActionResult } from '../shared/app-action-result';
import { RequestCommands } from '../shared/request-commands';
import { RequestReauthorizationCommand, type RequestReauthorizationResult } from './request-reauthorization.command';

@CommandHandler(RequestReauthorizationCommand)
export class RequestReauthorizationHandler implements ICommandHandler<RequestReauthorizationCommand> {
  constructor(
    private readonly requests: RequestCommands,
    @Inject(CONNECTION_HEALTH) private readonly health: ConnectionHealth,
  ) {}

  async execute({ input, context }: RequestReauthorizationCommand): Promise<RequestReauthorizationResult> {
    const loaded = await this.requests.load(input.requestId, context);
    const ask = { actor: context.actor, appKey: input.appKey };
    // Refusals first: only an allowed request may trigger a refresh attempt at the provider.
    const app = precheckRequestReauthorization(loaded.state, { ...ask, membership: loaded.membership });
    const check = await this.health.needsReauthorization(app.connectionId as string, {
      requestId: input.requestId,
      appKey: app.appKey,
      connectionStatus: app.connectionStatus,
    });
    // A refresh that failed for the check is recorded by this decision, with the request (R5.4, R5.6): one append.
    const failed = check.refreshFailed === undefined ? {} : { refreshFailed: check.refreshFailed };
    const result = await this.requests.run(input.requestId, context, (membership) => ({
      type: 'RequestReauthorization',
      data: { ...ask, membership, needsReauthorization: check.needed, ...failed },
    }));
    const sent = result.events.length > 0;
    return {
      ...appActionResult(result.state, result.events, input.appKey, result.position),
      sent,
      reason: sent ? 'SENT' : 'CONNECTION_VALID',
    };
  }
}

import {
  Body,
  Controller,
  ForbiddenException,
  HttpCode,
  Headers,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UnauthorizedException,
  BadRequestException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import {
  CLOCK,
  type Clock,
  ConnectionRefresher,
  DirectoryReader,
  foldRequest,
  RevokeExpiredAccessCommand,
  RevokeLeaverAccessCommand,
  StreamRunner,
  VAULT,
} from '@libs/application';
import { accessHasEnded, orgRoleOf, RateLimitedError, streams } from '@libs/domain';
import type { SqlClient } from '@libs/event-store';
import { AuthFailureThrottle, LOGGER, SQL_CLIENT } from '@libs/infrastructure';
import type { ApiKeySecret, BasicSecret, OAuth2Secret, VaultRepository } from '@libs/vault';
import { READ_MODELS, type ReadModels, recordConnectionUse } from '@projections';
import { clientAddress, tooManyRequests } from '../../platform/throttle/client-address';
import { RUNTIME_TOKEN, runtimeTokenMatches } from './runtime-token';

interface CredentialsBody {
  moduleKey?: unknown;
  scenarioId?: unknown;
  scenarioName?: unknown;
  teamId?: unknown;
}

export type RuntimeCredentials =
  | { type: 'API_KEY'; apiKey: string }
  | { type: 'BASIC'; username: string; password: string }
  | { type: 'OAUTH2'; accessToken: string };

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/**
 * R8.2, R8.3, R13.9: the scenario runtime's only way to a secret. The decision is taken on the request's event
 * stream (not the read model, which may lag a revoke); the read model only maps the connection to its request.
 * A refusal is 403 and is not counted as a use.
 */
@Controller('internal/connections')
export class RuntimeCredentialsController {
  constructor(
    @Inject(RUNTIME_TOKEN) private readonly token: string,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(VAULT) private readonly vault: VaultRepository,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly runner: StreamRunner,
    private readonly refresher: ConnectionRefresher,
    private readonly commands: CommandBus,
    private readonly throttle: AuthFailureThrottle,
    private readonly directory: DirectoryReader,
  ) {}

  @Post(':id/credentials')
  @HttpCode(200)
  async credentials(
    @Param('id') connectionId: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: CredentialsBody | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RuntimeCredentials> {
    // A secret may follow: no cache (browser, proxy) keeps it, and neither does any refusal.
    res.setHeader('Cache-Control', 'no-store');
    await this.authenticate(authorization, req, res);
    const { moduleKey, scenarioId, scenarioName, teamId } = body ?? {};
    if (!nonEmpty(moduleKey) || !nonEmpty(scenarioId) || !nonEmpty(teamId)) {
      throw new BadRequestException('moduleKey, scenarioId and teamId are required.');
    }
    const row = await this.readModels.connectionById(connectionId);
    if (!row) throw new NotFoundException('Connection not found.');

    const { state } = await this.runner.load(streams.credentialRequest(row.requestId), foldRequest);
    const app = state.apps.find((a) => a.connectionId === connectionId);
    const refuse = () => new ForbiddenException('This connection may not be used for this module and team.');
    if (state.lifecycle !== 'ACTIVE' || !app || app.connectionStatus !== 'ACTIVE') throw refuse();
    if (app.status !== 'AUTHORIZED' && app.status !== 'REAUTHORIZING') throw refuse();
    if (state.teamId !== teamId || !app.modules.some((m) => m.key === moduleKey)) throw refuse();
    if (accessHasEnded(app, this.clock.now().toISOString())) {
      // The end date passed and its scheduled revocation has not run yet (late, or lost with Redis): refuse now,
      // and revoke now so the request and both parties' e-mails catch up (R12.4).
      await this.commands
        .execute(
          new RevokeExpiredAccessCommand(
            { requestId: state.requestId, appKey: app.appKey },
            { correlationId: `runtime:${connectionId}`, causationId: null },
          ),
        )
        .catch((error: unknown) => this.logger.warn({ err: error, connectionId }, 'end-of-access revoke failed'));
      throw refuse();
    }

    const org = await this.directory.organization(state.organizationId);
    if (orgRoleOf(org, state.recipient.userId) === null) {
      // R13.13: the recipient left the organization and the revocation has not landed yet (the removal's own run
      // crashed): refuse now, and revoke now so the request and both parties' e-mails catch up.
      await this.commands
        .execute(
          new RevokeLeaverAccessCommand(
            { requestId: state.requestId, appKey: app.appKey },
            { correlationId: `runtime:${connectionId}`, causationId: null },
          ),
        )
        .catch((error: unknown) => this.logger.warn({ err: error, connectionId }, 'leaver revoke failed'));
      throw refuse();
    }

    let secret = await this.vault.get<ApiKeySecret & BasicSecret & OAuth2Secret>(connectionId);
    if (!secret) throw refuse();
    if (app.connectionType === 'OAUTH2' && secret.expiresAt && Date.parse(secret.expiresAt) <= Date.now()) {
      // The scheduled refresh did not run in time (worker down): refresh now, under the same lock.
      const answer = await this.refresher.refresh({ requestId: state.requestId, appKey: app.appKey, connectionId });
      if (answer.outcome === 'FAILED' || answer.outcome === 'GONE') throw refuse();
      secret = await this.vault.get<ApiKeySecret & BasicSecret & OAuth2Secret>(connectionId);
      if (!secret) throw refuse();
    }

    await recordConnectionUse(this.sql, {
      connectionId,
      moduleKey,
      scenarioId,
      scenarioName: nonEmpty(scenarioName) ? scenarioName : null,
    });
    if (app.connectionType === 'API_KEY') return { type: 'API_KEY', apiKey: secret.apiKey };
    if (app.connectionType === 'BASIC') return { type: 'BASIC', username: secret.username, password: secret.password };
    return { type: 'OAUTH2', accessToken: secret.accessToken };
  }

  /** RUNTIME_TOKEN, with failures counted per client address (R13.12): 429 and Retry-After past the limit. */
  private async authenticate(authorization: string | undefined, req: Request, res: Response): Promise<void> {
    const address = clientAddress(req);
    try {
      await this.throttle.assertAllowed('runtime', address);
      if (runtimeTokenMatches(this.token, authorization)) return;
      await this.throttle.recordFailure('runtime', address);
    } catch (error) {
      if (error instanceof RateLimitedError) throw tooManyRequests(res, error);
      throw error;
    }
    throw new UnauthorizedException('A valid runtime token is required.');
  }
}

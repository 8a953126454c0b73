import { Controller, ForbiddenException, Get, Headers, Inject, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  AuthenticationError,
  EMBEDDED_JWT_SECRET_FILE,
  isVerifiedIdentity,
  readOrCreateSecret,
  TokenVerifier,
} from '@libs/auth';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { AuthFailureThrottle, clientAddress, throwLimited } from '@libs/infrastructure';
import { queueOverview } from './queue-overview';
import { NotificationsService } from '../notifications.service';

/**
 * Failed jobs stay visible (SPEC §11): counts and failures per queue, for platform support staff only. A refused
 * token counts against the client's address like a bearer at the gateway (R13.12): past the limit, 429.
 */
@Controller('admin')
export class AdminQueuesController {
  private readonly verifier: TokenVerifier;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly throttle: AuthFailureThrottle,
  ) {
    const jwtSecret =
      config.auth.jwtSecret ??
      (config.auth.jwksUrl ? undefined : readOrCreateSecret(config.dataDir, EMBEDDED_JWT_SECRET_FILE).value);
    this.verifier = new TokenVerifier({ ...config.auth, jwtSecret });
  }

  @Get('queues')
  async queues(
    @Headers('authorization') authorization: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const address = clientAddress(req);
    await this.throttle.assertAllowed('bearer', address).catch((e) => throwLimited(res, e));
    try {
      const identity = await this.verifier.verify(authorization);
      if (!isVerifiedIdentity(identity)) throw new UnauthorizedException('verify your e-mail address');
      if (!identity.support) throw new ForbiddenException('support staff only');
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      if (authorization) await this.throttle.recordFailure('bearer', address).catch((e) => throwLimited(res, e));
      throw new UnauthorizedException();
    }
    return { queues: await queueOverview(this.notifications.queues) };
  }
}

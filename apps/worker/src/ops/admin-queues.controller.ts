import { Controller, ForbiddenException, Get, Headers, Inject, UnauthorizedException } from '@nestjs/common';
import {
  AuthenticationError,
  EMBEDDED_JWT_SECRET_FILE,
  isVerifiedIdentity,
  readOrCreateSecret,
  TokenVerifier,
} from '@libs/auth';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { queueOverview } from './queue-overview';
import { NotificationsService } from '../notifications.service';

/** Failed jobs stay visible (SPEC §11): counts and failures per queue, for platform support staff only. */
@Controller('admin')
export class AdminQueuesController {
  private readonly verifier: TokenVerifier;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {
    const jwtSecret =
      config.auth.jwtSecret ??
      (config.auth.jwksUrl ? undefined : readOrCreateSecret(config.dataDir, EMBEDDED_JWT_SECRET_FILE).value);
    this.verifier = new TokenVerifier({ ...config.auth, jwtSecret });
  }

  @Get('queues')
  async queues(@Headers('authorization') authorization: string | undefined) {
    try {
      const identity = await this.verifier.verify(authorization);
      if (!isVerifiedIdentity(identity)) throw new UnauthorizedException('verify your e-mail address');
      if (!identity.support) throw new ForbiddenException('support staff only');
    } catch (error) {
      if (error instanceof AuthenticationError) throw new UnauthorizedException();
      throw error;
    }
    return { queues: await queueOverview(this.notifications.queues) };
  }
}

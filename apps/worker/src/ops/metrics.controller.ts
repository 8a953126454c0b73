import {
  Controller,
  Get,
  Header,
  Headers,
  Inject,
  NotFoundException,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { AuthFailureThrottle, clientAddress, throwLimited } from '@libs/infrastructure';
import { metricsAllowed } from './metrics-access';
import { NotificationsService } from '../notifications.service';

/** Prometheus scrape endpoint of the worker's metrics (queue depth, failures, delivery latency). */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: AuthFailureThrottle,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  @Header('cache-control', 'no-store')
  async metrics(
    @Headers('authorization') authorization: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const token = this.config.metricsToken;
    // R13.12: a wrong METRICS_TOKEN is a guess like any other; past the limit the address gets 429.
    const address = token ? clientAddress(req) : undefined;
    if (token) await this.throttle.assertAllowed('metrics', address).catch((e) => throwLimited(res, e));
    if (!metricsAllowed(token, authorization, req.ip ?? req.socket.remoteAddress)) {
      if (!token) throw new NotFoundException(); // without a token the endpoint does not exist for remote callers
      if (authorization) await this.throttle.recordFailure('metrics', address).catch((e) => throwLimited(res, e));
      throw new UnauthorizedException('Bearer METRICS_TOKEN required.');
    }
    return this.notifications.metrics.registry.metrics();
  }
}

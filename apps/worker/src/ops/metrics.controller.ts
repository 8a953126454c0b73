import {
  Controller,
  Get,
  Header,
  Headers,
  Inject,
  NotFoundException,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { metricsAllowed } from './metrics-access';
import { NotificationsService } from '../notifications.service';

/** Prometheus scrape endpoint of the worker's metrics (queue depth, failures, delivery latency). */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  @Header('cache-control', 'no-store')
  metrics(@Headers('authorization') authorization: string | undefined, @Req() req: Request): Promise<string> {
    const token = this.config.metricsToken;
    if (!metricsAllowed(token, authorization, req.ip ?? req.socket.remoteAddress)) {
      // Without a token there is nothing to authenticate with: the endpoint does not exist for remote callers.
      throw token ? new UnauthorizedException('Bearer METRICS_TOKEN required.') : new NotFoundException();
    }
    return this.notifications.metrics.registry.metrics();
  }
}

import { Controller, Get, Header } from '@nestjs/common';
import { NotificationsService } from './notifications.service';

/** Prometheus scrape endpoint of the worker's metrics (queue depth, failures, delivery latency). */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.notifications.metrics.registry.metrics();
  }
}

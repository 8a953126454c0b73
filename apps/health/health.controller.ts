import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ReadinessRegistry } from '@libs/infrastructure';

/** Liveness says the process serves; readiness says its dependencies answer (load balancers route on it). */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const result = await this.readiness.run();
    res.status(result.ready ? 200 : 503);
    return { status: result.ready ? 'ok' : 'unavailable', checks: result.checks };
  }
}

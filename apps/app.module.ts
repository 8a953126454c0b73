import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '@libs/config';
import { CoreModule, DatabaseModule } from '@libs/infrastructure';
import { ReadSideModule } from '@projections';
import { GatewayModule } from './gateway/src/gateway.module';
import { HealthController } from './health/health.controller';
import { WorkerModule } from './worker/src/worker.module';

/** What one process runs, by ROLE: `all` (default) runs the gateway and the worker together. */
@Module({})
export class AppModule {
  static forRole(config: AppConfig, logger: Logger): DynamicModule {
    const parts: Type[] = [];
    if (config.role === 'all' || config.role === 'gateway') parts.push(GatewayModule);
    if (config.role === 'all' || config.role === 'worker') parts.push(WorkerModule);
    return {
      module: AppModule,
      // Every role answers /health/*: a container's HEALTHCHECK and an orchestrator probe projectors and workers too.
      controllers: [HealthController],
      imports: [
        CoreModule.forRoot(config, logger),
        DatabaseModule.forRoot(),
        ReadSideModule.forRoot({
          runProjectors: config.role === 'all' || config.role === 'projector',
          servesReads: config.role === 'gateway',
        }),
        ...parts,
      ],
    };
  }
}

import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { AuthFailureThrottle, OutsideMailQuota } from './rate-limits';
import { ReadinessRegistry } from './readiness';
import { createRedis } from './redis';
import { LOGGER, REDIS } from './tokens';
import { shutdownTracing } from './tracing/tracing-sdk';

/** Process-wide pieces: configuration, logger, the shared Redis connection and the readiness registry. */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        {
          provide: ReadinessRegistry,
          inject: [REDIS],
          useFactory: (redis: Redis) => {
            const registry = new ReadinessRegistry();
            registry.register({ name: 'redis', check: async () => void (await redis.ping()) });
            return registry;
          },
        },
        { provide: REDIS, useFactory: () => createRedis(config.redisUrl, logger, 'core') },
        {
          provide: AuthFailureThrottle,
          inject: [REDIS],
          useFactory: (redis: Redis) => new AuthFailureThrottle(redis, config, logger),
        },
        {
          provide: OutsideMailQuota,
          inject: [REDIS],
          useFactory: (redis: Redis) => new OutsideMailQuota(redis, config, logger),
        },
      ],
      exports: [APP_CONFIG, LOGGER, REDIS, ReadinessRegistry, AuthFailureThrottle, OutsideMailQuota],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    // Last: the spans of the shutdown itself go out too.
    await shutdownTracing().catch(() => undefined);
  }
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { type AppConfig, createLogger, redactUrl } from '@libs/config';
import { PinoNestLogger, startTracing } from '@libs/infrastructure';
import { AppModule } from './app.module';

/** Builds and starts the HTTP application for a configuration; used by main.ts and by end-to-end tests. */
export async function bootstrap(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel),
): Promise<INestApplication> {
  // Before the modules are built: the event store is wrapped only when spans are exported.
  if (startTracing(config.role)) {
    logger.info({ endpoint: redactUrl(process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '') }, 'tracing on (OTLP)');
  }
  const app = await NestFactory.create(AppModule.forRole(config, logger), {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    // A failed start throws to the caller (main.ts logs it and exits 1) instead of Nest calling process.exit itself,
    // which would end a whole test run, not the one test that booted the app.
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  logger.info(
    {
      role: config.role,
      url: `${config.publicUrl}/graphql`,
      database: config.databaseUrl ? redactUrl(config.databaseUrl) : `embedded PGlite in ${config.dataDir}`,
      eventStore: config.eventStore,
    },
    'credential-requests started',
  );
  return app;
}

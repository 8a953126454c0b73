import { Global, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Logger } from '@libs/config';
import { PinoNestLogger } from '@libs/infrastructure';
import { AppModule } from '../../apps/app.module';
import { SCHEMA_FILE } from '../../apps/gateway/src/platform/graphql-options';
import type { BootedApp } from './app';

// Probe resolvers must never reach the committed schema file: keep the schema in memory.
@Global()
@Module({ providers: [{ provide: SCHEMA_FILE, useValue: true }], exports: [SCHEMA_FILE] })
class InMemorySchemaModule {}

/**
 * Like bootApp (the real AppModule for ROLE=gateway, on an ephemeral port) plus test-only modules: probe resolvers
 * and the test identity provisioner. (@nestjs/testing is not installed; NestFactory does the same job.)
 */
export async function bootGatewayWith(
  env: Record<string, string | undefined>,
  logger: Logger,
  extra: Type[],
  /** A fixed port, for tests whose PUBLIC_URL must be the app's own address (browsers); default ephemeral. */
  port = 0,
): Promise<BootedApp> {
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cr-data-')),
    LOG_LEVEL: 'debug',
    ROLE: 'gateway',
    ...env,
    PORT: String(port),
  });
  @Module({ imports: [InMemorySchemaModule, AppModule.forRole(config, logger), ...extra] })
  class GatewayTestModule {}
  const app = await NestFactory.create(GatewayTestModule, { logger: new PinoNestLogger(logger), abortOnError: false });
  app.enableShutdownHooks();
  await app.listen(port, '127.0.0.1');
  const bound = (app.getHttpServer().address() as AddressInfo).port;
  return { app, config, url: `http://127.0.0.1:${bound}`, close: () => app.close() };
}

export interface GraphqlResponse {
  status: number;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: {
      message: string;
      path?: string[];
      extensions: { code: string; fields?: { path: string; message: string }[]; [key: string]: unknown };
    }[];
  };
}

export async function postGraphql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GraphqlResponse> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as GraphqlResponse['body'] };
}

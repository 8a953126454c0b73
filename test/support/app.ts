import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig, type Logger } from '@libs/config';
import { bootstrap } from '../../apps/bootstrap';

export interface BootedApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  close(): Promise<void>;
}

/** Boots the real application on an ephemeral port with the given environment (PORT=0, a temp DATA_DIR). */
export async function bootApp(env: Record<string, string | undefined>, logger: Logger): Promise<BootedApp> {
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cr-data-')),
    LOG_LEVEL: 'debug',
    ...env,
    PORT: '0',
  });
  const app = await bootstrap(config, logger);
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, config, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

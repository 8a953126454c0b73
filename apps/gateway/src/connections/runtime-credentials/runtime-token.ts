import { createHash, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { readOrCreateSecret } from '@libs/auth';
import type { AppConfig } from '@libs/config';

export const RUNTIME_TOKEN = Symbol('RUNTIME_TOKEN');

/**
 * RUNTIME_TOKEN from the environment, else (embedded, outside production — config refuses that case) one generated
 * once into $DATA_DIR. Only the file's path is logged, never the value.
 */
export function runtimeTokenFrom(config: AppConfig, logger: Logger): string {
  if (config.runtimeToken) return config.runtimeToken;
  const { value, created } = readOrCreateSecret(config.dataDir, 'runtime-token');
  if (created) {
    logger.info(
      { file: join(config.dataDir, 'runtime-token') },
      'RUNTIME_TOKEN is not set: generated one for the scenario runtime in this file',
    );
  }
  return value;
}

/** Constant-time: both sides are hashed first so neither length nor content leaks through timing. */
export function runtimeTokenMatches(expected: string, authorization: string | undefined): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  const given = match ? match[1].trim() : '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return given.length > 0 && timingSafeEqual(digest(given), digest(expected));
}

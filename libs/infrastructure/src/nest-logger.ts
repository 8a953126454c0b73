import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * An error a client caused and was told about (a contract code: UNAUTHENTICATED, BAD_USER_INPUT, RATE_LIMITED …).
 * Nest's exception handler reports every error a resolver throws; these are answers, not faults.
 */
function isClientError(value: unknown): boolean {
  if (!(value instanceof Error)) return false;
  if (value.name === 'DomainError' && typeof (value as { code?: unknown }).code === 'string') return true;
  const status = (value as { getStatus?: () => number }).getStatus?.();
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Routes Nest's own logging into the same structured pino stream as ours. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    if (isClientError(message)) {
      const error = message as Error & { code?: string; detail?: string };
      // `detail` (when an error has one) is for operators only: e.g. which catalog endpoint did not answer.
      this.logger.debug(
        { context, code: error.code, reason: error.message, detail: error.detail },
        'client error answered',
      );
      return;
    }
    if (message instanceof Error) {
      this.logger.error({ context, err: message }, message.message);
      return;
    }
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

import pino, { type Logger } from 'pino';
import { currentRequestId } from './request-context';
import { CENSOR, redactDeep } from './redact';

/**
 * Structured JSON logs. Every line written while a request is served carries its `requestId`; values under keys
 * that could carry a secret are censored at any depth, as a net under the rule that no code logs a secret in the
 * first place (R8.1).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'credential-requests' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
      // The deep walk above covers these; pino's own paths stay as a second net for the usual places.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: CENSOR },
    },
    destination,
  );
}

export type { Logger };

import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Field names that could carry a secret are redacted by pino itself, as a net under the
 * rule that no code logs a secret in the first place (R8.1).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'credential-requests' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'apiKey',
          'password',
          'accessToken',
          'refreshToken',
          'secret',
          'token',
          '*.apiKey',
          '*.password',
          '*.accessToken',
          '*.refreshToken',
          '*.secret',
          '*.token',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type { Logger };

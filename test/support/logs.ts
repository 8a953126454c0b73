import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@libs/config';

/** A real pino logger whose JSON lines are kept in memory, so tests can read (and search) every log line. */
export function captureLogs(level = 'debug'): { logger: Logger; lines: string[]; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(level, stream), lines, text: () => lines.join('\n') };
}

import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

export type CapturedMail = ParsedMail & {
  envelope: { from: string | null; to: string[] };
  raw: Buffer;
};

export interface SmtpSink {
  /** `smtp://<host>:<port>` (127.0.0.1 unless told), ready for SMTP_URL. */
  url: string;
  messages: CapturedMail[];
  /** Resolves once `count` messages arrived; rejects after `timeoutMs` (default 10 s) listing what did arrive. */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  /** Answer every RCPT TO with this SMTP status (e.g. 421, 451, 550) until set back to null. */
  setFailure(code: number | null): void;
  /** Forget the messages received so far. */
  clear(): void;
  /**
   * Runs once a message is in whole (its dot read), before the server answers 250 — the moment after which the
   * server has committed it and a client that dies never hears so (RFC 1047). Null: answer at once.
   */
  setBeforeAccept(hook: ((to: string[]) => Promise<void> | void) | null): void;
  stop(): Promise<void>;
}

type SmtpError = Error & { responseCode: number };

function smtpError(code: number): SmtpError {
  const text = code >= 500 ? 'Mailbox unavailable (test sink)' : 'Try again later (test sink)';
  return Object.assign(new Error(text), { responseCode: code });
}

function envelopeOf(session: SMTPServerSession): CapturedMail['envelope'] {
  const from = session.envelope.mailFrom;
  return {
    from: from ? from.address : null,
    to: session.envelope.rcptTo.map((rcpt: SMTPServerAddress) => rcpt.address),
  };
}

/**
 * A real SMTP server on loopback for tests: accepts without auth or TLS, parses what it receives, and can be told
 * to refuse recipients with a given status.
 */
export async function startSmtpSink(options: { port?: number; host?: string } = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const messages: CapturedMail[] = [];
  const waiters = new Set<() => void>();
  let failure: number | null = null;
  let beforeAccept: ((to: string[]) => Promise<void> | void) | null = null;

  const server = new SMTPServer({
    authOptional: true,
    // Without this, nodemailer would try STARTTLS against the sink's self-signed certificate.
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1000,
    onRcptTo(_address, _session, callback) {
      if (failure !== null) return callback(smtpError(failure));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const envelope = envelopeOf(session);
        // Accept (250) as soon as the message is in, like a real server right after committing it to its queue:
        // parsing first would widen, artificially, the window in which a client that dies has handed over a
        // message without learning it was accepted. The message is listed once parsed.
        const hook = beforeAccept;
        if (hook) void Promise.resolve(hook(envelope.to)).finally(() => callback());
        else callback();
        simpleParser(raw)
          .then((parsed) => {
            messages.push(Object.assign(parsed, { envelope, raw }));
            for (const wake of waiters) wake();
          })
          .catch(() => undefined);
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // An error after start (a client resetting the socket) must not crash the test process.
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://${host}:${port}`,
    messages,
    setFailure(code) {
      failure = code;
    },
    clear() {
      messages.length = 0;
    },
    setBeforeAccept(hook) {
      beforeAccept = hook;
    },
    waitFor(count, timeoutMs = 10_000) {
      return new Promise<CapturedMail[]>((resolve, reject) => {
        const check = (): boolean => {
          if (messages.length < count) return false;
          cleanup();
          resolve(messages.slice());
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          const got = messages.map((m) => `${m.envelope.to.join(',')}: ${m.subject ?? ''}`).join('; ');
          reject(
            new Error(`SMTP sink: expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}: ${got}`),
          );
        }, timeoutMs);
        const wake = (): void => {
          check();
        };
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        if (!check()) waiters.add(wake);
      });
    },
    stop() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Short alias: `const sink = await start();`. */
export const start = startSmtpSink;

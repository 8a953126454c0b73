import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { FileMailer, SmtpMailer, type MailDeliveryError } from '@libs/mailer';

// The hand-over hook (OutgoingMail.onHandOver) is where the worker commits "delivered": it must fire exactly when
// the end-of-data dot has been written and before the server's answer is read — never for a message the server
// cannot have (apps/worker/README.md "The hand-over point").

interface Server {
  url: string;
  /** For each message: was the hook already called when the server saw the complete message? */
  seen: { to: string; hookCalledBefore: boolean }[];
  stop(): Promise<void>;
}

type Answer = (to: string) => { delayMs?: number; code?: number };

async function server(answer: Answer, hookCalls: () => number, rcptCode?: number): Promise<Server> {
  const seen: Server['seen'] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (rcptCode) return callback(Object.assign(new Error('no such user'), { responseCode: rcptCode }));
      callback();
    },
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        const to = session.envelope.rcptTo[0].address;
        seen.push({ to, hookCalledBefore: hookCalls() > seen.length });
        const { delayMs = 0, code } = answer(to);
        setTimeout(() => {
          if (code) callback(Object.assign(new Error('refused at end of data'), { responseCode: code }));
          else callback();
        }, delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtp.on('error', () => undefined);
  const { port } = smtp.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    seen,
    stop: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

const mail = (to: string, onHandOver: () => void) => ({
  to,
  subject: 'Hand-over',
  // A line that is a lone "." and one ending in "." must be dot-stuffed, never mistaken for the end of data.
  text: 'first line\r\n.\r\nsecond line.\r\n.\r\n',
  html: '<p>.</p>',
  messageId: `hand-over:${to}`,
  onHandOver,
});

describe('mailer hand-over point (exactly once: the worker commits its delivery record here)', () => {
  it('fires once per message, after the dot went out and before the 250 was read, over pooled connections', async () => {
    let calls = 0;
    const resolvedBeforeHook: boolean[] = [];
    const s = await server(
      () => ({ delayMs: 150 }),
      () => calls,
    );
    const mailer = new SmtpMailer({ url: s.url, from: 'cr@example.test', pool: 3 });
    try {
      await Promise.all(
        Array.from({ length: 9 }, async (_, i) => {
          let hooked = false;
          const sent = mailer.send(
            mail(`r${i}@example.test`, () => {
              calls += 1;
              hooked = true;
            }),
          );
          const info = await sent;
          resolvedBeforeHook.push(!hooked);
          expect(info.accepted).toEqual([`r${i}@example.test`]);
        }),
      );
    } finally {
      await mailer.close();
      await s.stop();
    }
    expect(calls).toBe(9);
    expect(resolvedBeforeHook).toEqual(Array(9).fill(false));
    // Same process: the hook runs in the tick that wrote the dot, the server reads it in a later one — so by the
    // time the server had each message complete, that message's hook had already fired.
    expect(s.seen.map((m) => m.hookCalledBefore)).toEqual(Array(9).fill(true));
  });

  it('fires when the dot went out even if the server then refuses (the caller undoes), not for a refused RCPT', async () => {
    let calls = 0;
    const refusing = await server(
      () => ({ code: 550 }),
      () => calls,
    );
    const mailer = new SmtpMailer({ url: refusing.url, from: 'cr@example.test' });
    const error = await mailer.send(mail('x@example.test', () => (calls += 1))).catch((e: MailDeliveryError) => e);
    expect(error).toMatchObject({ kind: 'permanent', responseCode: 550 });
    expect(calls).toBe(1);
    await mailer.close();
    await refusing.stop();

    let rcptCalls = 0;
    const noUser = await server(
      () => ({}),
      () => rcptCalls,
      550,
    );
    const second = new SmtpMailer({ url: noUser.url, from: 'cr@example.test' });
    await expect(second.send(mail('y@example.test', () => (rcptCalls += 1)))).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(rcptCalls).toBe(0);
    expect(noUser.seen).toHaveLength(0);
    await second.close();
    await noUser.stop();
  });

  it('does not fire when the server cannot be reached', async () => {
    let calls = 0;
    const s = await server(
      () => ({}),
      () => calls,
    );
    await s.stop();
    const mailer = new SmtpMailer({ url: s.url, from: 'cr@example.test', connectionTimeout: 2000 });
    await expect(mailer.send(mail('z@example.test', () => (calls += 1)))).rejects.toMatchObject({
      kind: 'transient',
    });
    expect(calls).toBe(0);
    await mailer.close();
  });

  it('file transport: fires after the .eml is in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hand-over-'));
    const filesAtHook: string[][] = [];
    const mailer = new FileMailer({ dir, from: 'cr@example.test' });
    let pending: Promise<void> = Promise.resolve();
    await mailer.send(
      mail('f@example.test', () => {
        pending = readdir(dir).then((files) => void filesAtHook.push(files));
      }),
    );
    await pending;
    expect(filesAtHook).toHaveLength(1);
    expect(filesAtHook[0].filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    await rm(dir, { recursive: true, force: true });
  });
});

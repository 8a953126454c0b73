import dns from 'node:dns';
import dnsPromises from 'node:dns/promises';
import { SmtpMailer } from '@libs/mailer';
import { startSmtpSink } from './support/smtp-sink';

// Issue 12, seen in the compose check: the SMTP host there is an /etc/hosts entry (host.containers.internal), and
// nodemailer, left alone, asks the DNS servers first (a dns.Resolver of its own, resolve4 and resolve6) and reads
// /etc/hosts only once they fail: an invitation left 52 s late in a run where podman's DNS stalled. The mailer looks
// the name up as the PostgreSQL and Redis clients do (the system resolver, /etc/hosts first). Proved with a real
// SMTP server on loopback (test/support/smtp-sink); the DNS questions are counted on dns.Resolver itself (which still answers them).

const message = (to: string) => ({
  to,
  subject: 'By name',
  text: 'hello',
  html: '<p>hello</p>',
  messageId: `${to}.id`,
});

describe('SmtpMailer: the server by name', () => {
  const asked: string[] = [];
  const spies: jest.SpyInstance[] = [];
  beforeEach(() => {
    for (const method of ['resolve4', 'resolve6'] as const) {
      const original = dns.Resolver.prototype[method] as (...args: unknown[]) => unknown;
      spies.push(
        jest.spyOn(dns.Resolver.prototype, method).mockImplementation(function (
          this: dns.Resolver,
          ...args: unknown[]
        ) {
          asked.push(`${method} ${String(args[0])}`);
          return original.apply(this, args);
        } as never),
      );
    }
  });
  afterEach(() => spies.splice(0).forEach((spy) => spy.mockRestore()));

  it('finds "localhost" in /etc/hosts without asking the DNS servers, once for two messages, and delivers', async () => {
    const sink = await startSmtpSink();
    const mailer = new SmtpMailer({ url: sink.url.replace('127.0.0.1', 'localhost'), from: 'cr@example.test' });
    const lookups = jest.spyOn(dnsPromises, 'lookup');
    try {
      for (const to of ['maria@client-agency.test', 'paulo@client-agency.test']) {
        expect((await mailer.send(message(to))).accepted).toEqual([to]);
      }
      expect((await sink.waitFor(2)).map((m) => m.envelope.to)).toEqual([
        ['maria@client-agency.test'],
        ['paulo@client-agency.test'],
      ]);
      expect(asked).toEqual([]);
      // One lookup for both messages: the address serves a while.
      expect(lookups.mock.calls.map(([name]) => name)).toEqual(['localhost']);
      // The count would see a question: the zero above is the mailer's, not a deaf counter's.
      await new Promise((resolve) => new dns.Resolver().resolve4('localhost', resolve));
      expect(asked).toEqual(['resolve4 localhost']);
    } finally {
      lookups.mockRestore();
      await mailer.close();
      await sink.stop();
    }
  });

  it('keeps the address it had when the resolver fails once it is due to ask again', async () => {
    const sink = await startSmtpSink();
    const mailer = new SmtpMailer({ url: sink.url.replace('127.0.0.1', 'localhost'), from: 'cr@example.test' });
    const lookups = jest.spyOn(dnsPromises, 'lookup');
    const now = jest.spyOn(Date, 'now');
    try {
      await mailer.send(message('first@client-agency.test'));
      // A minute later the name is due again, and the resolver fails for the moment.
      const later = Date.now() + 61_000;
      now.mockImplementation(() => later);
      lookups.mockRejectedValueOnce(Object.assign(new Error('getaddrinfo EAI_AGAIN localhost'), { code: 'EAI_AGAIN' }));
      expect((await mailer.send(message('second@client-agency.test'))).accepted).toEqual(['second@client-agency.test']);
      expect(lookups).toHaveBeenCalledTimes(2);
      expect((await sink.waitFor(2)).map((m) => m.envelope.to)).toEqual([
        ['first@client-agency.test'],
        ['second@client-agency.test'],
      ]);
    } finally {
      now.mockRestore();
      lookups.mockRestore();
      await mailer.close();
      await sink.stop();
    }
  });

  it('lets the messages it has in hand finish on the old address when the name moves to another', async () => {
    // Two servers on one port, as one name's old and new address (both loopback).
    const before = await startSmtpSink();
    const port = Number(new URL(before.url).port);
    const after = await startSmtpSink({ port, host: '127.0.0.2' });
    // One pooled connection: the second message for the old address waits in the pool's queue.
    const mailer = new SmtpMailer({ url: `smtp://mail.client-agency.test:${port}`, from: 'cr@example.test', pool: 1 });
    const lookups = jest.spyOn(dnsPromises, 'lookup').mockResolvedValue({ address: '127.0.0.1', family: 4 } as never);
    const now = jest.spyOn(Date, 'now');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    before.setBeforeAccept(() => {
      arrived();
      return held;
    });
    try {
      const sending = mailer.send(message('sending@client-agency.test'));
      await inFlight;
      const queued = mailer.send(message('queued@client-agency.test'));
      // A minute later the name points elsewhere: the next message goes there at once.
      const later = Date.now() + 61_000;
      now.mockImplementation(() => later);
      lookups.mockResolvedValue({ address: '127.0.0.2', family: 4 } as never);
      expect((await mailer.send(message('moved@client-agency.test'))).accepted).toEqual(['moved@client-agency.test']);
      expect((await after.waitFor(1)).map((m) => m.envelope.to)).toEqual([['moved@client-agency.test']]);
      // The old server answers at last: what it had, and what waited for it, are delivered, not failed.
      release();
      const settled = await Promise.allSettled([sending, queued]);
      expect(settled.map((s) => (s.status === 'fulfilled' ? s.value.accepted : String(s.reason)))).toEqual([
        ['sending@client-agency.test'],
        ['queued@client-agency.test'],
      ]);
      expect((await before.waitFor(2)).map((m) => m.envelope.to)).toEqual([
        ['sending@client-agency.test'],
        ['queued@client-agency.test'],
      ]);
    } finally {
      release();
      now.mockRestore();
      lookups.mockRestore();
      await mailer.close();
      await Promise.all([before.stop(), after.stop()]);
    }
  });
});

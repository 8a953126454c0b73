import dns from 'node:dns';
import dnsPromises from 'node:dns/promises';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SmtpMailer } from '@libs/mailer';

// Issue 12, seen in the compose check: the SMTP host there is an /etc/hosts entry (host.containers.internal), and
// nodemailer, left alone, asks the DNS servers first (a dns.Resolver of its own, resolve4 and resolve6) and reads
// /etc/hosts only once they fail: an invitation left 52 s late in a run where podman's DNS stalled. The mailer looks
// the name up as the PostgreSQL and Redis clients do (the system resolver, /etc/hosts first). Proved with a real
// SMTP server on loopback; the DNS questions are counted on dns.Resolver itself (which still answers them).

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
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          received.push(session.envelope.rcptTo[0].address);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    const mailer = new SmtpMailer({ url: `smtp://localhost:${port}`, from: 'cr@example.test' });
    const lookups = jest.spyOn(dnsPromises, 'lookup');
    try {
      for (const to of ['maria@client-agency.test', 'paulo@client-agency.test']) {
        const sent = await mailer.send({
          to,
          subject: 'By name',
          text: 'hello',
          html: '<p>hello</p>',
          messageId: `${to}.id`,
        });
        expect(sent.accepted).toEqual([to]);
      }
      expect(received).toEqual(['maria@client-agency.test', 'paulo@client-agency.test']);
      expect(asked).toEqual([]);
      // One lookup for both messages: the address serves a while (and outlives a resolver's failure meanwhile).
      expect(lookups.mock.calls.map(([name]) => name)).toEqual(['localhost']);
      // The count would see a question: the zero above is the mailer's, not a deaf counter's.
      await new Promise((resolve) => new dns.Resolver().resolve4('localhost', resolve));
      expect(asked).toEqual(['resolve4 localhost']);
    } finally {
      lookups.mockRestore();
      await mailer.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});

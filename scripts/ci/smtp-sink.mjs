/* global Buffer */
// A real SMTP server for the container check: accepts every message and writes it to DIR as <n>.eml.
// Listens on all addresses so that containers reach it through host.containers.internal.
// Usage: node scripts/ci/smtp-sink.mjs PORT DIR
import { SMTPServer } from 'smtp-server';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [port, dir] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      writeFileSync(join(dir, `${++count}.eml`), `X-Envelope-To: ${to}\r\n${Buffer.concat(chunks)}`);
      callback();
    });
  },
});
server.listen(Number(port), '0.0.0.0', () => console.log(`smtp sink on :${port} writing to ${dir}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

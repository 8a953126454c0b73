import { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';

/**
 * The end-of-data line nodemailer's SMTP data stream writes after the message, as one chunk (after "\n", after
 * "\r", or after neither). Dot-stuffing turns every "." that starts a line of the message into "..", so no chunk
 * of the message itself can be exactly one of these.
 */
const TERMINATORS = ['.\r\n', '\n.\r\n', '\r\n.\r\n'].map((s) => Buffer.from(s));

/** The key under which `SmtpMailer` passes the hook through nodemailer's message data to the plugin below. */
export const HAND_OVER_KEY = 'credentialRequestsOnHandOver';

type HandOver = () => void;

/** The socket a data stream is piped into (nodemailer pipes its data stream into the connection's socket). */
function pipedSocket(stream: Readable): Socket | undefined {
  const pipes = (stream as unknown as { _readableState?: { pipes?: unknown[] } })._readableState?.pipes ?? [];
  return pipes.find((p): p is Socket => p instanceof Socket);
}

/**
 * Calls `handOver` once, synchronously, right after the end-of-data "." went to the socket — before the server's
 * answer can be read — or, if the socket was applying back-pressure, as soon as it drained into the kernel. A
 * connection that fails before the dot never calls it: the server discards a message without its dot.
 */
export function watchEndOfData(dataStream: Readable & Writable, handOver: HandOver): void {
  let done = false;
  // Registered after nodemailer's pipe to the socket, so for the same chunk the socket write has already happened.
  dataStream.on('data', (chunk: Buffer) => {
    if (done || !dataStream.writableEnded || !TERMINATORS.some((t) => t.equals(chunk))) return;
    done = true;
    // Unpiped or destroyed: the connection failed, the dot never left (the send rejects).
    const socket = pipedSocket(dataStream);
    if (!socket || socket.destroyed) return;
    if (socket.writableLength > 0) socket.once('drain', handOver);
    else handOver();
  });
}

interface PluginMail {
  data: Record<string, unknown>;
  message: { createReadStream(options?: unknown): Readable };
}

/**
 * nodemailer "stream" plugin: the message stream nodemailer creates for the SMTP connection is piped into the
 * connection's data stream; catching that pipe gives `watchEndOfData` the stream that writes the final dot.
 */
export function handOverPlugin(mail: PluginMail, done: (error?: Error | null) => void): void {
  const handOver = mail.data[HAND_OVER_KEY];
  if (typeof handOver === 'function') {
    const message = mail.message;
    const create = message.createReadStream.bind(message);
    message.createReadStream = (options?: unknown) => {
      const stream = create(options);
      const pipe = stream.pipe.bind(stream);
      stream.pipe = <T extends NodeJS.WritableStream>(destination: T, pipeOptions?: { end?: boolean }): T => {
        watchEndOfData(destination as unknown as Readable & Writable, handOver as HandOver);
        return pipe(destination, pipeOptions);
      };
      return stream;
    };
  }
  done();
}

import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * POSTs `body` and resolves with the status code. `onHandOver` runs synchronously the moment the last byte of the
 * request has been handed to the kernel (the request's 'finish'), before any answer: the webhook's equivalent of the
 * SMTP dot, where the delivery record's COMMIT is written (apps/worker/README.md "The hand-over point"). No
 * redirect is followed.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  onHandOver: () => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`webhook endpoint did not answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body, onHandOver);
  });
}

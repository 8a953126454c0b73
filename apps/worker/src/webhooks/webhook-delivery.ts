import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookTarget } from '@libs/webhooks';

/**
 * POSTs to the checked address only (R13.3): the socket's `lookup` answers with the address that was checked, so
 * DNS cannot change between the check and the connection. TLS still verifies the certificate against the URL's host
 * name (`servername` is the host, not the address). Redirects are not followed. Resolves with the HTTP status.
 * `onHandOver` runs synchronously the moment the last byte of the request has been handed to the kernel (the
 * request's 'finish'), before any answer: the webhook's equivalent of the SMTP dot, where the delivery record's COMMIT
 * is written (apps/worker/README.md "The hand-over point").
 */
export function postToTarget(
  target: WebhookTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  onHandOver: () => void = () => undefined,
): Promise<number> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const { url } = target;
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    lookup: pinned,
    signal: AbortSignal.timeout(timeoutMs),
  };
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, options, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body, onHandOver);
  });
}

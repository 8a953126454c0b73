import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { DomainError } from '@libs/domain';

function ipv4Private(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

/** Loopback, private, link-local, unique-local, multicast or unspecified: never a team's public endpoint. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) return ipv4Private(ip);
  const v6 = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped) return ipv4Private(mapped[1]);
  return (
    v6 === '::' ||
    v6 === '::1' ||
    v6.startsWith('fc') ||
    v6.startsWith('fd') ||
    v6.startsWith('fe8') ||
    v6.startsWith('fe9') ||
    v6.startsWith('fea') ||
    v6.startsWith('feb') ||
    v6.startsWith('ff')
  );
}

function invalid(message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `Invalid webhook URL: ${message}`, [{ path: 'url', message }]);
}

/**
 * R13.3: https only, and no loopback or private address, also after DNS resolution (checked at registration and
 * again before every delivery, against DNS rebinding) — unless insecure targets are allowed for development.
 */
export async function assertWebhookUrl(raw: string, allowInsecure: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('not a URL');
  }
  if (url.username || url.password) throw invalid('credentials in the URL are not allowed');
  if (allowInsecure) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('must be http(s)');
    return url;
  }
  if (url.protocol !== 'https:') throw invalid('must use https');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) throw invalid('must not point at a loopback address');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      throw invalid('host does not resolve');
    }
  }
  if (addresses.some(isPrivateAddress)) throw invalid('must not point at a loopback or private address');
  return url;
}

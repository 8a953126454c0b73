import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { DomainError } from '@libs/domain';

/** Resolves a host name to its addresses: `dns.lookup` by default; injectable so tests control what a name means. */
export type HostResolver = (hostname: string) => Promise<string[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** An IPv4 address carried inside an IPv6 one (NAT64, 6to4, Teredo): named in the refusal. */
function embeddedIPv4(v6: ipaddr.IPv6, range: string): string | null {
  const parts = v6.parts;
  const fromWords = (hi: number, lo: number) => ipaddr.fromByteArray([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  switch (range) {
    case 'ipv4Compatible':
    case 'rfc6052':
    case 'rfc6145':
      return fromWords(parts[6], parts[7]).toString();
    case '6to4':
      return fromWords(parts[1], parts[2]).toString();
    case 'teredo':
      // The client address is stored inverted in the last 32 bits.
      return fromWords(parts[6] ^ 0xffff, parts[7] ^ 0xffff).toString();
    default:
      return null;
  }
}

/**
 * Why an address is not a team's public endpoint, or null when it is (R13.3). ipaddr.js names the range; anything
 * but `unicast` is refused — loopback, private, link-local (cloud metadata), carrier-grade NAT, the reserved and
 * benchmarking ranges (192.0.0.0/24, 198.18.0.0/15 …), multicast, and every IPv6 form that carries an IPv4 address
 * (IPv4-compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo): those are refused whatever they embed, and the embedded address is
 * named. IPv4-mapped IPv6 (::ffff:a.b.c.d) is how a dual-stack socket writes IPv4: it is judged as that IPv4.
 */
export function addressProblem(ip: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(ip.replace(/^\[|\]$/g, ''));
  } catch {
    return `${ip} is not an IP address`;
  }
  // ::a.b.c.d (IPv4-compatible, deprecated by RFC 4291) is `unicast` to ipaddr.js, and URL writes it ::7f00:1.
  const own = parsed.range();
  const range =
    own === 'unicast' && parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)
      ? 'ipv4Compatible'
      : own;
  if (range === 'unicast') return null;
  const embedded = parsed.kind() === 'ipv6' ? embeddedIPv4(parsed as ipaddr.IPv6, range) : null;
  return embedded ? `${ip} is a ${range} address carrying ${embedded}` : `${ip} is a ${range} address`;
}

/** Loopback, private, link-local, reserved, multicast, embedded IPv4 …: never a team's public endpoint. */
export function isPrivateAddress(ip: string): boolean {
  return addressProblem(ip) !== null;
}

function invalid(message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `Invalid webhook URL: ${message}`, [{ path: 'url', message }]);
}

/** A checked target: the URL and the one address the connection must go to (pinned: no second DNS answer). */
export interface WebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * R13.3: https only, and no address that is not public unicast, also after DNS resolution — unless insecure targets
 * are allowed for development. The name is resolved once here; delivery connects to the returned address.
 */
export async function checkWebhookTarget(
  raw: string,
  allowInsecure: boolean,
  resolve: HostResolver = systemResolver,
  /**
   * Who reads a refusal: the registrant (a team admin, through the API) or the operators (a failed delivery's reason,
   * which support staff read in /admin/queues). Only operators are told what a name resolved to.
   */
  audience: 'registrant' | 'operators' = 'operators',
): Promise<WebhookTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('not a URL');
  }
  if (url.username || url.password) throw invalid('credentials in the URL are not allowed');
  if (allowInsecure) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('must be http(s)');
  } else if (url.protocol !== 'https:') throw invalid('must use https');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowInsecure && (host === 'localhost' || host.endsWith('.localhost'))) {
    throw invalid('must not point at a loopback address');
  }
  const literal = ipaddr.isValid(host);
  // For a registrant, a name that does not resolve and one that resolves to an inside address get the same answer,
  // which names no address: otherwise registering webhooks would map the network's internal names (which exist, and
  // where). An address typed in the URL is the registrant's own: saying what is wrong with it tells nothing new.
  const told = literal || audience === 'operators';
  const notPublic = 'the host must resolve to public addresses only';
  let addresses: string[];
  if (literal) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw invalid(allowInsecure || told ? 'host does not resolve' : notPublic);
    }
    if (!addresses.length) throw invalid(allowInsecure || told ? 'host does not resolve' : notPublic);
  }
  if (!allowInsecure) {
    // Every answer must be public: a name with one private answer could be steered to it.
    const problem = addresses.map(addressProblem).find((p) => p !== null);
    if (problem)
      throw invalid(told ? `must not point at a loopback, private or special address (${problem})` : notPublic);
  }
  const address = ipaddr.process(addresses[0]);
  return { url, address: address.toString(), family: address.kind() === 'ipv6' ? 6 : 4 };
}

/** Registration's check (R13.3); delivery uses checkWebhookTarget to pin the address it connects to. */
export async function assertWebhookUrl(
  raw: string,
  allowInsecure: boolean,
  resolve: HostResolver = systemResolver,
): Promise<URL> {
  return (await checkWebhookTarget(raw, allowInsecure, resolve, 'registrant')).url;
}

// R10.3: the auditor's browser recomputes the request's hash chain from the history it was given, with its own JCS
// (the `canonicalize` package) and its own SHA-256, rather than take the server's word that nothing was altered; and
// the history downloads as a file that any tool can check the same way.
import canonicalize from 'canonicalize';

export interface ChainEvent {
  position: string;
  revision: number;
  type: string;
  /** as the API returned it: the hash covers that exact text */
  at: string;
  /** the id the hash covers (`actor` is the person as looked up, which may fail) */
  actorId?: string | null;
  actor?: { name: string; email: string } | null;
  /** the event's data as the API's JSON text */
  data: string;
  hash: string;
}

export interface ChainCheck {
  valid: boolean;
  events: number;
  firstBrokenRevision: number | null;
}

const GENESIS_HASH = '0'.repeat(64);

export const historyStream = (requestId: string): string => `credential-request-${requestId}`;

/** The fields SPEC R10.3 hashes, in the form the file gives them. */
const hashed = (requestId: string, event: ChainEvent) => ({
  stream: historyStream(requestId),
  revision: event.revision,
  type: event.type,
  at: event.at,
  actorId: event.actorId ?? null,
  data: JSON.parse(event.data) as unknown,
});

const hex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * `sha256hex(previous hash + JCS(fields))` along the revisions, from 64 zeros. null where the browser has no
 * SubtleCrypto: it offers it on secure pages only (HTTPS, or localhost).
 */
export async function checkHistory(
  requestId: string,
  events: readonly ChainEvent[],
  subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null,
): Promise<ChainCheck | null> {
  if (!subtle) return null;
  const ordered = [...events].sort((a, b) => a.revision - b.revision);
  let previous = GENESIS_HASH;
  const broken = (event: ChainEvent): ChainCheck => ({
    valid: false,
    events: ordered.length,
    firstBrokenRevision: event.revision,
  });
  for (const [index, event] of ordered.entries()) {
    let body: string | undefined;
    try {
      body = canonicalize(hashed(requestId, event));
    } catch {
      return broken(event); // data that is not JSON was not what was hashed
    }
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(previous + body));
    if (event.revision !== index || hex(digest) !== event.hash) return broken(event);
    previous = event.hash;
  }
  return { valid: true, events: ordered.length, firstBrokenRevision: null };
}

/** The downloadable history: every event with what its hash covers, and the server's own verdict beside it. */
export function historyFile(
  requestId: string,
  events: readonly ChainEvent[],
  serverVerification: ChainCheck,
  exportedAt: Date,
): string {
  return JSON.stringify(
    {
      stream: historyStream(requestId),
      exportedAt: exportedAt.toISOString(),
      hashRule:
        'hash = lowercase hex SHA-256 of (the previous event hash, 64 zeros before revision 0) + RFC 8785 JSON of ' +
        '{ stream, revision, type, at, actorId, data } (SPEC R10.3)',
      serverVerification,
      events: events.map((event) => ({
        position: event.position,
        ...hashed(requestId, event),
        actor: event.actor ? { name: event.actor.name, email: event.actor.email } : null,
        hash: event.hash,
      })),
    },
    null,
    2,
  );
}

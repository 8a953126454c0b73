import type { ConnectionRow } from '@projections';
import type { Connection } from '../platform/graphql';

/** A connection as the API shows it: health and usage, no secret (the read model holds none either, R8.1). */
export function toConnection(row: ConnectionRow): Connection {
  return {
    id: row.id,
    name: row.name,
    appKey: row.appKey,
    type: row.type,
    status: row.status,
    expiresAt: row.expiresAt ? new Date(row.expiresAt) : null,
    lastError: row.lastError,
    usage: row.usage.map((u) => ({ ...u, lastUsedAt: new Date(u.lastUsedAt) })),
  };
}

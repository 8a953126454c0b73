import { computeEventHash, GENESIS_HASH } from '../../../../../libs/event-store/src/hash-chain/event-hash';
import { type ChainEvent, checkHistory, historyFile } from './history-chain';

// The browser's check (the `canonicalize` package, SubtleCrypto) against the server's own hash (its JCS, node:crypto):
// two implementations of SPEC R10.3 that must agree.
const REQUEST = 'req-1';
const raw = [
  { type: 'RequestCreated', actorId: 'u-alice', data: { name: 'Deals export', apps: [{ appKey: 'crm', n: 1.5 }] } },
  { type: 'AppAuthorized', actorId: 'u-bob', data: { appKey: 'crm', accessUntil: null, zeta: 'é', alpha: true } },
  { type: 'AccessRevoked', actorId: null, data: { appKey: 'crm', byUserId: null } },
];

function chain(): ChainEvent[] {
  let previous = GENESIS_HASH;
  return raw.map((event, revision) => {
    const at = `2026-06-01T12:00:0${revision}.000Z`;
    const hash = computeEventHash(previous, {
      stream: `credential-request-${REQUEST}`,
      revision,
      type: event.type,
      at,
      actorId: event.actorId,
      data: event.data,
    });
    previous = hash;
    return {
      position: String(100 + revision),
      revision,
      type: event.type,
      at,
      actorId: event.actorId,
      actor: event.actorId ? { name: event.actorId, email: `${event.actorId}@corp.example` } : null,
      data: JSON.stringify(event.data),
      hash,
    };
  });
}

describe('the history checked in the browser (R10.3)', () => {
  it('finds the server-made chain unaltered, whatever order the events come in', async () => {
    expect(await checkHistory(REQUEST, chain().reverse())).toEqual({
      valid: true,
      events: 3,
      firstBrokenRevision: null,
    });
  });

  it('names the first altered revision: data, time, actor, or a missing event', async () => {
    const data = chain();
    data[1] = { ...data[1], data: data[1].data.replace('"crm"', '"erp"') };
    expect(await checkHistory(REQUEST, data)).toMatchObject({ valid: false, firstBrokenRevision: 1 });
    const at = chain();
    at[2] = { ...at[2], at: '2026-06-01T12:00:09.000Z' };
    expect(await checkHistory(REQUEST, at)).toMatchObject({ valid: false, firstBrokenRevision: 2 });
    const actor = chain();
    actor[0] = { ...actor[0], actorId: 'u-mallory' };
    expect(await checkHistory(REQUEST, actor)).toMatchObject({ valid: false, firstBrokenRevision: 0 });
    const gap = chain().filter((event) => event.revision !== 1);
    expect(await checkHistory(REQUEST, gap)).toMatchObject({ valid: false, firstBrokenRevision: 2 });
    expect(await checkHistory('req-2', chain())).toMatchObject({ valid: false, firstBrokenRevision: 0 });
    const garbled = chain();
    garbled[2] = { ...garbled[2], data: '{not json' };
    expect(await checkHistory(REQUEST, garbled)).toMatchObject({ valid: false, firstBrokenRevision: 2 });
  });

  it('checks the actor id the hash covers, not the person looked up (who may not be found)', async () => {
    const unknown = chain().map((event) => ({ ...event, actor: null }));
    expect(await checkHistory(REQUEST, unknown)).toMatchObject({ valid: true, events: 3 });
  });

  it('says it cannot check where the browser has no SubtleCrypto (a page not served securely)', async () => {
    expect(await checkHistory(REQUEST, chain(), null)).toBeNull();
  });

  it('downloads a file from which the server-side rule recomputes every hash', () => {
    const verdict = { valid: true, events: 3, firstBrokenRevision: null };
    const file = JSON.parse(historyFile(REQUEST, chain(), verdict, new Date('2026-06-02T00:00:00Z'))) as {
      stream: string;
      serverVerification: unknown;
      events: { revision: number; type: string; at: string; actorId: string | null; data: object; hash: string }[];
    };
    expect(file.serverVerification).toEqual(verdict);
    let previous = GENESIS_HASH;
    for (const event of file.events) {
      expect(
        computeEventHash(previous, { ...event, stream: file.stream, data: event.data as Record<string, unknown> }),
      ).toBe(event.hash);
      previous = event.hash;
    }
    expect(file.events.map((event) => event.actorId)).toEqual(['u-alice', 'u-bob', null]);
  });
});

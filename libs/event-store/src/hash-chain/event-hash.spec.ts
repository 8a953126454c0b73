import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port';
import { computeEventHash, GENESIS_HASH, verifyChain } from './event-hash';

function chain(n: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let revision = 0; revision < n; revision++) {
    const at = `2026-11-28T10:00:0${revision}.000Z`;
    const data = { n: revision, nested: { b: 'x', a: [1, 2] } };
    const hash = computeEventHash(prevHash, { stream: 's-1', revision, type: 'Thing', at, actorId: 'u-1', data });
    events.push({
      id: `e${revision}`,
      stream: 's-1',
      revision,
      position: BigInt(revision + 1),
      globalPosition: String(revision),
      type: 'Thing',
      data,
      metadata: {
        actorId: 'u-1',
        correlationId: 'c',
        causationId: null,
        schemaVersion: 1,
        occurredAt: at,
        prevHash,
        hash,
      },
    });
    prevHash = hash;
  }
  return events;
}

describe('event hash chain (SPEC R10.3)', () => {
  it('is sha256 hex of prevHash followed by the JCS body', () => {
    const fields = {
      stream: 'credential-request-1',
      revision: 0,
      type: 'T',
      at: '2026-01-01T00:00:00.000Z',
      actorId: null,
      data: { z: 1, a: 'b' },
    };
    const body =
      '{"actorId":null,"at":"2026-01-01T00:00:00.000Z","data":{"a":"b","z":1},"revision":0,"stream":"credential-request-1","type":"T"}';
    const expected = createHash('sha256')
      .update(GENESIS_HASH + body)
      .digest('hex');
    expect(computeEventHash(GENESIS_HASH, fields)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(chain(4))).toEqual({ valid: true, events: 4, firstBrokenRevision: null });
  });

  it('reports the first altered revision', () => {
    const events = chain(4);
    events[2] = { ...events[2], data: { ...events[2].data, n: 99 } };
    expect(verifyChain(events)).toEqual({ valid: false, events: 4, firstBrokenRevision: 2 });
  });

  it('reports a removed event as a broken link', () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(verifyChain(events).firstBrokenRevision).toBe(2);
  });
});

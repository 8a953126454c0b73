import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  EventIdConflictError,
  type EventStore,
  type GlobalPosition,
  type RecordedEvent,
  readStreams,
  START,
} from '../event-store.port';
import { verifyChain } from '../hash-chain/event-hash';
import {
  type ContractHarness,
  type ContractSkips,
  headOf,
  itUnless,
  newEvent,
  required,
  streamName,
} from './contract-support';
import { peerFoundCases } from './peer-found.contract';

export type { ContractHarness, ContractSkips } from './contract-support';

/**
 * The one contract every EventStore adapter passes (ARCHITECTURE.md "Event store semantics"). Run it from a Jest
 * file; `makeHarness` is called once for the describe block.
 */
export function eventStoreContract(
  name: string,
  skips: ContractSkips,
  makeHarness: () => Promise<ContractHarness>,
): void {
  describe(`EventStore contract: ${name}`, () => {
    let harness: ContractHarness;
    let store: EventStore;

    beforeAll(async () => {
      harness = await makeHarness();
      store = harness.store;
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('appends and reads a stream back in order with metadata', async () => {
      const stream = streamName();
      const events = [newEvent('A', { n: 1 }), newEvent('B', { n: 2, nested: { x: [1, 'y'] } })];
      const result = await store.append(stream, events, 'NO_STREAM');
      expect(result).toEqual({ nextExpectedRevision: 1, lastGlobalPosition: expect.any(String), written: true });
      const read = await store.readStream(stream);
      expect(read.map((e) => [e.id, e.revision, e.type, e.data])).toEqual([
        [events[0].id, 0, 'A', { n: 1 }],
        [events[1].id, 1, 'B', { n: 2, nested: { x: [1, 'y'] } }],
      ]);
      expect(read[1].globalPosition).toBe(result.lastGlobalPosition);
      expect(read[0].globalPosition < read[1].globalPosition).toBe(true);
      expect(read[0].metadata).toMatchObject({ actorId: 'user-1', causationId: null, schemaVersion: 1 });
      expect(read[0].metadata.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(read[0].metadata.prevHash).toBe('0'.repeat(64));
      expect(read[1].metadata.prevHash).toBe(read[0].metadata.hash);
      expect(await store.readStream(stream, 1)).toHaveLength(1);
      expect(await store.readStream(streamName())).toEqual([]);
    });

    it('reads several streams at once as readStream reads each, [] for a missing one', async () => {
      const [a, b, missing] = [streamName(), streamName(), streamName()];
      await store.append(a, [newEvent('A1'), newEvent('A2')], 'NO_STREAM');
      await store.append(b, [newEvent('B1')], 'NO_STREAM');
      const read = await readStreams(store, [a, missing, b, a]);
      expect([...read.keys()].sort()).toEqual([a, b, missing].sort());
      expect(read.get(a)).toEqual(await store.readStream(a));
      expect(read.get(b)).toEqual(await store.readStream(b));
      expect(read.get(a)?.map((e) => e.type)).toEqual(['A1', 'A2']);
      expect(read.get(missing)).toEqual([]);
    });

    it('checks the expected revision: NO_STREAM on an existing stream, a stale number, ANY', async () => {
      const stream = streamName();
      await store.append(stream, [newEvent()], 'NO_STREAM');
      await expect(store.append(stream, [newEvent()], 'NO_STREAM')).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.append(stream, [newEvent()], 5)).rejects.toMatchObject({
        name: 'ConcurrencyError',
        actual: 0,
      });
      await expect(store.append(streamName(), [newEvent()], 0)).rejects.toMatchObject({ actual: 'NO_STREAM' });
      expect((await store.append(stream, [newEvent()], 0)).nextExpectedRevision).toBe(1);
      expect((await store.append(stream, [newEvent()], 'ANY')).nextExpectedRevision).toBe(2);
      expect((await store.append(streamName(), [newEvent()], 'ANY')).nextExpectedRevision).toBe(0);
    });

    it('lets exactly one of two writers with the same expected revision win', async () => {
      const stream = streamName();
      await store.append(stream, [newEvent()], 'NO_STREAM');
      const outcomes = await Promise.allSettled([
        store.append(stream, [newEvent('W1')], 0),
        store.append(stream, [newEvent('W2')], 0),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream(stream)).toHaveLength(2);
      expect(verifyChain(await store.readStream(stream)).valid).toBe(true);
    });

    it('treats a re-append of stored ids as an idempotent no-op', async () => {
      const stream = streamName();
      const events = [newEvent(), newEvent()];
      const first = await store.append(stream, events, 'NO_STREAM');
      await store.append(stream, [newEvent()], 1);
      // A retry after a lost acknowledgement: same ids, the expected revision it used then.
      const again = await store.append(stream, events, 'NO_STREAM');
      expect(again).toEqual({ nextExpectedRevision: 2, lastGlobalPosition: first.lastGlobalPosition, written: false });
      expect(await store.append(stream, events, 'ANY')).toMatchObject({ written: false });
      expect(await store.readStream(stream)).toHaveLength(3);
      // Partly stored ids are not a retry of one append (appends are all-or-nothing): rejected, nothing written.
      await expect(store.append(stream, [events[0], newEvent()], 2)).rejects.toBeInstanceOf(EventIdConflictError);
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    itUnless(skips.idsAcrossStreams)('rejects a stored event id appended to another stream', async () => {
      const stored = newEvent();
      await store.append(streamName(), [stored], 'NO_STREAM');
      const other = streamName();
      await expect(store.append(other, [stored], 'ANY')).rejects.toBeInstanceOf(EventIdConflictError);
      expect(await store.readStream(other)).toEqual([]);
    });

    it('delivers every event exactly once, in global order, to a subscriber while 8 writers append', async () => {
      const seen: RecordedEvent[] = [];
      const start = await headOf(store);
      const subscription = store.subscribeToAll(start, async (batch) => void seen.push(...batch), {
        batchSize: 50,
        pollIntervalMs: 50,
      });
      const streams = Array.from({ length: 4 }, () => streamName('mixed'));
      const written = new Set<string>();
      let last: GlobalPosition = START;
      await Promise.all(
        Array.from({ length: 8 }, async (_, writer) => {
          for (let i = 0; i < 15; i++) {
            const stream = streams[(writer + i) % streams.length];
            const events = [newEvent('Mixed', { writer, i }), newEvent('Mixed', { writer, i, second: true })];
            for (;;) {
              try {
                const state = await store.readStream(stream);
                const expected = state.length === 0 ? 'NO_STREAM' : state[state.length - 1].revision;
                const result = await store.append(stream, events, expected);
                events.forEach((e) => written.add(e.id));
                if (result.lastGlobalPosition > last) last = result.lastGlobalPosition;
                break;
              } catch (error) {
                if (!(error instanceof ConcurrencyError)) throw error;
              }
            }
          }
        }),
      );
      await subscription.caughtUp(last);
      await subscription.stop();
      const mine = seen.filter((e) => streams.includes(e.stream));
      expect(mine).toHaveLength(written.size);
      expect(new Set(mine.map((e) => e.id))).toEqual(written);
      for (let i = 1; i < seen.length; i++) expect(seen[i - 1].globalPosition < seen[i].globalPosition).toBe(true);
      for (const stream of streams) {
        const revisions = mine.filter((e) => e.stream === stream).map((e) => e.revision);
        expect(revisions).toEqual(revisions.map((_, i) => i));
        expect(verifyChain(await store.readStream(stream)).valid).toBe(true);
      }
    });

    // The read horizon under racing single-statement appends: every follower of `readAll` must see every event. A
    // horizon that took a running appender for a bystander (a commit in flight between two looks at it) made each
    // follower skip ~0.25 % of the events here (PostgreSQL: libs/event-store/README "Global order and the read horizon").
    it('lets no readAll follower skip an event while 8 writers append 4,000 events', async () => {
      const start = await headOf(store);
      const tag = randomUUID().slice(0, 8);
      const written = new Set<string>();
      let writing = true;
      const follow = async (): Promise<Set<string>> => {
        const seen = new Set<string>();
        let position = start;
        for (let drained = false; !drained;) {
          const wasWriting = writing;
          const batch = await store.readAll(position, 500);
          for (const event of batch) {
            if (event.stream.startsWith(`race-${tag}-`)) seen.add(event.id);
            position = event.globalPosition;
          }
          // One empty read after the last append committed: nothing may be left behind.
          if (batch.length === 0) {
            if (!wasWriting) drained = true;
            else await new Promise((resolve) => setImmediate(resolve));
          }
        }
        return seen;
      };
      const followers = Array.from({ length: 4 }, () => follow());
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < 4000) {
            const event = newEvent('Raced', { n: next++ });
            await store.append(`race-${tag}-${event.id}`, [event], 'NO_STREAM');
            written.add(event.id);
          }
        }),
      );
      writing = false;
      for (const seen of await Promise.all(followers)) {
        const missed = [...written].filter((id) => !seen.has(id));
        expect({ missed: missed.length, seen: seen.size }).toEqual({ missed: 0, seen: written.size });
      }
    }, 120_000);

    it('wakes a live subscriber on append instead of waiting for the poll interval', async () => {
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribeToAll(START, async (batch) => void seen.push(...batch), {
        batchSize: 1000,
        pollIntervalMs: 600_000, // only a wake-up can deliver the new event before Jest's timeout
      });
      await subscription.caughtUp(); // catch-up done: the subscriber now sleeps
      const stream = streamName('wake');
      const result = await store.append(stream, [newEvent()], 'NO_STREAM');
      await subscription.caughtUp(result.lastGlobalPosition);
      await subscription.stop();
      expect(seen.filter((e) => e.stream === stream)).toHaveLength(1);
    });

    it('resumes a subscription from a checkpoint without repeating or skipping', async () => {
      const stream = streamName('resume');
      await store.append(stream, [newEvent(), newEvent(), newEvent()], 'NO_STREAM');
      const all = await store.readStream(stream);
      const checkpoint = all[1].globalPosition;
      await store.append(stream, [newEvent()], 2);
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribeToAll(checkpoint, async (batch) => void seen.push(...batch), {
        pollIntervalMs: 50,
      });
      await subscription.caughtUp();
      await subscription.stop();
      expect(seen.filter((e) => e.stream === stream).map((e) => e.revision)).toEqual([2, 3]);
      expect(seen.every((e) => e.globalPosition > checkpoint)).toBe(true);
    });

    it('retries the same batch after a handler error and reports it', async () => {
      const stream = streamName('retry');
      const from = await headOf(store);
      await store.append(stream, [newEvent()], 'NO_STREAM');
      const errors: unknown[] = [];
      const deliveries: string[][] = [];
      let fail = true;
      const subscription = store.subscribeToAll(
        from,
        async (batch) => {
          deliveries.push(batch.map((e) => e.id));
          if (fail) {
            fail = false;
            throw new Error('projector down');
          }
        },
        { pollIntervalMs: 50, retryDelayMs: 10, onError: (e) => errors.push(e) },
      );
      await subscription.caughtUp();
      await subscription.stop();
      expect(errors).toHaveLength(1);
      expect(deliveries.length).toBeGreaterThanOrEqual(2);
      expect(deliveries[1]).toEqual(deliveries[0]);
    });

    itUnless(skips.lateCommit)(
      'never moves a subscriber past a transaction that took its position early and commits late',
      async () => {
        const openLateTransaction = required(harness.openLateTransaction, 'openLateTransaction');
        const seen: RecordedEvent[] = [];
        const subscription = store.subscribeToAll(await headOf(store), async (batch) => void seen.push(...batch), {
          pollIntervalMs: 20,
        });
        const lateStream = streamName('late');
        const lateId = randomUUID();
        const late = await openLateTransaction(lateStream, lateId);
        const afterStream = streamName('after');
        const after = await store.append(afterStream, [newEvent(), newEvent()], 'NO_STREAM');
        // The later events are committed, yet invisible to global readers while the early transaction runs.
        const readable = await store.readAll(START, 1_000_000);
        expect(readable.some((e) => e.stream === afterStream || e.id === lateId)).toBe(false);
        await new Promise((resolve) => setTimeout(resolve, 150)); // several poll rounds
        expect(seen.some((e) => e.stream === afterStream)).toBe(false);
        await late.commit();
        await subscription.caughtUp(after.lastGlobalPosition);
        await subscription.stop();
        const order = seen.filter((e) => e.stream === afterStream || e.id === lateId).map((e) => e.stream);
        expect(order).toEqual([lateStream, afterStream, afterStream]);
      },
    );

    async function auditStream(): Promise<string> {
      const stream = streamName('audit');
      await store.append(stream, [newEvent('A', { amount: 1 }), newEvent('B', { amount: 2 })], 'NO_STREAM');
      await store.append(stream, [newEvent('C', { amount: 3 })], 1);
      return stream;
    }

    it('verifies the hash chain of an untouched stream', async () => {
      const stream = await auditStream();
      expect(verifyChain(await store.readStream(stream))).toEqual({
        valid: true,
        events: 3,
        firstBrokenRevision: null,
      });
    });

    itUnless(skips.tamper)('pinpoints a tampered event in the hash chain', async () => {
      const tamper = required(harness.tamper, 'tamper');
      const stream = await auditStream();
      await tamper(stream, 1, { amount: 2000 });
      expect(verifyChain(await store.readStream(stream))).toEqual({ valid: false, events: 3, firstBrokenRevision: 1 });
    });

    peerFoundCases(() => harness, skips);

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

import {
  ConcurrencyError,
  DuplicateEventIdError,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
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

/**
 * Cases found by running other projects' event-store suites (Emmett's feature tests, EventStoreDB's client tests)
 * and a profile against ours (issue 13 A): every adapter must give the port's answer, not its engine's.
 */
export function peerFoundCases(current: () => ContractHarness, skips: ContractSkips): void {
  const store = (): EventStore => current().store;

  describe('peer-found cases', () => {
    it.each<ExpectedRevision>(['ANY', 'NO_STREAM', 0])(
      'refuses a batch naming one event id twice at once (DuplicateEventIdError), expected %p, writing nothing',
      async (expected) => {
        const stream = streamName('dup');
        if (expected === 0) await store().append(stream, [newEvent()], 'NO_STREAM');
        const twice = newEvent();
        await expect(store().append(stream, [twice, newEvent(), twice], expected)).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
        expect((await store().readStream(stream)).map((e) => e.id)).not.toContain(twice.id);
      },
    );

    it.each(['a new', 'an existing'])(
      'lets 200 parallel ANY appends to %s stream all succeed, each once, the hash chain exact',
      async (kind) => {
        const stream = streamName('any');
        if (kind === 'an existing') await store().append(stream, [newEvent()], 'NO_STREAM');
        const before = (await store().readStream(stream)).length;
        const batches = Array.from({ length: 200 }, (_, i) => [newEvent('Parallel', { i })]);
        const results = await Promise.all(batches.map((batch) => store().append(stream, batch, 'ANY')));
        expect(results.every((r) => r.written)).toBe(true);
        const events = await store().readStream(stream);
        expect(events).toHaveLength(before + 200);
        expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
        expect(new Set(results.map((r) => r.nextExpectedRevision)).size).toBe(200);
        expect(verifyChain(events)).toMatchObject({ valid: true, events: before + 200 });
      },
    );

    it('keeps an exact-revision writer exact while ANY writers append to the same stream', async () => {
      const stream = streamName('mixed-any');
      await store().append(stream, [newEvent()], 'NO_STREAM');
      const outcomes = await Promise.allSettled([
        ...Array.from({ length: 20 }, () => store().append(stream, [newEvent('Any')], 'ANY')),
        store().append(stream, [newEvent('Exact')], 0),
      ]);
      const exact = outcomes[20];
      if (exact.status === 'rejected') expect(exact.reason).toBeInstanceOf(ConcurrencyError);
      expect(outcomes.slice(0, 20).every((o) => o.status === 'fulfilled')).toBe(true);
      const events = await store().readStream(stream);
      expect(events).toHaveLength(exact.status === 'fulfilled' ? 22 : 21);
      if (exact.status === 'fulfilled') expect(events[1].type).toBe('Exact'); // it expected revision 0: right after
      expect(verifyChain(events).valid).toBe(true);
    });

    describe('a re-append of stored ids is a no-op whatever the expected revision', () => {
      let stream: string;
      let stored: ReturnType<typeof newEvent>[];
      let firstResult: { lastGlobalPosition: string };
      let before: RecordedEvent[];

      beforeAll(async () => {
        stream = streamName('idem');
        stored = [newEvent(), newEvent()];
        firstResult = await store().append(stream, stored, 'NO_STREAM');
        await store().append(stream, [newEvent(), newEvent()], 1); // the stream moved on: head is revision 3
        before = await store().readStream(stream);
      });

      it.each<[string, ExpectedRevision]>([
        ['ANY', 'ANY'],
        ['NO_STREAM (the revision it used)', 'NO_STREAM'],
        ['the current revision', 3],
        ['a wrong revision', 7],
        ['a revision in the middle', 1],
      ])('with %s: written false, the stream unchanged', async (_, expected) => {
        const again = await store().append(stream, stored, expected);
        expect(again).toEqual({
          nextExpectedRevision: 3,
          lastGlobalPosition: firstResult.lastGlobalPosition,
          written: false,
        });
        expect(await store().readStream(stream)).toEqual(before);
      });
    });

    for (const where of ['other-database', 'same-database', 'other-database-appender'] as const) {
      itUnless(skips.unrelatedTransactions)(
        `delivers new events while a transaction that appends nothing stays open (${where})`,
        async () => {
          const hold = required(current().holdUnrelatedTransaction, 'holdUnrelatedTransaction');
          const from = await headOf(store());
          const held = await hold(where);
          try {
            const stream = streamName(`horizon-${where}`);
            const result = await store().append(stream, [newEvent(), newEvent()], 'NO_STREAM');
            const readable = await store().readAll(from, 1000);
            expect(readable.filter((e) => e.stream === stream)).toHaveLength(2);
            // What a projection does: the subscription reaches the new events with the transaction still open.
            const seen: RecordedEvent[] = [];
            const subscription = store().subscribeToAll(from, async (batch) => void seen.push(...batch), {
              pollIntervalMs: 20,
            });
            await subscription.caughtUp(result.lastGlobalPosition);
            await subscription.stop();
            expect(seen.filter((e) => e.stream === stream)).toHaveLength(2);
          } finally {
            await held.end();
          }
        },
      );
    }
  });
}

import type { Projector } from '@projections';

/**
 * A deliberately NOT idempotent read model: it adds each batch's size to a counter. If any batch were applied
 * twice (a crash between applying and checkpointing), the counter would exceed the number of events.
 */
export const countingProjector: Projector = {
  name: 'test_counter',
  version: 1,
  tables: [
    {
      name: 'test_event_counter',
      ddl: 'CREATE TABLE test_event_counter (id int PRIMARY KEY, events bigint NOT NULL);',
    },
  ],
  async apply(tx, events) {
    await tx.query(
      `INSERT INTO test_event_counter (id, events) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET events = test_event_counter.events + EXCLUDED.events`,
      [events.length],
    );
  },
};

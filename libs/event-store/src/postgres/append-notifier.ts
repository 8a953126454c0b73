import { PREPARED, type SqlClient } from '../sql/sql-client';
import { NOTIFY } from './postgres-event-store.sql';

/**
 * Wakes subscribers (in every process) after appends have committed. Not inside the append: a transaction that ran
 * NOTIFY takes a global lock at commit, which serializes concurrent writers. Here at most one NOTIFY is in flight;
 * appends that commit meanwhile are covered by one more NOTIFY afterwards. A lost NOTIFY only costs latency
 * (subscribers poll).
 */
export class AppendNotifier {
  private inFlight = false;
  private pending = false;
  private warned = false;

  constructor(private readonly sql: SqlClient) {}

  poke(): void {
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.inFlight = true;
    this.sql
      // Prepared: PostgreSQL would otherwise parse and plan this one statement after every append burst.
      .query(NOTIFY, [], PREPARED)
      .catch((error: unknown) => {
        if (!this.warned) console.warn('event store: NOTIFY failed; subscribers fall back to polling', error);
        this.warned = true;
      })
      .finally(() => {
        this.inFlight = false;
        if (this.pending) {
          this.pending = false;
          this.poke();
        }
      });
  }

  /** Resolves once no NOTIFY is in flight (before closing the client). */
  async drain(): Promise<void> {
    while (this.inFlight) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

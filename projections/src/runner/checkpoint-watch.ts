import type { GlobalPosition, SqlClient } from '@libs/event-store';
import { CHECKPOINT_CHANNEL, readCheckpoints } from './checkpoints';

/**
 * What this process knows of the projections applied elsewhere (R7.6 across processes): LISTENs on
 * CHECKPOINT_CHANNEL and keeps the newest position per projection, so a waiting mutation is woken by the projector's
 * commit itself, with no query. The stored checkpoints are read only to prime it (commits before LISTEN) and by the
 * waiters' slow fallback poll; a fallback read that finds more than the notifications told means one was lost (its
 * connection dropped), and LISTEN is set up again.
 */
export class CheckpointWatch {
  private readonly known = new Map<string, GlobalPosition>();
  private readonly waiters = new Set<() => void>();
  private listening: Promise<(() => Promise<void>) | null> | null = null;
  private primed = false;

  constructor(private readonly sql: SqlClient) {}

  /** The newest position of `name` this process heard of ('' when none). */
  position(name: string): GlobalPosition {
    return this.known.get(name) ?? '';
  }

  /** Resolves once LISTEN is in place (or failed: the waiters' fallback poll then carries everything). */
  async ready(): Promise<void> {
    this.listening ??= this.sql
      .listen(CHECKPOINT_CHANNEL, (payload) => this.heard(payload))
      .catch((error: unknown) => {
        console.warn('projections: LISTEN on checkpoints failed; waiting by polling', error);
        this.listening = null;
        return null;
      });
    await this.listening;
  }

  /** Whether the stored checkpoints must be read now: not yet since LISTEN started, or `force` (fallback poll). */
  async refresh(names: readonly string[], force: boolean): Promise<void> {
    if (this.primed && !force) return;
    const listening = this.listening !== null;
    const stored = await readCheckpoints(this.sql, names);
    let missed = false;
    for (const [name, position] of stored) {
      if (position > this.position(name)) {
        if (this.primed) missed = true;
        this.known.set(name, position);
      }
    }
    this.primed = listening;
    if (missed) await this.relisten();
  }

  /** Registers a wake-up for the next checkpoint heard; returns its removal. */
  onProgress(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }

  async close(): Promise<void> {
    const listening = this.listening;
    this.listening = null;
    this.primed = false;
    const unlisten = await listening;
    await unlisten?.().catch(() => undefined);
  }

  private heard(payload: string): void {
    const [name, position] = payload.split(' ');
    if (!name || !position || position <= this.position(name)) return;
    this.known.set(name, position);
    for (const wake of [...this.waiters]) wake();
  }

  private async relisten(): Promise<void> {
    await this.close();
    await this.ready();
  }
}

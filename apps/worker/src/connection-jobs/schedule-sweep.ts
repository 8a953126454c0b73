import type { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { type Clock, type ConnectionRefresher, RevokeExpiredAccessCommand } from '@libs/application';
import type { ConnectionSchedule, ScheduleEntry } from './connection-schedule';

export interface ScheduleSweepDeps {
  schedule: ConnectionSchedule;
  commands: CommandBus;
  refresher: ConnectionRefresher;
  clock: Clock;
  logger: Logger;
  intervalMs: number;
  /** How long before expiry a token is refreshed, per app (the scheduler's own rule). */
  marginMs: (appKey: string) => number;
  /** Whether this process holds the scheduler's lock: only that one sweeps (default: always). */
  isActive?: () => boolean;
}

/** A token still fresh when the sweep looked is looked at again no sooner than this. */
const RECHECK_MS = 60_000;

/**
 * Catches up, every `intervalMs` (in the one process holding the scheduler's lock), the refreshes (R5.6) and end-of-access revocations (R12.4) whose delayed job is
 * gone (Redis lost its data) or late. Harmless next to the job and across processes: a revocation has a
 * deterministic event id and the domain refuses a second one; a refresh runs under the per-connection lock and
 * finds a fresh token.
 */
export class ScheduleSweep {
  private stopped = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly deps: ScheduleSweepDeps) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.deps.intervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (this.stopped) return;
      if (this.deps.isActive && !this.deps.isActive()) continue;
      try {
        for (const entry of await this.deps.schedule.due(this.deps.clock.now(), 100)) {
          if (this.stopped) return;
          await this.handle(entry);
        }
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'connection schedule sweep: retrying next round');
      }
    }
  }

  private async handle(entry: ScheduleEntry): Promise<void> {
    const { schedule, commands, refresher, clock, logger, marginMs } = this.deps;
    const context = { correlationId: `sweep:${entry.kind}:${entry.requestId}:${entry.appKey}`, causationId: null };
    if (entry.kind === 'access-until') {
      const result = await commands.execute(
        new RevokeExpiredAccessCommand({ requestId: entry.requestId, appKey: entry.appKey }, context),
      );
      if (result.revoked) logger.info({ requestId: entry.requestId, appKey: entry.appKey }, 'access ended (sweep)');
      await schedule.settle(entry);
      return;
    }
    const target = { requestId: entry.requestId, appKey: entry.appKey, connectionId: entry.connectionId ?? '' };
    // An outage throws: the entry stays for the next round.
    const answer = await refresher.refresh(target, { correlationId: context.correlationId });
    if (answer.outcome === 'NOT_NEEDED' && answer.expiresAt) {
      const next = Math.max(Date.parse(answer.expiresAt) - marginMs(entry.appKey), clock.now().getTime() + RECHECK_MS);
      await schedule.postpone(entry, new Date(next).toISOString());
      return;
    }
    // REFRESHED (its event schedules the next one), FAILED (expired: reauthorization schedules anew), GONE.
    await schedule.settle(entry);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import type { CommandContext } from '../../shared/command-context';
import { RevokeLeaverAccessCommand } from './revoke-leaver-access.command';
import type { SqlClient } from '@libs/event-store';
import { LOGGER, SQL_CLIENT } from '@libs/infrastructure';
import { connectionsGivenBy, ReadYourWrites } from '@projections';

export interface Leaver {
  organizationId: string;
  userId: string;
  /** The teams the person left; null when they left the organization (every team of it). */
  teamIds: readonly string[] | null;
}

/**
 * R13.13: connections a person gave to a team they no longer belong to are revoked by the system. Run twice on
 * purpose: by the removal mutation before it answers (so the runtime refuses by the time the admin sees "done"),
 * and by the connection-jobs reactor on the removal event (so a crash in between still revokes). Each revocation
 * is decided on the request's stream with the membership as of then; a second run stores nothing.
 */
@Injectable()
export class LeaverRevocations {
  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Revokes what the leaver gave; answers the last position written (or `position` when nothing was). */
  async revoke(leaver: Leaver, position: string, context: Omit<CommandContext, 'actor'>): Promise<string> {
    // The removal must be projected, so every authorization before it is in the read model we search.
    await this.readYourWrites.after(position);
    const given = await connectionsGivenBy(this.sql, {
      recipientId: leaver.userId,
      organizationId: leaver.organizationId,
      teamIds: leaver.teamIds,
    });
    let last = position;
    for (const { requestId, appKey } of given) {
      const result = await this.commands.execute(new RevokeLeaverAccessCommand({ requestId, appKey }, context));
      if (result.revoked) last = result.position;
      else this.logger.debug({ requestId, appKey, skipped: result.skipped }, 'leaver revocation skipped');
    }
    return last;
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext, Written } from '../../shared/command-context';

export interface AcceptInvitationResult extends Written {
  requestId: string;
  organizationId: string;
  teamId: string;
}

/**
 * R4.4: the signed-in user whose verified e-mail is the invited address becomes the recipient and a GUEST of the
 * organization and the team. Accepting again is harmless (and heals a crash between the two streams).
 */
export class AcceptInvitationCommand extends Command<AcceptInvitationResult> {
  constructor(
    readonly input: { token: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

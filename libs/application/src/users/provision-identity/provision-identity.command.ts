import { Command } from '@nestjs/cqrs';
import type { Written } from '../../shared/command-context';
import type { CommandContext } from '../../shared/command-context';

export interface ProvisionIdentityResult extends Written {
  userId: string;
}

/**
 * R1.2 / R13.2: every authenticated call (the gateway may cache "already bound"). The user id is derived from the
 * lower-cased e-mail; a verified token binds its `sub`; another `sub` for the same e-mail is UNAUTHENTICATED.
 */
export class ProvisionIdentityCommand extends Command<ProvisionIdentityResult> {
  constructor(
    readonly claims: { subject: string; email: string; name: string; emailVerified: boolean },
    readonly context: Omit<CommandContext, 'actor'>,
  ) {
    super();
  }
}

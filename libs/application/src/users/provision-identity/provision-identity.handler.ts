import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideUser, DomainError, isValidEmail, normalizeEmail, streams } from '@libs/domain';
import { foldUser } from '../../shared/folds';
import { deterministicEventId, userIdForEmail } from '../../shared/ids';
import { StreamRunner } from '../../shared/stream-runner';
import { ProvisionIdentityCommand, type ProvisionIdentityResult } from './provision-identity.command';

@CommandHandler(ProvisionIdentityCommand)
export class ProvisionIdentityHandler implements ICommandHandler<ProvisionIdentityCommand> {
  constructor(private readonly runner: StreamRunner) {}

  async execute({ claims, context }: ProvisionIdentityCommand): Promise<ProvisionIdentityResult> {
    if (!isValidEmail(claims.email ?? ''))
      throw new DomainError('UNAUTHENTICATED', 'The token carries no usable e-mail.');
    const email = normalizeEmail(claims.email);
    const userId = userIdForEmail(email);
    const name = (claims.name ?? '').trim() || email;
    const { position } = await this.runner.run({
      stream: streams.user(userId),
      fold: foldUser,
      // The user acts on their own record.
      context: { ...context, actor: { userId, isSupport: false } },
      decide: (state) =>
        decideUser(
          {
            type: 'BindIdentity',
            data: { userId, email, name, subject: claims.subject, emailVerified: claims.emailVerified },
          },
          state,
        ),
      // Two first calls of one user at once decide the same events: deterministic ids make the loser's retry
      // (after its ConcurrencyError it re-decides on the winner's state) converge instead of duplicating.
      eventId: (event) => deterministicEventId(`${userId}:${event.type}:${claims.subject}`),
    });
    return { userId, position };
  }
}

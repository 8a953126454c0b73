import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideOrganization,
  decideUser,
  DomainError,
  isValidEmail,
  LIMITS,
  normalizeEmail,
  streams,
} from '@libs/domain';
import type { DirectoryIndex } from '../../ports/directory-index';
import { foldOrganization, foldUser } from '../../shared/folds';
import { userIdForEmail } from '../../shared/ids';
import { StreamRunner } from '../../shared/stream-runner';
import { DIRECTORY_INDEX } from '../../shared/tokens';
import { AddOrganizationMemberCommand, type AddOrganizationMemberResult } from './add-organization-member.command';

@CommandHandler(AddOrganizationMemberCommand)
export class AddOrganizationMemberHandler implements ICommandHandler<AddOrganizationMemberCommand> {
  constructor(
    private readonly runner: StreamRunner,
    @Inject(DIRECTORY_INDEX) private readonly index: DirectoryIndex,
  ) {}

  async execute({ input, context }: AddOrganizationMemberCommand): Promise<AddOrganizationMemberResult> {
    const fields = [];
    if (!isValidEmail(input.email ?? ''))
      fields.push({ path: 'email', message: 'A valid e-mail address is required.' });
    const name = (input.name ?? '').trim();
    if (name.length === 0 || name.length > LIMITS.memberName) {
      fields.push({ path: 'name', message: `The name must be 1 to ${LIMITS.memberName} characters.` });
    }
    if (fields.length > 0) throw new DomainError('BAD_USER_INPUT', fields[0].message, fields);
    const email = normalizeEmail(input.email);
    const userId = userIdForEmail(email);
    const addMember = (state: ReturnType<typeof foldOrganization>) =>
      decideOrganization(
        { type: 'AddOrganizationMember', data: { actor: context.actor, userId, role: input.role } },
        state,
      );

    // Refuse first (a stranger must not be able to create user records), then make sure the user exists.
    const org = await this.runner.load(streams.organization(input.organizationId), foldOrganization);
    addMember(org.state);
    await this.runner.run({
      stream: streams.user(userId),
      fold: foldUser,
      context,
      decide: (state) => decideUser({ type: 'RegisterUser', data: { userId, email, name } }, state),
    });
    const { position } = await this.runner.run({
      stream: streams.organization(input.organizationId),
      fold: foldOrganization,
      context,
      decide: addMember,
      beforeAppend: () => this.index.recordMembership(userId, input.organizationId),
    });
    return { organizationId: input.organizationId, userId, position };
  }
}

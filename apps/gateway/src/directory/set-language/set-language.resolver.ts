import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { ChooseLanguageCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { Language, Viewer } from '../../platform/graphql';
import { DirectoryAnswers } from '../directory-answers';
import { toUserParent } from '../directory-parents';
import { commandContext } from '../../platform/shared/command-context';
import type { ViewerParent } from '../viewer/viewer.resolver';

@Resolver()
export class SetLanguageResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
  ) {}

  /** Issue 10: the member's own language for the e-mails they receive; answered once the read model shows it (R7.6). */
  @Mutation(() => Viewer)
  async setLanguage(
    @CurrentIdentity() caller: Caller,
    @Args('language', { type: () => Language }) language: Language,
    @Context() context: object,
  ): Promise<ViewerParent> {
    const result = await this.commandBus.execute(new ChooseLanguageCommand(language, commandContext(caller)));
    const row = await (await this.answers.after(result.position, context)).user(result.userId);
    if (!row) throw new Error(`user ${result.userId} was written but is not visible in the read models yet`);
    return {
      user: toUserParent(row),
      supportStaff: caller.support,
      language: row.language,
      languageChosen: row.languageChosen,
    };
  }
}

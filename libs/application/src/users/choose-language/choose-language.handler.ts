import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideUser, DomainError, streams } from '@libs/domain';
import { foldUser } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { ChooseLanguageCommand, type ChooseLanguageResult } from './choose-language.command';

@CommandHandler(ChooseLanguageCommand)
export class ChooseLanguageHandler implements ICommandHandler<ChooseLanguageCommand> {
  constructor(private readonly runner: StreamRunner) {}

  async execute({ language, context }: ChooseLanguageCommand): Promise<ChooseLanguageResult> {
    const userId = context.actor.userId;
    if (userId === null) throw new DomainError('UNAUTHENTICATED', 'Sign in to choose a language.');
    const { position } = await this.runner.run({
      stream: streams.user(userId),
      fold: foldUser,
      context,
      decide: (state) => decideUser({ type: 'ChooseLanguage', data: { actor: context.actor, language } }, state),
    });
    return { userId, position };
  }
}

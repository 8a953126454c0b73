import { Command } from '@nestjs/cqrs';
import type { Language } from '@libs/domain';
import type { CommandContext, Written } from '../../shared/command-context';

export interface ChooseLanguageResult extends Written {
  userId: string;
}

/** setLanguage (issue 10): the caller's own language for the e-mails they receive. */
export class ChooseLanguageCommand extends Command<ChooseLanguageResult> {
  constructor(
    readonly language: Language,
    readonly context: CommandContext,
  ) {
    super();
  }
}

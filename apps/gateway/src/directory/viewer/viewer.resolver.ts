import { Inject } from '@nestjs/common';
import { Context, Query, Resolver } from '@nestjs/graphql';
import { READ_MODELS, type ReadModels } from '@projections';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { Language, Viewer } from '../../platform/graphql';
import type { UserParent } from '../directory-parents';
import { MeResolver } from '../me/me.resolver';

export interface ViewerParent {
  user: UserParent;
  supportStaff: boolean;
  language: Language;
  languageChosen: boolean;
}

@Resolver()
export class ViewerResolver {
  constructor(
    private readonly me: MeResolver,
    @Inject(READ_MODELS) private readonly reads: ReadModels,
  ) {}

  /**
   * The signed-in user (as `me`, provisioned the same way), whether they are support staff (the token's or
   * session's `platform_role`), and their own language for e-mails (`setLanguage`; EN until they choose).
   */
  @Query(() => Viewer)
  async viewer(@CurrentIdentity() caller: Caller, @Context() context: object): Promise<ViewerParent> {
    const user = await this.me.me(caller, context);
    const row = await this.reads.userById(user.id);
    return {
      user,
      supportStaff: caller.support,
      language: row?.language ?? Language.EN,
      languageChosen: row?.languageChosen ?? false,
    };
  }
}

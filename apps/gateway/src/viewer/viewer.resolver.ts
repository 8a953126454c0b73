import { Context, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import type { Caller } from '../auth/identity-provisioner';
import { Language, Viewer } from '../graphql';
import type { UserParent } from '../directory/directory-parents';
import { MeResolver } from '../me/me.resolver';

interface ViewerParent {
  user: UserParent;
  supportStaff: boolean;
  language: Language;
}

@Resolver()
export class ViewerResolver {
  constructor(private readonly me: MeResolver) {}

  /**
   * The signed-in user (as `me`, provisioned the same way), whether they are support staff (the token's or
   * session's `platform_role`), and their language for e-mails. Decision: `language` is EN until a stored choice
   * exists (`setLanguage` comes with the e-mail translations, another branch, which replaces this field).
   */
  @Query(() => Viewer)
  async viewer(@CurrentIdentity() caller: Caller, @Context() context: object): Promise<ViewerParent> {
    return { user: await this.me.me(caller, context), supportStaff: caller.support, language: Language.EN };
  }
}

import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import type * as domain from '@libs/domain';
import { User } from './directory.types';

/*
 * WEB-SCHEMA.md's Language and Viewer, written here identically to branch web-server's web.types.ts (same names,
 * descriptions and fields) so the generated schema agrees; when both branches meet, one definition is dropped.
 */

export const Language = { EN: 'EN', PT_BR: 'PT_BR' } as const;
export type Language = domain.Language;
registerEnumType(Language, { name: 'Language' });

@ObjectType({ description: 'The signed-in user, as the web app needs them.' })
export class Viewer {
  @Field(() => User) user: User;
  @Field(() => Boolean) supportStaff: boolean;
  @Field(() => Language, { description: "the member's own choice for e-mails (default EN)" }) language: Language;
}

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrgRole } from '../enums';
import { User } from './directory.types';
import { Person } from './person.type';

/*
 * Schema additions for the web app (issue #10, WEB-SCHEMA.md): additions only, as the contract allows.
 */

export const Language = { EN: 'EN', PT_BR: 'PT_BR' } as const;
export type Language = (typeof Language)[keyof typeof Language];
registerEnumType(Language, { name: 'Language' });

@ObjectType({ description: 'The signed-in user, as the web app needs them.' })
export class Viewer {
  @Field(() => User) user: User;
  @Field(() => Boolean) supportStaff: boolean;
  @Field(() => Language, { description: "the member's own choice for e-mails (default EN)" }) language: Language;
  @Field(() => Boolean, {
    description: 'whether `language` was chosen (setLanguage), English included, or is the default',
  })
  languageChosen: boolean;
}

@ObjectType({ description: 'What an invitation link leads to (R12.1: reading it changes nothing).' })
export class InvitationPreview {
  @Field(() => String) organizationName: string;
  @Field(() => String) teamName: string;
  @Field(() => Person, { nullable: true, description: 'the requester who sent it, when it belongs to a request' })
  invitedBy?: Person | null;
  @Field(() => ID, { nullable: true }) requestId?: string | null;
  @Field(() => String, { nullable: true }) requestName?: string | null;
  @Field(() => String, { description: 'the invited address' }) email: string;
  @Field(() => Boolean) accepted: boolean;
}

@ObjectType()
export class OrganizationMember {
  @Field(() => User) user: User;
  @Field(() => OrgRole) role: OrgRole;
}

@ObjectType()
export class Webhook {
  @Field(() => ID) id: string;
  @Field(() => String) url: string;
  @Field(() => Date) createdAt: Date;
}

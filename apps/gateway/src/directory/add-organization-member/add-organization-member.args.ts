import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEmail, IsString, Length } from 'class-validator';
import { OrgRole } from '../../platform/graphql';
import { Trim } from '../../platform/graphql/inputs/trim';
import { LIMITS } from '@libs/domain';

@ArgsType()
export class AddOrganizationMemberArgs {
  @Field(() => ID)
  @IsString()
  organizationId: string;

  @Field(() => String)
  @Trim()
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email: string;

  @Field(() => String)
  @Trim()
  @Length(1, LIMITS.memberName, { message: `name must be 1 to ${LIMITS.memberName} characters` })
  name: string;

  @Field(() => OrgRole)
  role: OrgRole;
}

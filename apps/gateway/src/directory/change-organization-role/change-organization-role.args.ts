import { ArgsType, Field, ID } from '@nestjs/graphql';
import { OrgRole } from '../../platform/graphql';
import { NotBlank } from '../../platform/graphql/inputs/not-blank';

@ArgsType()
export class ChangeOrganizationRoleArgs {
  @Field(() => ID)
  @NotBlank('organizationId')
  organizationId: string;

  @Field(() => ID)
  @NotBlank('userId')
  userId: string;

  @Field(() => OrgRole)
  role: OrgRole;
}

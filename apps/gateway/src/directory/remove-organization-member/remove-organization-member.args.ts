import { ArgsType, Field, ID } from '@nestjs/graphql';
import { NotBlank } from '../../platform/graphql/inputs/not-blank';

@ArgsType()
export class RemoveOrganizationMemberArgs {
  @Field(() => ID)
  @NotBlank('organizationId')
  organizationId: string;

  @Field(() => ID)
  @NotBlank('userId')
  userId: string;
}

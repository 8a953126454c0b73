import { ArgsType, Field, ID } from '@nestjs/graphql';
import { NotBlank } from '../../platform/graphql/inputs/not-blank';

@ArgsType()
export class RemoveTeamMemberArgs {
  @Field(() => ID)
  @NotBlank('teamId')
  teamId: string;

  @Field(() => ID)
  @NotBlank('userId')
  userId: string;
}

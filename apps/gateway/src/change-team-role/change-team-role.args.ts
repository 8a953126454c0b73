import { ArgsType, Field, ID } from '@nestjs/graphql';
import { TeamRole } from '../graphql';
import { NotBlank } from '../graphql/inputs/not-blank';

@ArgsType()
export class ChangeTeamRoleArgs {
  @Field(() => ID)
  @NotBlank('teamId')
  teamId: string;

  @Field(() => ID)
  @NotBlank('userId')
  userId: string;

  @Field(() => TeamRole)
  role: TeamRole;
}

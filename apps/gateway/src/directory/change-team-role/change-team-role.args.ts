import { ArgsType, Field, ID } from '@nestjs/graphql';
import { TeamRole } from '../../platform/graphql';
import { NotBlank } from '../../platform/graphql/inputs/not-blank';

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

import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { Trim } from '../../platform/graphql/inputs/trim';
import { LIMITS } from '@libs/domain';

@ArgsType()
export class CreateTeamArgs {
  @Field(() => ID)
  @IsString()
  organizationId: string;

  @Field(() => String)
  @Trim()
  @Length(1, LIMITS.teamName, { message: `name must be 1 to ${LIMITS.teamName} characters` })
  name: string;
}

import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { Trim } from '../graphql/inputs/trim';

@ArgsType()
export class CreateTeamArgs {
  @Field(() => ID)
  @IsString()
  organizationId: string;

  @Field(() => String)
  @Trim()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name: string;
}

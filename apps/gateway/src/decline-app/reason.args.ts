import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, Length } from 'class-validator';
import { Trim } from '../graphql/inputs/trim';

@ArgsType()
export class ReasonArgs {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty({ message: 'requestId must not be empty' })
  requestId: string;

  @Field(() => String)
  @IsString()
  @IsNotEmpty({ message: 'appKey must not be empty' })
  appKey: string;

  @Field(() => String)
  @Trim()
  @Length(1, 256, { message: 'reason must be 1 to 256 characters' })
  reason: string;
}

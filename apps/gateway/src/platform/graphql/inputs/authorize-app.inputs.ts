import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { NotBlank } from './not-blank';
import { LIMITS } from '@libs/domain';

// Messages here never contain $value: these fields carry secrets (R8.1).

@InputType()
export class BasicCredentialsInput {
  @Field(() => String)
  @NotBlank('username')
  @MaxLength(LIMITS.username, { message: `username must be at most ${LIMITS.username} characters` })
  username: string;

  @Field(() => String)
  @NotBlank('password')
  @MaxLength(LIMITS.password, { message: `password must be at most ${LIMITS.password} characters` })
  password: string;
}

@InputType()
export class AuthorizeAppInput {
  @Field(() => ID)
  @NotBlank('requestId')
  requestId: string;

  @Field(() => String)
  @NotBlank('appKey')
  appKey: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank('apiKey')
  @MaxLength(LIMITS.apiKey, { message: `apiKey must be at most ${LIMITS.apiKey} characters` })
  apiKey?: string | null;

  @Field(() => BasicCredentialsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BasicCredentialsInput)
  basic?: BasicCredentialsInput | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'R12.4' })
  @IsOptional()
  @IsDate()
  accessUntil?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'updateCredentials only: true removes the end date (R12.4). Without it a null or absent accessUntil keeps it.',
  })
  @IsOptional()
  @IsBoolean()
  removeAccessUntil?: boolean | null;
}

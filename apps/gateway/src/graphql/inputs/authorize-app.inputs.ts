import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { NotBlank } from './not-blank';

// Messages here never contain $value: these fields carry secrets (R8.1).

@InputType()
export class BasicCredentialsInput {
  @Field(() => String)
  @NotBlank('username')
  @MaxLength(512, { message: 'username must be at most 512 characters' })
  username: string;

  @Field(() => String)
  @NotBlank('password')
  @MaxLength(4096, { message: 'password must be at most 4096 characters' })
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
  @MaxLength(8192, { message: 'apiKey must be at most 8192 characters' })
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
}

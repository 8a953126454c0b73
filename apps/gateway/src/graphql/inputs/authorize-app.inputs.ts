import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DateTimeScalar } from '../scalars/date-time.scalar';

// Messages here never contain $value: these fields carry secrets (R8.1).

@InputType()
export class BasicCredentialsInput {
  @Field(() => String)
  @IsString()
  @IsNotEmpty({ message: 'username must not be empty' })
  @MaxLength(512, { message: 'username must be at most 512 characters' })
  username: string;

  @Field(() => String)
  @IsString()
  @IsNotEmpty({ message: 'password must not be empty' })
  @MaxLength(4096, { message: 'password must be at most 4096 characters' })
  password: string;
}

@InputType()
export class AuthorizeAppInput {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty({ message: 'requestId must not be empty' })
  requestId: string;

  @Field(() => String)
  @IsString()
  @IsNotEmpty({ message: 'appKey must not be empty' })
  appKey: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'apiKey must not be empty' })
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

import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { LIMITS } from '@libs/domain';
import {
  ArrayNotEmpty,
  Equals,
  IsBoolean,
  IsEmail,
  IsFQDN,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim } from './trim';
import { NotBlank } from './not-blank';
import { Language } from '../types/web.types';

// Shape checks only (R4.1, R13.3): lengths, formats, non-empty lists. Rules that need the catalog, the directory or
// the other fields together (unknown apps, userId XOR e-mail, duplicate app keys) belong to the domain.

@InputType()
export class RecipientInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @NotBlank('userId')
  userId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Length(1, LIMITS.recipientName, { message: `name must be 1 to ${LIMITS.recipientName} characters` })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @MaxLength(LIMITS.email, { message: `email must be at most ${LIMITS.email} characters` })
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email?: string | null;

  /** Issue 10: the outside recipient's e-mail language (default EN); with a userId the domain refuses it. */
  @Field(() => Language, {
    nullable: true,
    description: "the language of the outside recipient's e-mails; default EN (not for a userId recipient)",
  })
  @IsOptional()
  @IsIn(Object.values(Language), { message: 'language must be EN or PT_BR' })
  language?: Language | null;
}

@InputType()
export class RequestedAppInput {
  @Field(() => String)
  @NotBlank('appKey')
  @MaxLength(LIMITS.appKey, { message: `appKey must be at most ${LIMITS.appKey} characters` })
  appKey: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'version must be 1 or more' })
  version?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty({ message: 'modules must not be empty (or use allModules: true)' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'module keys must not be empty' })
  modules?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  allModules?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.note, { message: `note must be at most ${LIMITS.note} characters` })
  note?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Length(1, LIMITS.connectionName, { message: `connectionName must be 1 to ${LIMITS.connectionName} characters` })
  connectionName?: string | null;

  @Field(() => String, { nullable: true, description: 'R12.2, OAUTH2 apps only' })
  @IsOptional()
  @Trim()
  @IsFQDN({}, { message: 'expectedAccountDomain must be a domain name such as example.com' })
  expectedAccountDomain?: string | null;
}

@InputType()
export class CreateCredentialRequestInput {
  @Field(() => ID)
  @NotBlank('teamId')
  teamId: string;

  @Field(() => String)
  @Trim()
  @Length(1, LIMITS.name, { message: `name must be 1 to ${LIMITS.name} characters` })
  name: string;

  @Field(() => RecipientInput)
  @ValidateNested()
  @Type(() => RecipientInput)
  recipient: RecipientInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.description, { message: `description must be at most ${LIMITS.description} characters` })
  description?: string | null;

  @Field(() => [RequestedAppInput])
  @ArrayNotEmpty({ message: 'apps must list at least one app' })
  @ValidateNested({ each: true })
  @Type(() => RequestedAppInput)
  apps: RequestedAppInput[];

  @Field(() => Boolean)
  @Equals(true, { message: 'termsAccepted must be true' })
  termsAccepted: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, LIMITS.idempotencyKey, { message: `idempotencyKey must be 1 to ${LIMITS.idempotencyKey} characters` })
  idempotencyKey?: string | null;
}

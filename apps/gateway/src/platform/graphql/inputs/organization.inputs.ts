import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, Length } from 'class-validator';
import { Plan } from '../enums';
import { Trim } from './trim';
import { LIMITS } from '@libs/domain';

@InputType()
export class CreateOrganizationInput {
  @Field(() => String)
  @Trim()
  @Length(1, LIMITS.organizationName, { message: `name must be 1 to ${LIMITS.organizationName} characters` })
  name: string;

  @Field(() => Plan, {
    nullable: true,
    description: 'honoured for support staff only; everyone else gets FREE (SPEC R13.1)',
  })
  @IsOptional()
  plan?: Plan | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  partner?: boolean | null;
}

import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, Length } from 'class-validator';
import { Plan } from '../enums';
import { Trim } from './trim';

@InputType()
export class CreateOrganizationInput {
  @Field(() => String)
  @Trim()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
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

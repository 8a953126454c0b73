import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Length } from 'class-validator';
import { Trim } from '../../platform/graphql/inputs/trim';
import { NotBlank } from '../../platform/graphql/inputs/not-blank';
import { LIMITS } from '@libs/domain';

@ArgsType()
export class ReasonArgs {
  @Field(() => ID)
  @NotBlank('requestId')
  requestId: string;

  @Field(() => String)
  @NotBlank('appKey')
  appKey: string;

  @Field(() => String)
  @Trim()
  @Length(1, LIMITS.reason, { message: `reason must be 1 to ${LIMITS.reason} characters` })
  reason: string;
}

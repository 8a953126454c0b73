import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { Trim } from '../platform/graphql/inputs/trim';
import { LIMITS } from '@libs/domain';

/** Shape only; https, and no loopback/private target (R13.3), are checked by the WebhookService. */
@ArgsType()
export class RegisterWebhookArgs {
  @Field(() => ID)
  @IsString()
  teamId: string;

  @Field(() => String)
  @Trim()
  @Length(1, LIMITS.webhookUrl, { message: `url must be 1 to ${LIMITS.webhookUrl} characters` })
  url: string;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class WebhookRegistration {
  @Field(() => ID) id: string;
  @Field(() => String) url: string;
  @Field(() => String, { description: 'shown once, here (R12.6)' }) signingSecret: string;
}

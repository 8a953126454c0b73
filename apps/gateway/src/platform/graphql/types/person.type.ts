import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'A person on either end of a request. id is null for an external recipient who has not joined yet.',
})
export class Person {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String) name: string;
  @Field(() => String) email: string;
  @Field(() => Boolean) external: boolean;
}

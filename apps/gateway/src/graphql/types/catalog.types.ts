import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../enums';

@ObjectType()
export class AppModule {
  @Field(() => String) key: string;
  @Field(() => String) name: string;
  @Field(() => [String]) scopes: string[];
}

@ObjectType()
export class AppVersion {
  @Field(() => Int) version: number;
  @Field(() => ConnectionType) connectionType: ConnectionType;
  @Field(() => [AppModule]) modules: AppModule[];
}

@ObjectType()
export class App {
  @Field(() => String) key: string;
  @Field(() => String) name: string;
  @Field(() => [AppVersion]) versions: AppVersion[];
}

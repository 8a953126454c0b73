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
  @Field(() => Boolean, {
    description: 'false when the app cannot be requested now (e.g. its OAuth2 client is not configured)',
  })
  available: boolean;
  @Field(() => String, { nullable: true, description: 'why the app is not available' })
  unavailableReason: string | null;
}

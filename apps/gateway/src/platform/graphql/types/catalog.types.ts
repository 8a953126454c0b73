import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../enums';
import { Language } from './web.types';

@ObjectType({ description: "A module's name in one of the product's languages other than English (issue 10)." })
export class LocalizedName {
  @Field(() => Language) language: Language;
  @Field(() => String) name: string;
}

@ObjectType()
export class AppModule {
  @Field(() => String) key: string;
  @Field(() => String, { description: 'in English, the catalog’s own language' }) name: string;
  @Field(() => [String]) scopes: string[];
  @Field(() => [LocalizedName], {
    description: 'the translations the catalog gives (web addition); a language not listed reads `name`',
  })
  names: LocalizedName[];
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

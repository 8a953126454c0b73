import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionStatus, ConnectionType } from '../enums';
import { DateTimeScalar } from '../scalars/date-time.scalar';

@ObjectType()
export class ScenarioUse {
  @Field(() => String) scenarioId: string;
  @Field(() => String, { nullable: true }) scenarioName?: string | null;
  @Field(() => String) moduleKey: string;
  @Field(() => Int) uses: number;
  @Field(() => DateTimeScalar) lastUsedAt: Date;
}

@ObjectType()
export class Connection {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String) appKey: string;
  @Field(() => ConnectionType) type: ConnectionType;
  @Field(() => ConnectionStatus) status: ConnectionStatus;
  @Field(() => DateTimeScalar, { nullable: true }) expiresAt?: Date | null;
  @Field(() => String, { nullable: true }) lastError?: string | null;
  @Field(() => [ScenarioUse]) usage: ScenarioUse[];
}

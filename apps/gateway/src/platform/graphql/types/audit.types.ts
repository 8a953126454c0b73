import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { PageInfo } from './pagination.types';
import { Person } from './person.type';

@ObjectType()
export class AuditEntry {
  @Field(() => ID) id: string;
  @Field(() => DateTimeScalar) at: Date;
  @Field(() => String) action: string;
  @Field(() => Person, { nullable: true, description: 'null for the system (e.g. expiry)' }) actor?: Person | null;
  @Field(() => ID) requestId: string;
  @Field(() => String) requestName: string;
  @Field(() => ID) teamId: string;
  @Field(() => String, { nullable: true }) appKey?: string | null;
}

@ObjectType()
export class AuditEntryEdge {
  @Field(() => String) cursor: string;
  @Field(() => AuditEntry) node: AuditEntry;
}

@ObjectType()
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge]) edges: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType()
export class HistoryEvent {
  @Field(() => String, { description: 'global position in the event store, as a decimal string' }) position: string;
  @Field(() => Int, { description: "position within the request's stream, from 0" }) revision: number;
  @Field(() => String) type: string;
  @Field(() => DateTimeScalar) at: Date;
  @Field(() => Person, { nullable: true }) actor?: Person | null;
  @Field(() => ID, {
    nullable: true,
    description: 'the actor id the hash covers (R10.3), also when the person can no longer be looked up; null: system',
  })
  actorId?: string | null;
  @Field(() => String, { description: "the event's data as JSON text (never holds a secret)" }) data: string;
  @Field(() => String, { description: 'hex sha-256 chained to the previous event of the stream' }) hash: string;
}

@ObjectType()
export class HistoryVerification {
  @Field(() => Boolean) valid: boolean;
  @Field(() => Int) events: number;
  @Field(() => Int, { nullable: true }) firstBrokenRevision?: number | null;
}

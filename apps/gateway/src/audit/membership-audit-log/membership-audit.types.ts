import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo, Person } from '../../platform/graphql';
import { DateTimeScalar } from '../../platform/graphql/scalars/date-time.scalar';

// An addition to the contract (R13.13), kept out of graphql/types so the contract probe sees only contract types.
/** R13.13 / R10.1: a membership change of an organization (added, role changed, removed), with who did it. */
@ObjectType()
export class MembershipAuditEntry {
  @Field(() => ID) id: string;
  @Field(() => DateTimeScalar) at: Date;
  @Field(() => String, {
    description:
      'ORG_CREATED (the member is its first owner), ORG_MEMBER_ADDED, ORG_ROLE_CHANGED, ORG_MEMBER_REMOVED, TEAM_CREATED (the member is its first admin), TEAM_MEMBER_ADDED, TEAM_ROLE_CHANGED, TEAM_MEMBER_REMOVED',
  })
  action: string;
  @Field(() => Person, { nullable: true, description: 'null for the system' }) actor?: Person | null;
  @Field(() => Person, { description: 'the member whose membership changed' }) member: Person;
  @Field(() => ID, { nullable: true, description: 'set for team memberships' }) teamId?: string | null;
  @Field(() => String, { nullable: true, description: 'the new role; null for a removal' }) role?: string | null;
}

@ObjectType()
export class MembershipAuditEntryEdge {
  @Field(() => String) cursor: string;
  @Field(() => MembershipAuditEntry) node: MembershipAuditEntry;
}

@ObjectType()
export class MembershipAuditEntryConnection {
  @Field(() => [MembershipAuditEntryEdge]) edges: MembershipAuditEntryEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

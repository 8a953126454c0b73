import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApplicationStatus, OrgRole, Plan, TeamRole } from '../enums';

@ObjectType()
export class User {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String) email: string;
  @Field(() => Boolean) credentialRequestsEnabled: boolean;
  @Field(() => ApplicationStatus) credentialRequestsApplication: ApplicationStatus;
}

// Organization and Team refer to each other: both live in this file, and the later class is only named inside the
// lazy type functions, so decorator metadata never reads a class before its declaration.
@ObjectType()
export class Organization {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => Plan) plan: Plan;
  @Field(() => Boolean) partner: boolean;
  @Field(() => OrgRole, { nullable: true }) viewerRole?: OrgRole | null;
  @Field(() => [Team]) teams: Team[];
}

@ObjectType()
export class TeamMember {
  @Field(() => User) user: User;
  @Field(() => TeamRole) teamRole: TeamRole;
  @Field(() => OrgRole) orgRole: OrgRole;
  @Field(() => Boolean) credentialRequestsEnabled: boolean;
}

@ObjectType()
export class Team {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => Organization) organization: Organization;
  @Field(() => [TeamMember]) members: TeamMember[];
  @Field(() => TeamRole, { nullable: true }) viewerRole?: TeamRole | null;
}

@ObjectType()
export class Invitation {
  @Field(() => Organization) organization: Organization;
  @Field(() => Team) team: Team;
  @Field(() => ID, { nullable: true }) requestId?: string | null;
}

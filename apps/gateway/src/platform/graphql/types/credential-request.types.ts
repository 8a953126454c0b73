import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AppAuthorizationStatus, CredentialRequestStatus, ReauthorizationOutcome, ViewerRelation } from '../enums';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { AppModule } from './catalog.types';
import { Connection } from './connection.types';
import { Organization, Team } from './directory.types';
import { PageInfo } from './pagination.types';
import { Person } from './person.type';

@ObjectType()
export class RequestedApp {
  @Field(() => String) appKey: string;
  @Field(() => String) appName: string;
  @Field(() => Int) version: number;
  @Field(() => [AppModule]) modules: AppModule[];
  @Field(() => [String]) scopes: string[];
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String) connectionName: string;
  @Field(() => AppAuthorizationStatus) status: AppAuthorizationStatus;
  @Field(() => String, { nullable: true }) declineReason?: string | null;
  @Field(() => String, { nullable: true }) error?: string | null;
  @Field(() => Connection, { nullable: true }) connection?: Connection | null;
  @Field(() => String, { nullable: true }) expectedAccountDomain?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) accessUntil?: Date | null;
  @Field(() => DateTimeScalar) updatedAt: Date;
}

@ObjectType()
export class CredentialRequest {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Organization) organization: Organization;
  @Field(() => Team) team: Team;
  @Field(() => Person) requester: Person;
  @Field(() => Person) recipient: Person;
  @Field(() => DateTimeScalar) sentAt: Date;
  @Field(() => DateTimeScalar) updatedAt: Date;
  @Field(() => CredentialRequestStatus) status: CredentialRequestStatus;
  @Field(() => [RequestedApp]) apps: RequestedApp[];
  @Field(() => ViewerRelation) viewerRelation: ViewerRelation;
}

@ObjectType()
export class CredentialRequestEdge {
  @Field(() => String) cursor: string;
  @Field(() => CredentialRequest) node: CredentialRequest;
}

@ObjectType()
export class CredentialRequestConnection {
  @Field(() => [CredentialRequestEdge]) edges: CredentialRequestEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
export class OAuthStart {
  @Field(() => String) authorizationUrl: string;
}

@ObjectType()
export class ReauthorizationResult {
  @Field(() => Boolean) sent: boolean;
  @Field(() => ReauthorizationOutcome) reason: ReauthorizationOutcome;
  @Field(() => RequestedApp) app: RequestedApp;
}

@ObjectType()
export class DeletedCredentialRequest {
  @Field(() => ID) id: string;
  @Field(() => [Connection]) removedConnections: Connection[];
}

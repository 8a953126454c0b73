import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import {
  Args,
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import {
  App,
  AuditEntryConnection,
  AuthorizeAppInput,
  Connection,
  CreateCredentialRequestInput,
  CreateOrganizationInput,
  CredentialRequest,
  CredentialRequestConnection,
  CredentialRequestStatus,
  DateTimeScalar,
  DeletedCredentialRequest,
  HistoryEvent,
  HistoryVerification,
  Invitation,
  OAuthStart,
  Organization,
  OrgRole,
  Plan,
  ReauthorizationResult,
  RequestedApp,
  Team,
  TeamRole,
  User,
  WebhookRegistration,
} from '../apps/gateway/src/platform/graphql';
import { bootApp } from './support/app';
import { captureLogs } from './support/logs';
import { redisUrl } from './support/redis';

const root = join(__dirname, '..');
const contractCopy = join(root, 'apps/gateway/contract/schema.graphql');
// The source of truth beside the repository (CI and the main checkout: ../shared); SHARED_DIR points elsewhere,
// e.g. SHARED_DIR=/work/shared from a worktree.
const sharedContract = join(process.env.SHARED_DIR ?? join(root, '../shared'), 'schema.graphql');
const contract = () => buildSchema(readFileSync(contractCopy, 'utf8'));

const unused = (): never => {
  throw new Error('schema probe only');
};

/**
 * A throwaway resolver exposing every root field of the contract with the gateway's type classes. It lives here,
 * not in apps/, and resolves nothing: it only proves that the classes produce the contract's types.
 */
@Resolver()
class ContractProbeResolver {
  @Query(() => User) me() {
    return unused();
  }
  @Query(() => [Organization]) organizations() {
    return unused();
  }
  @Query(() => Organization, { nullable: true }) organization(@Args('id', { type: () => ID }) _id: string) {
    return unused();
  }
  @Query(() => Team, { nullable: true }) team(@Args('id', { type: () => ID }) _id: string) {
    return unused();
  }
  @Query(() => [App]) apps() {
    return unused();
  }
  @Query(() => CredentialRequestConnection) sentCredentialRequests(
    @Args('teamId', { type: () => ID }) _teamId: string,
    @Args('status', { type: () => CredentialRequestStatus, nullable: true }) _status: string,
    @Args('search', { type: () => String, nullable: true }) _search: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) _first: number,
    @Args('after', { type: () => String, nullable: true }) _after: string,
  ) {
    return unused();
  }
  @Query(() => CredentialRequestConnection) receivedCredentialRequests(
    @Args('organizationId', { type: () => ID, nullable: true }) _organizationId: string,
    @Args('status', { type: () => CredentialRequestStatus, nullable: true }) _status: string,
    @Args('search', { type: () => String, nullable: true }) _search: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) _first: number,
    @Args('after', { type: () => String, nullable: true }) _after: string,
  ) {
    return unused();
  }
  @Query(() => CredentialRequest, { nullable: true }) credentialRequest(@Args('id', { type: () => ID }) _id: string) {
    return unused();
  }
  @Query(() => [Connection]) requestConnections(@Args('requestId', { type: () => ID }) _requestId: string) {
    return unused();
  }
  @Query(() => AuditEntryConnection) auditLog(
    @Args('organizationId', { type: () => ID }) _organizationId: string,
    @Args('teamId', { type: () => ID, nullable: true }) _teamId: string,
    @Args('requestId', { type: () => ID, nullable: true }) _requestId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) _first: number,
    @Args('after', { type: () => String, nullable: true }) _after: string,
  ) {
    return unused();
  }
  @Query(() => [HistoryEvent]) credentialRequestHistory(@Args('requestId', { type: () => ID }) _requestId: string) {
    return unused();
  }
  @Query(() => HistoryVerification) verifyCredentialRequestHistory(
    @Args('requestId', { type: () => ID }) _requestId: string,
  ) {
    return unused();
  }

  @Mutation(() => Organization) createOrganization(@Args('input') _input: CreateOrganizationInput) {
    return unused();
  }
  @Mutation(() => Organization) changeOrganizationPlan(
    @Args('organizationId', { type: () => ID }) _organizationId: string,
    @Args('plan', { type: () => Plan }) _plan: Plan,
    @Args('partner', { type: () => Boolean, nullable: true }) _partner: boolean,
  ) {
    return unused();
  }
  @Mutation(() => Team) createTeam(
    @Args('organizationId', { type: () => ID }) _organizationId: string,
    @Args('name', { type: () => String }) _name: string,
  ) {
    return unused();
  }
  @Mutation(() => User) addOrganizationMember(
    @Args('organizationId', { type: () => ID }) _organizationId: string,
    @Args('email', { type: () => String }) _email: string,
    @Args('name', { type: () => String }) _name: string,
    @Args('role', { type: () => OrgRole }) _role: OrgRole,
  ) {
    return unused();
  }
  @Mutation(() => Team) addTeamMember(
    @Args('teamId', { type: () => ID }) _teamId: string,
    @Args('userId', { type: () => ID }) _userId: string,
    @Args('role', { type: () => TeamRole }) _role: TeamRole,
  ) {
    return unused();
  }
  @Mutation(() => Invitation) acceptInvitation(@Args('token', { type: () => String }) _token: string) {
    return unused();
  }
  @Mutation(() => User) applyForCredentialRequests() {
    return unused();
  }
  @Mutation(() => User) reviewCredentialRequestsApplication(
    @Args('userId', { type: () => ID }) _userId: string,
    @Args('approve', { type: () => Boolean }) _approve: boolean,
  ) {
    return unused();
  }
  @Mutation(() => CredentialRequest) createCredentialRequest(@Args('input') _input: CreateCredentialRequestInput) {
    return unused();
  }
  @Mutation(() => RequestedApp) authorizeApp(@Args('input') _input: AuthorizeAppInput) {
    return unused();
  }
  @Mutation(() => OAuthStart) startOAuthAuthorization(
    @Args('requestId', { type: () => ID }) _requestId: string,
    @Args('appKey', { type: () => String }) _appKey: string,
    @Args('accessUntil', { type: () => DateTimeScalar, nullable: true }) _accessUntil: Date,
  ) {
    return unused();
  }
  @Mutation(() => RequestedApp) declineApp(
    @Args('requestId', { type: () => ID }) _requestId: string,
    @Args('appKey', { type: () => String }) _appKey: string,
    @Args('reason', { type: () => String }) _reason: string,
  ) {
    return unused();
  }
  @Mutation(() => RequestedApp) revokeAccess(
    @Args('requestId', { type: () => ID }) _requestId: string,
    @Args('appKey', { type: () => String }) _appKey: string,
  ) {
    return unused();
  }
  @Mutation(() => ReauthorizationResult) requestReauthorization(
    @Args('requestId', { type: () => ID }) _requestId: string,
    @Args('appKey', { type: () => String }) _appKey: string,
  ) {
    return unused();
  }
  @Mutation(() => RequestedApp) updateCredentials(@Args('input') _input: AuthorizeAppInput) {
    return unused();
  }
  @Mutation(() => DeletedCredentialRequest) deleteCredentialRequest(@Args('id', { type: () => ID }) _id: string) {
    return unused();
  }
  @Mutation(() => WebhookRegistration) registerWebhook(
    @Args('teamId', { type: () => ID }) _teamId: string,
    @Args('url', { type: () => String }) _url: string,
  ) {
    return unused();
  }
  @Mutation(() => Boolean) deleteWebhook(@Args('id', { type: () => ID }) _id: string) {
    return unused();
  }
  @Subscription(() => CredentialRequest) credentialRequestUpdated(@Args('id', { type: () => ID }) _id: string) {
    return unused();
  }
}

async function probeSchema(): Promise<GraphQLSchema> {
  // @nestjs/testing is not installed: a plain application context does the same here.
  const moduleRef = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return await moduleRef
      .get(GraphQLSchemaFactory)
      .create([ContractProbeResolver], { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] });
  } finally {
    await moduleRef.close();
  }
}

/** Object types the service adds to the contract (allowed: additions), each named in the README. */
const ADDED_TYPES = [
  'MembershipAuditEntry',
  'MembershipAuditEntryEdge',
  'MembershipAuditEntryConnection',
  // Issue 10: module names in the reader's language.
  'LocalizedName',
];

const describeChanges = (changes: { type: string; description: string }[]) =>
  changes.map((c) => `${c.type}: ${c.description}`);

/** Fields the gateway adds to the contract (additions are allowed; each one listed here on purpose). */
const ADDITIONS = new Set([
  // R10.3: the actor id the hash covers, for an auditor's own check (README "Schema additions").
  'FIELD_REMOVED: HistoryEvent.actorId was removed.',
  // Issue 11 item 10: OAuth2 apps without client settings.
  'FIELD_REMOVED: App.available was removed.',
  'FIELD_REMOVED: App.unavailableReason was removed.',
  // Issue 10: the catalog's translations of module names.
  'FIELD_REMOVED: AppModule.names was removed.',
  // The viewer's own role in a team, so that pages offer only what R3.1 and R5.4 allow.
  'FIELD_REMOVED: Team.viewerRole was removed.',
]);
/**
 * "Dangerous" in graphql-js terms but agreed additions (WEB-SCHEMA.md, issue 10): an optional input field breaks no
 * client. Listed one by one, and each must really be there, so nothing else slips through and the list stays true.
 */
const AGREED_DANGEROUS = [
  'OPTIONAL_INPUT_FIELD_ADDED: An optional field language on input type RecipientInput was added.',
  // The received list searches names over every page, as the sent list does (docs/decisions.md).
  'OPTIONAL_ARG_ADDED: An optional arg search on Query.receivedCredentialRequests was added.',
  // updateCredentials lifts an end date only when told so in words (README "Schema additions"; R12.4).
  'OPTIONAL_INPUT_FIELD_ADDED: An optional field removeAccessUntil on input type AuthorizeAppInput was added.',
];
/** The same addition seen from the other side (the classes' schema against the contract). */
const AGREED_REVERSE = [
  'TYPE_REMOVED: Language was removed.',
  'FIELD_REMOVED: RecipientInput.language was removed.',
  'ARG_REMOVED: Query.receivedCredentialRequests arg search was removed.',
  'FIELD_REMOVED: AuthorizeAppInput.removeAccessUntil was removed.',
];
function expectOnlyAgreedDangerousChanges(schema: GraphQLSchema): void {
  const dangerous = describeChanges(findDangerousChanges(contract(), schema));
  expect(dangerous.filter((c) => !AGREED_DANGEROUS.includes(c))).toEqual([]);
  expect(dangerous).toEqual(expect.arrayContaining(AGREED_DANGEROUS));
}

describe('the gateway type classes against the public contract (schema.graphql)', () => {
  it('expose every type, field, argument (with defaults) and enum value of the contract: 0 breaking changes', async () => {
    const schema = await probeSchema();
    expect(describeChanges(findBreakingChanges(contract(), schema))).toEqual([]);
    expectOnlyAgreedDangerousChanges(schema);
    // The reverse direction catches additions the contract does not have (nullability relaxed, extra enum values...);
    // only the agreed additions may appear there.
    const reverse = describeChanges(findBreakingChanges(schema, contract()));
    expect(
      reverse.filter(
        (c) =>
          !AGREED_REVERSE.includes(c) &&
          !ADDITIONS.has(c) &&
          !ADDED_TYPES.some((name) => c === `TYPE_REMOVED: ${name} was removed.`),
      ),
    ).toEqual([]);
    expect(reverse).toEqual(expect.arrayContaining(AGREED_REVERSE));
  });

  it('prints deterministically (sorted), so the generated schema file only changes with the schema', async () => {
    const [a, b] = [await probeSchema(), await probeSchema()];
    expect(printSchema(lexicographicSortSchema(a))).toBe(printSchema(lexicographicSortSchema(b)));
  });

  it('keeps the repository copy of the contract identical to ../shared/schema.graphql', () => {
    if (!existsSync(sharedContract)) {
      throw new Error(`the shared contract ${sharedContract} is missing (set SHARED_DIR to the directory holding it)`);
    }
    const copy = readFileSync(contractCopy, 'utf8');
    expect(copy).toContain('type Query');
    expect(copy).toBe(readFileSync(sharedContract, 'utf8'));
  });
});

// The directory, requests and connections resolvers are merged: the real schema must match the contract.
describe('the running gateway schema against the public contract', () => {
  it('has 0 breaking changes against apps/gateway/contract/schema.graphql', async () => {
    const booted = await bootApp({ REDIS_URL: redisUrl, ROLE: 'gateway' }, captureLogs('warn').logger);
    try {
      const schema = booted.app.get(GraphQLSchemaHost).schema;
      expect(describeChanges(findBreakingChanges(contract(), schema))).toEqual([]);
      expectOnlyAgreedDangerousChanges(schema);
    } finally {
      await booted.close();
    }
  });
});

import { CommandBus } from '@nestjs/cqrs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AddOrganizationMemberCommand,
  AddTeamMemberCommand,
  ApplyForCredentialRequestsCommand,
  ChangeOrganizationPlanCommand,
  type CommandContext,
  CreateCredentialRequestCommand,
  CreateOrganizationCommand,
  CreateTeamCommand,
  ProvisionIdentityCommand,
  ReviewCredentialRequestsApplicationCommand,
  VAULT,
} from '@libs/application';
import { signToken } from '@libs/auth';
import type { CreateCredentialRequestInput } from '@libs/domain';
import { EVENT_STORE, type EventStore } from '@libs/event-store';
import { SQL_CLIENT } from '@libs/infrastructure';
import type { SqlClient } from '@libs/event-store';
import type { VaultRepository } from '@libs/vault';
import { PROJECTION_RUNNER, type ProjectionRunner, READ_MODELS, type ReadModels } from '@projections';
import type { BootedApp } from './app';
import { bootGatewayWith, postGraphql } from './gateway-app';
import { captureLogs } from './logs';
import { createTestDatabase, type TestDatabase } from './postgres';
import { redisUrl, uniquePrefix } from './redis';
import { askRuntime } from './runtime-endpoint';

export const PUBLIC_URL = 'http://cr.test';
export const REDIRECT_URI = `${PUBLIC_URL}/oauth/callback`;
export const RUNTIME_TOKEN = 'runtime-token-for-tests-0123456789abcdef';
export const JWT_SECRET = 'connections-test-jwt-secret-0123456789abcdef';

export interface ConnectionsHarness {
  booted: BootedApp;
  db: TestDatabase;
  logs: ReturnType<typeof captureLogs>;
  bus: CommandBus;
  store: EventStore;
  sql: SqlClient;
  vault: VaultRepository;
  readModels: ReadModels;
  runner: ProjectionRunner;
  teamId: string;
  /** BULL_PREFIX of this app's queues (to wipe them, as a Redis that lost its data would). */
  queuePrefix: string;
  owner: string;
  recipient: string;
  outsider: string;
  /** Every response body the test received (for the canary). */
  responses: string[];
  tokenFor(who: 'owner' | 'recipient' | 'outsider'): Promise<string>;
  graphql(
    who: 'owner' | 'recipient' | 'outsider',
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
  ctx(userId: string): CommandContext;
  createRequest(apps: CreateCredentialRequestInput['apps']): Promise<string>;
  runtime(
    connectionId: string,
    body: Record<string, unknown>,
    token?: string | null,
  ): Promise<{ status: number; body: Record<string, unknown> | null }>;
  get(url: string, accept?: string): Promise<Response>;
  /** Stops the app and boots it again on the same database with `env` added (e.g. a new master key list). */
  reboot(env: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export const EMAILS = {
  owner: 'olga@acme.example',
  recipient: 'rui@acme.example',
  outsider: 'stranger@elsewhere.example',
};

/** The real app (ROLE=all: gateway, projectors, workers) on PostgreSQL + Redis with the given catalog. */
export async function startConnectionsHarness(
  catalog: unknown,
  env: Record<string, string> = {},
): Promise<ConnectionsHarness> {
  const db = await createTestDatabase('conn');
  const logs = captureLogs();
  const dir = mkdtempSync(join(tmpdir(), 'cr-conn-'));
  const catalogFile = join(dir, 'apps.json');
  writeFileSync(catalogFile, JSON.stringify(catalog));
  const queuePrefix = uniquePrefix('conn');
  const dataDir = join(dir, 'data');
  const boot = (more: Record<string, string>) =>
    bootGatewayWith(
      {
        DATA_DIR: dataDir,
        ROLE: 'all',
        DATABASE_URL: db.url,
        REDIS_URL: redisUrl,
        PUBLIC_URL,
        AUTH_JWT_SECRET: JWT_SECRET,
        RUNTIME_TOKEN,
        APPS_CATALOG: catalogFile,
        BULL_PREFIX: queuePrefix,
        ...env,
        ...more,
      },
      logs.logger,
      [],
    );
  let booted = await boot({});
  const app = booted.app;
  const bus = app.get(CommandBus, { strict: false });
  const responses: string[] = [];
  let n = 0;
  const ctx = (userId: string | null, isSupport = false): CommandContext => ({
    actor: { userId, isSupport },
    correlationId: `corr-${++n}`,
    causationId: null,
  });
  const provision = async (email: string, name: string) =>
    (
      await bus.execute(
        new ProvisionIdentityCommand(
          { subject: `sub-${email}`, email, name, emailVerified: true },
          { correlationId: 'c', causationId: null },
        ),
      )
    ).userId;
  const support = await provision('support@platform.example', 'Support');
  const owner = await provision(EMAILS.owner, 'Olga Owner');
  const recipient = await provision(EMAILS.recipient, 'Rui Recipient');
  const outsider = await provision(EMAILS.outsider, 'Stranger');
  const { organizationId } = await bus.execute(new CreateOrganizationCommand({ name: 'Acme' }, ctx(owner)));
  await bus.execute(new ChangeOrganizationPlanCommand({ organizationId, plan: 'ENTERPRISE' }, ctx(support, true)));
  const { teamId } = await bus.execute(new CreateTeamCommand({ organizationId, name: 'Sales' }, ctx(owner)));
  await bus.execute(
    new AddOrganizationMemberCommand(
      { organizationId, email: EMAILS.recipient, name: 'Rui', role: 'MEMBER' },
      ctx(owner),
    ),
  );
  await bus.execute(new AddTeamMemberCommand({ teamId, userId: recipient, role: 'MEMBER' }, ctx(owner)));
  await bus.execute(new ApplyForCredentialRequestsCommand(ctx(owner)));
  const { position: settled } = await bus.execute(
    new ReviewCredentialRequestsApplicationCommand({ userId: owner, approve: true }, ctx(support, true)),
  );

  const tokenFor = (who: 'owner' | 'recipient' | 'outsider') =>
    signToken(JWT_SECRET, { sub: `sub-${EMAILS[who]}`, email: EMAILS[who], name: who });
  const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER, { strict: false });
  // The commands above were sent one after another, so the last one's events come last: once the read models have
  // them, a test may read the directory it was given (people-leave read the team before its projection, under load).
  if (!(await runner.waitFor(settled, 10_000)))
    throw new Error('connections harness: the read models did not catch up');

  const harness: ConnectionsHarness = {
    booted,
    db,
    logs,
    bus,
    store: app.get<EventStore>(EVENT_STORE, { strict: false }),
    sql: app.get<SqlClient>(SQL_CLIENT, { strict: false }),
    vault: app.get<VaultRepository>(VAULT, { strict: false }),
    readModels: app.get<ReadModels>(READ_MODELS, { strict: false }),
    runner,
    teamId,
    queuePrefix,
    owner,
    recipient,
    outsider,
    responses,
    tokenFor,
    ctx,
    async graphql(who, query, variables) {
      const res = await postGraphql(booted.url, query, variables, await tokenFor(who));
      responses.push(res.text);
      if (res.body.errors?.length) {
        const [e] = res.body.errors;
        throw Object.assign(new Error(e.message), { code: e.extensions.code });
      }
      return res.body.data ?? {};
    },
    async createRequest(apps) {
      const { requestId, position } = await harness.bus.execute(
        new CreateCredentialRequestCommand(
          { teamId, name: 'CRM sync', recipient: { userId: recipient }, apps, termsAccepted: true },
          ctx(owner),
        ),
      );
      await harness.runner.waitFor(position, 10_000);
      return requestId;
    },
    async runtime(connectionId, body, token = RUNTIME_TOKEN) {
      const { status, text } = await askRuntime(booted.url, connectionId, body, token);
      responses.push(text);
      return { status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
    },
    async get(url, accept = 'application/json') {
      const res = await fetch(url, { redirect: 'manual', headers: { accept } });
      const text = await res.clone().text();
      responses.push(text);
      return res;
    },
    async reboot(more) {
      await booted.close();
      booted = await boot(more);
      const next = booted.app;
      Object.assign(harness, {
        booted,
        bus: next.get(CommandBus, { strict: false }),
        store: next.get<EventStore>(EVENT_STORE, { strict: false }),
        sql: next.get<SqlClient>(SQL_CLIENT, { strict: false }),
        vault: next.get<VaultRepository>(VAULT, { strict: false }),
        readModels: next.get<ReadModels>(READ_MODELS, { strict: false }),
        runner: next.get<ProjectionRunner>(PROJECTION_RUNNER, { strict: false }),
      });
    },
    async close() {
      await booted.close();
      await db.drop();
    },
  };
  return harness;
}

/** The catalog entry of an OAuth2 app at the loopback provider. */
export function oauthApp(
  key: string,
  oidc: {
    authorizeUrl: string;
    tokenUrl: string;
    clientId: string;
    jwksUri: string;
    issuer: string;
    tokenEndpointAuthMethod: string;
  },
  secretEnv: string,
  scopes: { read: string; write: string },
  refreshMarginSeconds?: number,
): unknown {
  return {
    key,
    name: key.toUpperCase(),
    versions: [
      {
        version: 1,
        connection: {
          type: 'OAUTH2',
          authorizeUrl: oidc.authorizeUrl,
          tokenUrl: oidc.tokenUrl,
          clientId: oidc.clientId,
          clientSecret: `env:${secretEnv}`,
          tokenEndpointAuthMethod: oidc.tokenEndpointAuthMethod,
          baseScopes: ['openid', 'email', 'offline_access'],
          jwksUri: oidc.jwksUri,
          issuer: oidc.issuer,
          ...(refreshMarginSeconds !== undefined ? { refreshMarginSeconds } : {}),
        },
        modules: [
          { key: 'read', name: 'Read', scopes: [scopes.read] },
          { key: 'write', name: 'Write', scopes: [scopes.write] },
        ],
      },
    ],
  };
}

export { eventually } from './eventually';

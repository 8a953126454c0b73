import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import type { OrganizationRow, ReadModels, TeamMemberRow, TeamRow, UserRow } from '@projections';
import { READ_MODELS } from '@projections';
import { rememberOnce } from '@libs/infrastructure';
import type { OrgRole, TeamRole } from '../platform/graphql';
import { QueryLimitError } from '../platform/limits/query-limits';

/**
 * Per-operation memo over the read models, so nested field resolvers (organizations › teams › members ›
 * organization …) read each row once. Users are batched: every `user(id)` asked in the same tick is one query.
 * Mutations call `clear()` after their write was projected, so their answer never shows a row read before it.
 */
export class DirectoryLoader {
  private readonly memo = new Map<string, Promise<unknown>>();
  private pendingUsers: { id: string; resolve: (row: UserRow | null) => void; reject: (e: unknown) => void }[] = [];
  private rowsHandedOut = 0;

  constructor(
    private readonly reads: ReadModels,
    private readonly maxRows = Infinity,
  ) {}

  /**
   * R13.12 as the operation runs: the cost limit weighs a list by an estimate (GRAPHQL_LIST_SIZE), but the schema's
   * cycles (organization › teams › organization › teams) multiply the real lengths. Every directory list a resolver
   * returns is counted here; past GRAPHQL_MAX_ROWS the rest of the operation's lists are refused.
   */
  handOut<T>(rows: T[]): T[] {
    this.rowsHandedOut += rows.length;
    if (this.rowsHandedOut > this.maxRows) {
      throw new QueryLimitError(
        `More than ${this.maxRows} directory rows in one operation: read them organization by organization or team by team. (GRAPHQL_MAX_ROWS)`,
      );
    }
    return rows;
  }

  clear(): void {
    this.memo.clear();
  }

  organization(id: string): Promise<OrganizationRow | null> {
    return this.once(`org:${id}`, () => this.reads.organizationById(id));
  }

  team(id: string): Promise<TeamRow | null> {
    return this.once(`team:${id}`, () => this.reads.teamById(id));
  }

  teamsOfOrganization(organizationId: string): Promise<TeamRow[]> {
    return this.once(`org-teams:${organizationId}`, () => this.reads.teamsOfOrganization(organizationId));
  }

  teamMembers(teamId: string): Promise<TeamMemberRow[]> {
    return this.once(`team-members:${teamId}`, () => this.reads.teamMembers(teamId));
  }

  /** The teams of an organization `userId` belongs to (a guest's view of `Organization.teams`, R13.11). */
  async teamsOfUser(userId: string, organizationId: string): Promise<TeamRow[]> {
    return (await this.memberships(userId, organizationId)).map((t) => t.team);
  }

  /** `userId`'s role in a team, from the one read of all their teams in its organization (a list asks per team). */
  async teamRoleIn(organizationId: string, teamId: string, userId: string): Promise<TeamRole | null> {
    return (await this.memberships(userId, organizationId)).find((t) => t.team.id === teamId)?.role ?? null;
  }

  private memberships(userId: string, organizationId: string): Promise<{ team: TeamRow; role: TeamRole }[]> {
    return this.once(`user-teams:${userId}:${organizationId}`, () => this.reads.teamsOfUser(userId, organizationId));
  }

  /** The other parties of `userId`'s requests in the organization (R13.11). */
  counterparts(userId: string, organizationId: string): Promise<ReadonlySet<string>> {
    return this.once(
      `counterparts:${userId}:${organizationId}`,
      async () => new Set(await this.reads.counterpartsOf(userId, organizationId)),
    );
  }

  orgRole(organizationId: string, userId: string): Promise<OrgRole | null> {
    return this.once(`org-role:${organizationId}:${userId}`, () => this.reads.orgRole(organizationId, userId));
  }

  teamRole(teamId: string, userId: string): Promise<TeamRole | null> {
    return this.once(`team-role:${teamId}:${userId}`, () => this.reads.teamRole(teamId, userId));
  }

  /** Records a role already known (e.g. from the organizations list), saving its query. */
  primeOrgRole(organizationId: string, userId: string, role: OrgRole | null): void {
    this.memo.set(`org-role:${organizationId}:${userId}`, Promise.resolve(role));
  }

  user(id: string): Promise<UserRow | null> {
    return this.once(
      `user:${id}`,
      () =>
        new Promise<UserRow | null>((resolve, reject) => {
          if (this.pendingUsers.length === 0) process.nextTick(() => this.flushUsers());
          this.pendingUsers.push({ id, resolve, reject });
        }),
    );
  }

  private flushUsers(): void {
    const batch = this.pendingUsers;
    this.pendingUsers = [];
    this.reads.usersByIds(batch.map((p) => p.id)).then(
      (rows) => {
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const p of batch) p.resolve(byId.get(p.id) ?? null);
      },
      (error: unknown) => {
        for (const p of batch) p.reject(error);
      },
    );
  }

  /** A failed read is not remembered: a later field may try again. */
  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    return rememberOnce(this.memo, key, load) as Promise<T>;
  }
}

/** Hands out one DirectoryLoader per GraphQL operation (keyed by its context object). */
@Injectable()
export class DirectoryLoaders {
  private readonly loaders = new WeakMap<object, DirectoryLoader>();

  constructor(
    @Inject(READ_MODELS) private readonly reads: ReadModels,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  for(context: object): DirectoryLoader {
    let loader = this.loaders.get(context);
    if (!loader) {
      loader = new DirectoryLoader(this.reads, this.config.graphqlLimits.maxRows);
      this.loaders.set(context, loader);
    }
    return loader;
  }
}

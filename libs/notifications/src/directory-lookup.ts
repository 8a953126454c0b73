import {
  evolveOrganization,
  evolveUser,
  hasCredentialRequestsFeature,
  initialOrganizationState,
  initialUserState,
  streams,
  type OrganizationEvent,
  type OrganizationState,
  type UserEvent,
  type UserState,
} from '@libs/domain';
import type { EventStore, GlobalPosition, RecordedEvent, SqlExecutor } from '@libs/event-store';

export interface DirectoryUser {
  userId: string;
  email: string;
  name: string;
  enabled: boolean;
}

/**
 * What the worker needs to know about people and organizations, as of a point in the global order (so that a
 * replay decides exactly as the first run did). The projections' directory read model can implement it later.
 */
export interface DirectoryLookup {
  user(userId: string, at: GlobalPosition): Promise<DirectoryUser | null>;
  /** `inclusive: false`: the state just before the event at `at`. */
  organization(organizationId: string, at: GlobalPosition, inclusive?: boolean): Promise<OrganizationState | null>;
  /** Organizations the user is a member of at `at` (any role; callers filter guests). */
  organizationsOf(userId: string, at: GlobalPosition): Promise<OrganizationState[]>;
}

function upTo(events: RecordedEvent[], at: GlobalPosition, inclusive = true): RecordedEvent[] {
  return events.filter((e) => (inclusive ? e.globalPosition <= at : e.globalPosition < at));
}

/**
 * Folds the user and organization streams with the domain's evolve. Finding the organizations of a user needs an
 * index: it asks the PostgreSQL event store's table which organization streams ever named the user.
 */
export class EventStoreDirectoryLookup implements DirectoryLookup {
  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlExecutor,
  ) {}

  async user(userId: string, at: GlobalPosition): Promise<DirectoryUser | null> {
    const events = upTo(await this.store.readStream(streams.user(userId)), at);
    const state = events.reduce<UserState>(
      (s, e) => evolveUser(s, { type: e.type, data: e.data } as UserEvent),
      initialUserState(),
    );
    if (!state.registered) return null;
    return { userId, email: state.email, name: state.name, enabled: hasCredentialRequestsFeature(state) };
  }

  async organization(organizationId: string, at: GlobalPosition, inclusive = true): Promise<OrganizationState | null> {
    const events = upTo(await this.store.readStream(streams.organization(organizationId)), at, inclusive);
    const state = events.reduce<OrganizationState>(
      (s, e) => evolveOrganization(s, { type: e.type, data: e.data } as OrganizationEvent),
      initialOrganizationState(),
    );
    return state.exists ? state : null;
  }

  async organizationsOf(userId: string, at: GlobalPosition): Promise<OrganizationState[]> {
    const rows = await this.sql.query<{ stream_id: string }>(
      `SELECT DISTINCT stream_id FROM es_events
        WHERE stream_id LIKE 'organization-%'
          AND ((type = 'OrganizationMemberAdded' AND data->>'userId' = $1)
            OR (type = 'OrganizationCreated' AND data->>'ownerId' = $1))`,
      [userId],
    );
    const orgs: OrganizationState[] = [];
    for (const { stream_id } of rows) {
      const org = await this.organization(stream_id.slice('organization-'.length), at);
      if (org && org.members[userId]) orgs.push(org);
    }
    return orgs;
  }
}

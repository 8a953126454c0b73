import {
  evolveOrganization,
  evolveUser,
  hasCredentialRequestsFeature,
  initialOrganizationState,
  initialUserState,
  type OrganizationEvent,
  type OrganizationState,
  type UserEvent,
  type UserState,
  streams,
} from '@libs/domain';
import type { GlobalPosition, RecordedEvent } from '@libs/event-store';
import type { DirectoryLookup, DirectoryUser } from '../reactor/directory-lookup';

/** A typed domain event as the deciders emit it. */
export interface TypedEvent {
  type: string;
  data: object;
  schemaVersion?: number;
  /** Who acted (null, the default: the system). */
  actorId?: string | null;
}

/**
 * An event history in memory, in the order the reactor reads it: enough of the EventStore port (`readStream`) for
 * `RequestStates`, for the planner's unit specs. Global positions are zero-padded so they compare as strings do.
 */
export class History {
  readonly events: RecordedEvent[] = [];

  record(stream: string, event: TypedEvent, occurredAt = '2026-06-01T12:00:00.000Z'): RecordedEvent {
    const n = this.events.length + 1;
    const recorded: RecordedEvent = {
      id: `evt-${n}`,
      stream,
      revision: this.events.filter((e) => e.stream === stream).length,
      position: BigInt(n),
      globalPosition: String(n).padStart(8, '0'),
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata: {
        actorId: event.actorId ?? null,
        correlationId: `corr-${n}`,
        causationId: null,
        schemaVersion: event.schemaVersion ?? 1,
        occurredAt,
        prevHash: '',
        hash: '',
      },
    };
    this.events.push(recorded);
    return recorded;
  }

  readStream(stream: string): Promise<RecordedEvent[]> {
    return Promise.resolve(this.events.filter((e) => e.stream === stream));
  }

  /** `at` omitted: everything (as of now). */
  upTo(stream: string, at?: GlobalPosition, inclusive = true): RecordedEvent[] {
    return this.events.filter(
      (e) => e.stream === stream && (at === undefined || (inclusive ? e.globalPosition <= at : e.globalPosition < at)),
    );
  }
}

/** The worker's directory folds (as EventStoreDirectoryLookup does) over a History; no index table needed. */
export class HistoryDirectory implements DirectoryLookup {
  constructor(private readonly history: History) {}

  user(userId: string, at: GlobalPosition): Promise<DirectoryUser | null> {
    const state = this.history
      .upTo(streams.user(userId), at)
      .reduce<UserState>((s, e) => evolveUser(s, { type: e.type, data: e.data } as UserEvent), initialUserState());
    if (!state.registered) return Promise.resolve(null);
    return Promise.resolve({
      userId,
      email: state.email,
      name: state.name,
      enabled: hasCredentialRequestsFeature(state),
      language: state.language,
    });
  }

  organization(organizationId: string, at?: GlobalPosition, inclusive = true): Promise<OrganizationState | null> {
    return Promise.resolve(this.fold(streams.organization(organizationId), at, inclusive));
  }

  organizationsOf(userId: string, at: GlobalPosition): Promise<OrganizationState[]> {
    const orgStreams = [...new Set(this.history.events.map((e) => e.stream))].filter((s) =>
      s.startsWith(streams.organization('')),
    );
    const orgs = orgStreams.map((stream) => this.fold(stream, at, true));
    return Promise.resolve(
      orgs.filter((org): org is OrganizationState => org !== null && org.members[userId] !== undefined),
    );
  }

  private fold(stream: string, at: GlobalPosition | undefined, inclusive: boolean): OrganizationState | null {
    const state = this.history
      .upTo(stream, at, inclusive)
      .reduce<OrganizationState>(
        (s, e) => evolveOrganization(s, { type: e.type, data: e.data } as OrganizationEvent),
        initialOrganizationState(),
      );
    return state.exists ? state : null;
  }
}

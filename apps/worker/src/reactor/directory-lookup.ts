import {
  evolveOrganization,
  evolveUser,
  hasCredentialRequestsFeature,
  initialOrganizationState,
  initialUserState,
  streams,
  type Language,
  type OrganizationEvent,
  type OrganizationState,
  type UserEvent,
  type UserState,
} from '@libs/domain';
import type { EventStore, GlobalPosition, RecordedEvent, SqlExecutor } from '@libs/event-store';
import { rememberOnce } from '@libs/infrastructure';

const INDEX_CHECKPOINT = 'directory-index';
/** At most this many events observed past the stored index checkpoint (what a takeover's `catchUp` reads again). */
const INDEX_UNSTORED_MAX = 1000;

export interface DirectoryUser {
  userId: string;
  email: string;
  name: string;
  enabled: boolean;
  /** The user's own choice for e-mails (LanguageChosen); null when they never chose (issue 10). */
  language: Language | null;
}

/**
 * What the worker needs to know about people and organizations, as of a point in the global order (so that a
 * replay decides exactly as the first run did). The projections' directory read model can implement it later.
 */
export interface DirectoryLookup {
  /** `at` omitted: as of now (a reminder is written when it is due, not as of an event). */
  user(userId: string, at?: GlobalPosition): Promise<DirectoryUser | null>;
  /** `inclusive: false`: the state just before the event at `at`; `at` omitted: as of now (a reminder). */
  organization(organizationId: string, at?: GlobalPosition, inclusive?: boolean): Promise<OrganizationState | null>;
  /** Organizations the user is a member of at `at` (any role; callers filter guests). */
  organizationsOf(userId: string, at: GlobalPosition): Promise<OrganizationState[]>;
  /** Called by the reactor with each batch before planning it (implementations that keep an index). */
  observe?(events: readonly RecordedEvent[]): Promise<void>;
  /** Called when the reactor becomes active: index what was read before, up to `position`. */
  catchUp?(position: GlobalPosition): Promise<void>;
}

function upTo(events: RecordedEvent[], at: GlobalPosition | undefined, inclusive = true): RecordedEvent[] {
  if (at === undefined) return events;
  return events.filter((e) => (inclusive ? e.globalPosition <= at : e.globalPosition < at));
}

/**
 * Folds the user and organization streams with the domain's evolve, through the EventStore port only (so it works
 * on EventStoreDB as well as PostgreSQL). Finding the organizations of a user needs an index: the worker's own
 * table `worker_user_organizations`, fed from the events the reactor reads (`observe`), lists every organization
 * that ever named the user; folding each up to the event decides membership at that moment, so a replay decides
 * as the first run. Not the projections' directory: it shows the current state (not the state as of an event) and
 * may lag behind the reactor, which would make the decision depend on timing.
 */
export class EventStoreDirectoryLookup implements DirectoryLookup {
  /**
   * The streams read for the batch being planned. Every as-of read of one batch (`at` inside it) may share one read
   * of a stream: it happens after the batch was read, so it holds every event up to the batch's last (the same
   * argument that lets a single read serve one event). `observe`, at the next batch, clears it (issue 12: the
   * recipient's user stream was read once per event).
   */
  private readonly batchReads = new Map<string, Promise<RecordedEvent[]>>();
  /** Events observed since the index checkpoint was last stored (`observe`). */
  private unstored = 0;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlExecutor,
  ) {}

  private read(stream: string, at: GlobalPosition | undefined): Promise<RecordedEvent[]> {
    const load = () => this.store.readStream(stream);
    return at === undefined ? load() : rememberOnce(this.batchReads, stream, load);
  }

  async user(userId: string, at?: GlobalPosition): Promise<DirectoryUser | null> {
    const events = upTo(await this.read(streams.user(userId), at), at);
    const state = events.reduce<UserState>(
      (s, e) => evolveUser(s, { type: e.type, data: e.data } as UserEvent),
      initialUserState(),
    );
    if (!state.registered) return null;
    return {
      userId,
      email: state.email,
      name: state.name,
      enabled: hasCredentialRequestsFeature(state),
      language: state.language,
    };
  }

  async organization(organizationId: string, at?: GlobalPosition, inclusive = true): Promise<OrganizationState | null> {
    const events = upTo(await this.read(streams.organization(organizationId), at), at, inclusive);
    const state = events.reduce<OrganizationState>(
      (s, e) => evolveOrganization(s, { type: e.type, data: e.data } as OrganizationEvent),
      initialOrganizationState(),
    );
    return state.exists ? state : null;
  }

  async organizationsOf(userId: string, at: GlobalPosition): Promise<OrganizationState[]> {
    const rows = await this.sql.query<{ organization_id: string }>(
      'SELECT organization_id FROM worker_user_organizations WHERE user_id = $1 ORDER BY organization_id',
      [userId],
    );
    const orgs: OrganizationState[] = [];
    for (const { organization_id } of rows) {
      const org = await this.organization(organization_id, at);
      if (org && org.members[userId]) orgs.push(org);
    }
    return orgs;
  }

  async observe(events: readonly RecordedEvent[]): Promise<void> {
    this.batchReads.clear();
    if (events.length === 0) return;
    const pairs: string[] = [];
    const params: string[] = [];
    for (const e of events) {
      const organizationId = streams.organizationId(e.stream);
      if (organizationId === null) continue;
      const userId =
        e.type === 'OrganizationMemberAdded' ? e.data.userId : e.type === 'OrganizationCreated' ? e.data.ownerId : null;
      if (typeof userId !== 'string') continue;
      params.push(userId, organizationId);
      pairs.push(`($${params.length - 1}, $${params.length})`);
    }
    if (pairs.length > 0) {
      await this.sql.query(
        `INSERT INTO worker_user_organizations (user_id, organization_id) VALUES ${pairs.join(', ')}
         ON CONFLICT DO NOTHING`,
        params,
      );
    }
    // The checkpoint only bounds what `catchUp` reads again (the index is idempotent): stored with what it indexes,
    // else once per INDEX_UNSTORED_MAX events (issue 12: a statement and a commit per batch, for nothing).
    this.unstored += events.length;
    if (pairs.length === 0 && this.unstored < INDEX_UNSTORED_MAX) return;
    this.unstored = 0;
    await this.sql.query(
      `INSERT INTO worker_checkpoints (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET position = GREATEST(worker_checkpoints.position COLLATE "C", EXCLUDED.position COLLATE "C")`,
      [INDEX_CHECKPOINT, events[events.length - 1].globalPosition],
    );
  }

  async catchUp(position: GlobalPosition): Promise<void> {
    const [row] = await this.sql.query<{ position: string }>(
      'SELECT position FROM worker_checkpoints WHERE name = $1',
      [INDEX_CHECKPOINT],
    );
    let from = row?.position ?? '';
    while (from < position) {
      const batch = await this.store.readAll(from, 1000);
      const upTo = batch.filter((e) => e.globalPosition <= position);
      await this.observe(upTo);
      if (upTo.length === 0 || upTo.length < batch.length) return;
      from = upTo[upTo.length - 1].globalPosition;
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  type Membership,
  NO_MEMBERSHIP,
  type OrganizationState,
  orgRoleOf,
  streams,
  teamRoleOf,
  type UserState,
} from '@libs/domain';
import type { DirectoryIndex } from '../ports/directory-index';
import { foldOrganization, foldUser } from './folds';
import { StreamRunner } from './stream-runner';
import { DIRECTORY_INDEX } from './tokens';

/** The organization (folded from its stream) if it really owns the team, else null. */
export function owningTeam(org: OrganizationState, teamId: string): OrganizationState | null {
  return org.exists && org.teams[teamId] ? org : null;
}

/** Directory facts for decisions, always folded from the streams (the index only narrows where to look). */
@Injectable()
export class DirectoryReader {
  constructor(
    private readonly runner: StreamRunner,
    @Inject(DIRECTORY_INDEX) private readonly index: DirectoryIndex,
  ) {}

  async organization(organizationId: string): Promise<OrganizationState> {
    return (await this.runner.load(streams.organization(organizationId), foldOrganization)).state;
  }

  async user(userId: string): Promise<UserState> {
    return (await this.runner.load(streams.user(userId), foldUser)).state;
  }

  /** The organization owning the team, or null when no such team exists. */
  async organizationOfTeam(teamId: string): Promise<OrganizationState | null> {
    const organizationId = await this.index.organizationOfTeam(teamId);
    if (organizationId === null) return null;
    return owningTeam(await this.organization(organizationId), teamId);
  }

  /** The stream to read for `organizationOfTeam` (with others, in one read): null when the index knows no such team. */
  async organizationStreamOfTeam(teamId: string): Promise<string | null> {
    const organizationId = await this.index.organizationOfTeam(teamId);
    return organizationId === null ? null : streams.organization(organizationId);
  }

  /** Every organization the user is really a member of (candidates from the index, confirmed on the stream). */
  async organizationsOf(userId: string): Promise<OrganizationState[]> {
    const candidates = await this.index.organizationsOfUser(userId);
    const orgs = await Promise.all(candidates.map((id) => this.organization(id)));
    return orgs.filter((org) => org.exists && org.members[userId] !== undefined);
  }

  /** The actor's roles in a request's organization and team (R7.4 / R13.4). */
  async membership(organizationId: string, teamId: string, userId: string | null): Promise<Membership> {
    if (userId === null) return NO_MEMBERSHIP;
    const org = await this.organization(organizationId);
    return { orgRole: orgRoleOf(org, userId), teamRole: teamRoleOf(org, teamId, userId) };
  }
}

import { Inject } from '@nestjs/common';
import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { READ_MODELS, type ReadModels } from '@projections';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { CredentialRequest, Organization, Team } from '../../platform/graphql';
import type { CredentialRequestView } from '../request-views';

/**
 * CredentialRequest.organization / team, looked up only when a client asks for them. `teams`, `members` and
 * `Team.organization` of the returned objects are the directory field resolvers' business. A list's rows mostly share
 * a few teams: each is read once per query (a page of 20 rows read 60 times otherwise). Queries only: a
 * subscription's events share one context for as long as it lasts (the viewer's role may change meanwhile), and a
 * mutation's fields run one after another, each after its own change. A failed read is not kept.
 */
@Resolver(() => CredentialRequest)
export class CredentialRequestFieldsResolver {
  private readonly perOperation = new WeakMap<object, Map<string, Promise<unknown>>>();

  constructor(@Inject(READ_MODELS) private readonly read: ReadModels) {}

  @ResolveField(() => Organization)
  async organization(
    @Parent() request: CredentialRequestView,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.once(context, info, `organization:${request.organizationId}`, () =>
      this.organizationObject(request.organizationId, caller.userId),
    );
  }

  @ResolveField(() => Team)
  async team(@Parent() request: CredentialRequestView, @Context() context: object, @Info() info: GraphQLResolveInfo) {
    // Team.organization and Team.members come from the directory's field resolvers (they need organizationId).
    const team = await this.once(context, info, `team:${request.teamId}`, () => this.read.teamById(request.teamId));
    if (!team) throw new Error(`read model inconsistent: team ${request.teamId} of request ${request.id} is missing`);
    return team;
  }

  private once<T>(context: object, info: GraphQLResolveInfo, key: string, load: () => Promise<T>): Promise<T> {
    if (info.operation.operation !== 'query') return load();
    let loaded = this.perOperation.get(context);
    if (!loaded) this.perOperation.set(context, (loaded = new Map()));
    const known = loaded.get(key) as Promise<T> | undefined;
    if (known) return known;
    const reading = load();
    loaded.set(key, reading);
    reading.catch(() => loaded.delete(key));
    return reading;
  }

  private async organizationObject(organizationId: string, userId: string) {
    const [organization, viewerRole] = await Promise.all([
      this.read.organizationById(organizationId),
      this.read.orgRole(organizationId, userId),
    ]);
    if (!organization) throw new Error(`read model inconsistent: organization ${organizationId} is missing`);
    return { ...organization, viewerRole };
  }
}

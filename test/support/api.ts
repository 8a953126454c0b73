import { signToken } from '@libs/auth';

/** Shared by the API e2e tests: a GraphQL client and a directory seeded through the public API. */

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; fields?: { path: string; message: string }[]; [key: string]: unknown };
}

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

/** POSTs one operation to `${url}/graphql`; never throws for GraphQL errors (they are in `errors`). */
export async function gql<T = Record<string, unknown>>(
  url: string,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GqlResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
  return { status: res.status, data: body.data, errors: body.errors };
}

/** Like gql, but fails the test with the errors when there are any; returns `data`. */
export async function gqlOk<T = Record<string, unknown>>(
  url: string,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await gql<T>(url, token, query, variables);
  if (res.errors?.length || !res.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
  }
  return res.data;
}

/** The first error's code (undefined when none). */
export const codeOf = (res: GqlResponse<unknown>): string | undefined => res.errors?.[0]?.extensions.code;

export interface TestUser {
  sub: string;
  email: string;
  name: string;
  support?: boolean;
  emailVerified?: boolean;
}

/** A token for a test user, signed with AUTH_JWT_SECRET (the app must run with the same secret). */
export function tokenFor(secret: string, user: TestUser): Promise<string> {
  return signToken(secret, {
    sub: user.sub,
    email: user.email,
    name: user.name,
    support: user.support,
    emailVerified: user.emailVerified,
  });
}

export interface SeededUser extends TestUser {
  id: string;
  token: string;
}

export interface SeededDirectory {
  organizationId: string;
  teamId: string;
  /** Support staff (platform_role support); not a member of the organization. */
  support: SeededUser;
  /** OWNER of the organization and ADMIN of the team (created both). */
  owner: SeededUser;
  /** Org MEMBER and team MEMBER. */
  member: SeededUser;
  /** Org MEMBER, not in the team. */
  outsider: SeededUser;
  /** Not a member of anything. */
  stranger: SeededUser;
}

export interface SeedOptions {
  /** Plan set by support after creation (default ENTERPRISE, so requests are allowed, R2.2). */
  plan?: string;
  partner?: boolean;
  /** E-mail domain of the seeded users (default a corporate one, unique per seed). */
  domain?: string;
  /** Approve the feature for owner and member (R2.1; needs an eligible plan and corporate verified e-mails). */
  enableFeature?: boolean;
}

let seedCounter = 0;

/**
 * Creates, through the public API only: an organization (by the owner, plan set by support), a team, a member in
 * it and an org member outside it. Every user has signed in once (so their `sub` is bound, R13.2).
 */
export async function seedDirectory(url: string, secret: string, options: SeedOptions = {}): Promise<SeededDirectory> {
  const tag = `${Date.now().toString(36)}${(seedCounter++).toString(36)}`;
  const domain = options.domain ?? `corp-${tag}.example`;
  const user = async (key: string, support = false): Promise<SeededUser> => {
    const base: TestUser = { sub: `sub-${key}-${tag}`, email: `${key}.${tag}@${domain}`, name: `${key} ${tag}` };
    const u = { ...base, support };
    const token = await tokenFor(secret, u);
    const data = await gqlOk<{ me: { id: string } }>(url, token, '{ me { id } }');
    return { ...u, id: data.me.id, token };
  };
  const support = await user('support', true);
  const owner = await user('owner');
  const member = await user('member');
  const outsider = await user('outsider');
  const stranger = await user('stranger');

  const created = await gqlOk<{ createOrganization: { id: string } }>(
    url,
    owner.token,
    'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { input: { name: `Org ${tag}` } },
  );
  const organizationId = created.createOrganization.id;
  await gqlOk(
    url,
    support.token,
    'mutation($id: ID!, $plan: Plan!, $partner: Boolean) { changeOrganizationPlan(organizationId: $id, plan: $plan, partner: $partner) { id } }',
    { id: organizationId, plan: options.plan ?? 'ENTERPRISE', partner: options.partner ?? false },
  );
  const team = await gqlOk<{ createTeam: { id: string } }>(
    url,
    owner.token,
    'mutation($org: ID!, $name: String!) { createTeam(organizationId: $org, name: $name) { id } }',
    { org: organizationId, name: `Team ${tag}` },
  );
  const teamId = team.createTeam.id;
  for (const u of [member, outsider]) {
    await gqlOk(
      url,
      owner.token,
      `mutation($org: ID!, $email: String!, $name: String!) {
         addOrganizationMember(organizationId: $org, email: $email, name: $name, role: MEMBER) { id } }`,
      { org: organizationId, email: u.email, name: u.name },
    );
  }
  await gqlOk(
    url,
    owner.token,
    'mutation($team: ID!, $user: ID!) { addTeamMember(teamId: $team, userId: $user, role: MEMBER) { id } }',
    { team: teamId, user: member.id },
  );
  if (options.enableFeature) {
    for (const u of [owner, member]) {
      await gqlOk(url, u.token, 'mutation { applyForCredentialRequests { id } }');
      await gqlOk(
        url,
        support.token,
        'mutation($id: ID!) { reviewCredentialRequestsApplication(userId: $id, approve: true) { id } }',
        { id: u.id },
      );
    }
  }
  return { organizationId, teamId, support, owner, member, outsider, stranger };
}

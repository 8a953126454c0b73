import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, type DocumentNode } from 'graphql';
import { loadConfig } from '@libs/config';
import { costErrors, queryLimitRules } from './query-limits';

const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.gql'), 'utf8'));
const limits = loadConfig({}).graphqlLimits;
const WEB_SRC = process.env.WEB_SRC ?? join(__dirname, '../../../../web/src');

/** Every document the web app sends: `.graphql`/`.gql` files and graphql(`…`) / gql`…` literals in its sources. */
function webDocuments(dir: string): { name: string; source: string }[] {
  if (!existsSync(dir)) return [];
  const found: { name: string; source: string }[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'node_modules' && entry !== 'gql') found.push(...webDocuments(path));
    } else if (/\.(graphql|gql)$/.test(entry)) {
      found.push({ name: path, source: readFileSync(path, 'utf8') });
    } else if (/\.tsx?$/.test(entry)) {
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/(?:graphql\(\s*|gql\s*)`([^`]*)`/g)) found.push({ name: path, source: m[1] });
    }
  }
  return found;
}

/** Fragments may live in other files: every fragment of the web app is appended to each document that needs it. */
function withFragments(source: string, fragments: Map<string, string>): string {
  const needed = new Set<string>();
  const queue = [source];
  while (queue.length) {
    for (const m of queue.pop()!.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) {
      if (m[1] === 'on' || needed.has(m[1]) || !fragments.has(m[1])) continue;
      needed.add(m[1]);
      queue.push(fragments.get(m[1])!);
    }
  }
  const own = new Set([...source.matchAll(/fragment\s+(\w+)/g)].map((m) => m[1]));
  return [source, ...[...needed].filter((n) => !own.has(n)).map((n) => fragments.get(n)!)].join('\n');
}

/** The refusals our limits give a document (schema errors are not this test's business: the web app adds fields). */
function refusals(document: DocumentNode, variables: Record<string, unknown> = {}): string[] {
  return [
    ...validate(schema, document, queryLimitRules(limits, true)),
    ...costErrors(schema, document, variables, limits),
  ].map((e) => e.message);
}

// The widest realistic operations of the contract (R13.12: the defaults must let every one of them through).
const REQUEST = `id name description status viewerRelation sentAt updatedAt
  organization { id name viewerRole } team { id name organization { id name } }
  requester { id name email external } recipient { id name email external }
  apps { appKey appName version status declineReason error connectionName scopes accessUntil expectedAccountDomain
         modules { key name } connection { id name status type usage { moduleKey uses } } }`;
const CONTRACT_QUERIES: [string, string, Record<string, unknown>][] = [
  [
    'sent list, largest page',
    `query($t: ID!, $first: Int) { sentCredentialRequests(teamId: $t, first: $first) {
       totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${REQUEST} } } } }`,
    { t: 't', first: 100 },
  ],
  ['received list, default page', `{ receivedCredentialRequests { totalCount edges { node { ${REQUEST} } } } }`, {}],
  ['request details with history', `query($id: ID!) { credentialRequest(id: $id) { ${REQUEST} } }`, { id: 'r' }],
  ['directory', `{ me { id name email } organizations { id name plan partner viewerRole teams { id name } } }`, {}],
  [
    'audit log, largest page',
    `query($o: ID!) { auditLog(organizationId: $o, first: 100) { edges { cursor node { id at action appKey
       requestId actor { id name email } } } pageInfo { hasNextPage endCursor } } }`,
    { o: 'o' },
  ],
];

describe('query limits (R13.12): the defaults pass what clients send', () => {
  it.each(CONTRACT_QUERIES)('passes the contract query: %s', (_label, source, variables) => {
    expect(refusals(parse(source), variables)).toEqual([]);
  });

  const documents = webDocuments(WEB_SRC);
  const fragments = new Map<string, string>();
  for (const d of documents) {
    for (const m of d.source.matchAll(/fragment\s+(\w+)\s+on\s+\w+\s*\{/g)) fragments.set(m[1], d.source);
  }
  const operations = documents.filter((d) => /^\s*(query|mutation|subscription)\b/m.test(d.source));
  (operations.length
    ? it.each(operations.map((d) => [d.name.slice(WEB_SRC.length + 1), d.source]))
    : it.skip.each([['(no apps/web/src yet)', '']]))('passes the web app document in %s', (_name, source) => {
    // The web app pages with at most 100 per page.
    expect(refusals(parse(withFragments(source, fragments)), { first: 100 })).toEqual([]);
  });

  it('refuses the probe: 40 levels, 1,000 aliases, and first: 1000 through a variable', () => {
    let nested = 'id';
    for (let i = 0; i < 40; i++) nested = i % 2 ? `organization { ${nested} }` : `teams { ${nested} }`;
    expect(refusals(parse(`{ organizations { ${nested} } }`)).join()).toMatch(/depth.*GRAPHQL_MAX_DEPTH/);
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ');
    expect(refusals(parse(`{ ${aliases} }`)).join()).toMatch(/Aliases limit.*GRAPHQL_MAX_ALIASES/);
    const big = parse(`query($first: Int) { sentCredentialRequests(teamId: "t", first: $first) {
      edges { node { ${REQUEST} } } } }`);
    expect(refusals(big, { first: 20 })).toEqual([]);
    expect(refusals(big, { first: 1000 }).join()).toMatch(/Cost limit.*GRAPHQL_MAX_COST/);
    // A pass is remembered per document and page sizes only: the same document stays refused at 1,000.
    expect(refusals(big, { first: 20, other: 'x' })).toEqual([]);
    expect(refusals(big, { first: 1000 }).join()).toMatch(/Cost limit.*GRAPHQL_MAX_COST/);
  });

  // An owner may create any number of teams; lists with no page size used to weigh as one item, so this query
  // (depth 9, 30 aliases) cost 4,186 and returned 30 × teams⁵ objects.
  it("refuses lists that grow with use nested through the schema's cycles, within depth and aliases", () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: teams { id }`).join(' ');
    const cycle = `{ organizations { teams { organization { teams { organization { teams { organization { teams {
      organization { ${aliases} } } } } } } } } } }`;
    expect(validate(schema, parse(cycle), queryLimitRules(limits, true))).toEqual([]);
    expect(refusals(parse(cycle)).join()).toMatch(/Cost limit.*GRAPHQL_MAX_COST/);
    expect(refusals(parse('{ organizations { teams { organization { teams { id } } } } }')).join()).toMatch(
      /Cost limit.*GRAPHQL_MAX_COST/,
    );
    expect(
      refusals(parse('{ organizations { members { user { id } } teams { members { user { id } } } } }')).join(),
    ).toMatch(/Cost limit/);
    // An organization's teams and members, a team's members, and one organization's teams with their members pass;
    // the same across every organization of the viewer is refused at the defaults (above).
    expect(
      refusals(
        parse(
          '{ organizations { id name teams { id name } } organization(id: "o") { members { role user { id name email } } teams { id name members { role user { id name email } } } } team(id: "t") { members { role user { id name } } } }',
        ),
      ),
    ).toEqual([]);
  });

  it("weighs a list with no page size by GRAPHQL_LIST_SIZE, and bounded lists (a request's apps) as one", () => {
    const teams = parse('{ organizations { teams { id name } } }');
    expect(refusals(teams)).toEqual([]);
    const strict = { ...limits, listSize: 200 };
    expect(
      costErrors(schema, teams, {}, strict)
        .map((e) => e.message)
        .join(),
    ).toMatch(/Cost limit.*GRAPHQL_MAX_COST/);
    // A page's edges are weighed by the page's first only, a request's apps and modules as one each.
    const page = parse(
      `{ sentCredentialRequests(teamId: "t", first: 100) { edges { node { apps { modules { key } } } } } }`,
    );
    expect(costErrors(schema, page, {}, strict)).toEqual([]);
  });
});

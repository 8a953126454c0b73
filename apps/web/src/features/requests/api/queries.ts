import { graphql } from '../../../gql';

export const SentRequests = graphql(`
  query SentRequests($teamId: ID!, $status: CredentialRequestStatus, $search: String, $after: String, $first: Int) {
    sentCredentialRequests(teamId: $teamId, status: $status, search: $search, after: $after, first: $first) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...RequestRowFields
        }
      }
    }
  }
`);

export const ReceivedRequests = graphql(`
  query ReceivedRequests(
    $organizationId: ID
    $status: CredentialRequestStatus
    $search: String
    $after: String
    $first: Int
  ) {
    receivedCredentialRequests(
      organizationId: $organizationId
      status: $status
      search: $search
      after: $after
      first: $first
    ) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...RequestRowFields
        }
      }
    }
  }
`);

export const RequestDetails = graphql(`
  query RequestDetails($id: ID!) {
    credentialRequest(id: $id) {
      ...RequestDetailsFields
    }
  }
`);

/** R8.5: the connections of the request and the scenarios using them, shown before deleting. */
export const RequestConnections = graphql(`
  query RequestConnections($requestId: ID!) {
    requestConnections(requestId: $requestId) {
      id
      appKey
      name
      status
      usage {
        scenarioId
        scenarioName
        moduleKey
        uses
        lastUsedAt
      }
    }
  }
`);

/** R10.3: for auditors only; others get FORBIDDEN and the page shows no history. */
export const RequestHistory = graphql(`
  query RequestHistory($requestId: ID!) {
    credentialRequestHistory(requestId: $requestId) {
      revision
      position
      type
      data
      at
      hash
      actorId
      actor {
        name
        email
      }
    }
    verifyCredentialRequestHistory(requestId: $requestId) {
      valid
      events
      firstBrokenRevision
    }
  }
`);

export const CatalogApps = graphql(`
  query CatalogApps {
    apps {
      key
      name
      available
      versions {
        version
        connectionType
        modules {
          key
          name
          names {
            language
            name
          }
          scopes
        }
      }
    }
  }
`);

/** Whether the viewer may send requests at all (R2.2): said before the form, not after it was filled in. */
export const CreateRequestViewer = graphql(`
  query CreateRequestViewer {
    me {
      id
      credentialRequestsEnabled
    }
  }
`);

/** The recipient picker (R3): members of the organization (a guest sees only the people on their requests). */
export const OrganizationPeople = graphql(`
  query OrganizationPeople($organizationId: ID!) {
    me {
      id
    }
    organization(id: $organizationId) {
      id
      members {
        role
        user {
          id
          name
          email
        }
      }
    }
  }
`);

/** The recipient picker of a team member, who may ask only their team's members (R3.1). */
export const TeamPeople = graphql(`
  query TeamPeople($teamId: ID!) {
    me {
      id
    }
    team(id: $teamId) {
      id
      members {
        user {
          id
          name
          email
        }
      }
    }
  }
`);

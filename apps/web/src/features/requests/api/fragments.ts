// The fields the lists and the details page show; subscriptions select the same fragments so an update replaces
// what the page holds in the cache (R12.7).
import { graphql } from '../../../gql';

export const RequestRowFields = graphql(`
  fragment RequestRowFields on CredentialRequest {
    id
    name
    sentAt
    status
    viewerRelation
    organization {
      id
      name
    }
    team {
      id
      name
    }
    requester {
      id
      name
      email
      external
    }
    recipient {
      id
      name
      email
      external
    }
    apps {
      appKey
      appName
      status
    }
  }
`);

export const RequestDetailsFields = graphql(`
  fragment RequestDetailsFields on CredentialRequest {
    id
    name
    description
    sentAt
    updatedAt
    status
    viewerRelation
    organization {
      id
      name
    }
    team {
      id
      name
      viewerRole
    }
    requester {
      id
      name
      email
      external
    }
    recipient {
      id
      name
      email
      external
    }
    apps {
      appKey
      appName
      version
      status
      note
      scopes
      declineReason
      error
      accessUntil
      connectionName
      expectedAccountDomain
      updatedAt
      modules {
        key
        name
        names {
          language
          name
        }
        scopes
      }
      connection {
        id
        name
        status
        type
        expiresAt
        lastError
        usage {
          moduleKey
          scenarioId
          scenarioName
          uses
          lastUsedAt
        }
      }
    }
  }
`);

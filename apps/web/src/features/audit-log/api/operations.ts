// The audit trail (R10.1, R10.2), newest first, a page at a time.
import { graphql } from '../../../gql';

/** Entries per page, in both tables. */
export const AUDIT_PAGE_SIZE = 20;

export const AuditLogPage = graphql(`
  query AuditLogPage($organizationId: ID!, $teamId: ID, $first: Int, $after: String) {
    auditLog(organizationId: $organizationId, teamId: $teamId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          at
          action
          actor {
            id
            name
            email
          }
          appKey
          requestId
          requestName
          teamId
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const AuditLogOrganization = graphql(`
  query AuditLogOrganization($id: ID!) {
    organization(id: $id) {
      id
      name
      viewerRole
      teams {
        id
        name
        viewerRole
      }
    }
  }
`);

/** The catalog's names: an entry carries the app's key, people know the app by its name. */
export const AuditLogApps = graphql(`
  query AuditLogApps {
    apps {
      key
      name
    }
  }
`);

/** R13.13: who was added, given another role or removed, and by whom (an addition to the contract). */
export const MembershipAuditLogPage = graphql(`
  query MembershipAuditLogPage($organizationId: ID!, $teamId: ID, $first: Int, $after: String) {
    membershipAuditLog(organizationId: $organizationId, teamId: $teamId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          at
          action
          actor {
            id
            name
          }
          member {
            id
            name
            email
          }
          teamId
          role
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

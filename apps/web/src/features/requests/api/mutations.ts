import { graphql } from '../../../gql';

export const CreateRequest = graphql(`
  mutation CreateRequest($input: CreateCredentialRequestInput!) {
    createCredentialRequest(input: $input) {
      ...RequestDetailsFields
    }
  }
`);

export const AuthorizeApp = graphql(`
  mutation AuthorizeApp($input: AuthorizeAppInput!) {
    authorizeApp(input: $input) {
      appKey
      status
      error
    }
  }
`);

export const UpdateCredentials = graphql(`
  mutation UpdateCredentials($input: AuthorizeAppInput!) {
    updateCredentials(input: $input) {
      appKey
      status
      error
    }
  }
`);

export const StartOAuth = graphql(`
  mutation StartOAuth($requestId: ID!, $appKey: String!, $accessUntil: DateTime) {
    startOAuthAuthorization(requestId: $requestId, appKey: $appKey, accessUntil: $accessUntil) {
      authorizationUrl
    }
  }
`);

export const DeclineApp = graphql(`
  mutation DeclineApp($requestId: ID!, $appKey: String!, $reason: String!) {
    declineApp(requestId: $requestId, appKey: $appKey, reason: $reason) {
      appKey
      status
      declineReason
    }
  }
`);

export const RevokeAccess = graphql(`
  mutation RevokeAccess($requestId: ID!, $appKey: String!) {
    revokeAccess(requestId: $requestId, appKey: $appKey) {
      appKey
      status
    }
  }
`);

export const RequestReauthorization = graphql(`
  mutation RequestReauthorization($requestId: ID!, $appKey: String!) {
    requestReauthorization(requestId: $requestId, appKey: $appKey) {
      sent
      reason
      app {
        appKey
        status
      }
    }
  }
`);

export const DeleteRequest = graphql(`
  mutation DeleteRequest($id: ID!) {
    deleteCredentialRequest(id: $id) {
      id
      removedConnections {
        id
        name
      }
    }
  }
`);

export const AcceptInvitation = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) {
      requestId
      organization {
        id
        name
      }
      team {
        id
        name
      }
    }
  }
`);

import { graphql } from '../../../gql';

export const InvitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      organizationName
      teamName
      invitedBy {
        name
        email
      }
      requestId
      requestName
      email
      accepted
    }
  }
`);

export { AcceptInvitation } from './mutations';

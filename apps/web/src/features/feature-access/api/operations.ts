// Feature access (R2): the viewer's application, and support staff's review and plans (R2.1, R13.1, R13.8).
import { graphql } from '../../../gql';

export const FeatureAccessViewer = graphql(`
  query FeatureAccessViewer {
    viewer {
      supportStaff
      user {
        id
        name
        email
        credentialRequestsEnabled
        credentialRequestsApplication
      }
    }
  }
`);

export const FeatureAccessApply = graphql(`
  mutation FeatureAccessApply {
    applyForCredentialRequests {
      id
      credentialRequestsEnabled
      credentialRequestsApplication
    }
  }
`);

export const SupportPendingApplications = graphql(`
  query SupportPendingApplications {
    pendingCredentialRequestsApplications {
      id
      name
      email
      credentialRequestsApplication
    }
  }
`);

export const SupportReviewApplication = graphql(`
  mutation SupportReviewApplication($userId: ID!, $approve: Boolean!) {
    reviewCredentialRequestsApplication(userId: $userId, approve: $approve) {
      id
      credentialRequestsEnabled
      credentialRequestsApplication
    }
  }
`);

export const SupportOrganizations = graphql(`
  query SupportOrganizations($search: String) {
    supportOrganizations(search: $search) {
      id
      name
      plan
      partner
    }
  }
`);

export const SupportChangePlan = graphql(`
  mutation SupportChangePlan($organizationId: ID!, $plan: Plan!, $partner: Boolean) {
    changeOrganizationPlan(organizationId: $organizationId, plan: $plan, partner: $partner) {
      id
      plan
      partner
    }
  }
`);

// The directory's GraphQL operations (typed by `npm run codegen`).
import { graphql } from '../../../gql';

export const DirectoryOrganization = graphql(`
  query DirectoryOrganization($id: ID!) {
    organization(id: $id) {
      id
      name
      plan
      partner
      viewerRole
      teams {
        id
        name
      }
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

export const DirectoryTeam = graphql(`
  query DirectoryTeam($id: ID!) {
    me {
      id
    }
    team(id: $id) {
      id
      name
      organization {
        id
        name
        viewerRole
        members {
          role
          user {
            id
            name
            email
          }
        }
      }
      members {
        teamRole
        orgRole
        credentialRequestsEnabled
        user {
          id
          name
          email
        }
      }
    }
  }
`);

export const DirectoryCreateOrganization = graphql(`
  mutation DirectoryCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
    }
  }
`);

export const DirectoryCreateTeam = graphql(`
  mutation DirectoryCreateTeam($organizationId: ID!, $name: String!) {
    createTeam(organizationId: $organizationId, name: $name) {
      id
      name
    }
  }
`);

export const DirectoryAddOrganizationMember = graphql(`
  mutation DirectoryAddOrganizationMember($organizationId: ID!, $email: String!, $name: String!, $role: OrgRole!) {
    addOrganizationMember(organizationId: $organizationId, email: $email, name: $name, role: $role) {
      id
      name
    }
  }
`);

export const DirectoryAddTeamMember = graphql(`
  mutation DirectoryAddTeamMember($teamId: ID!, $userId: ID!, $role: TeamRole!) {
    addTeamMember(teamId: $teamId, userId: $userId, role: $role) {
      id
    }
  }
`);

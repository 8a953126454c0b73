// The directory's GraphQL operations (typed by `npm run codegen`).
import { graphql } from '../../../gql';

export const DirectoryOrganization = graphql(`
  query DirectoryOrganization($id: ID!) {
    me {
      id
    }
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

// R13.13: the answers are not read; the pages refetch their queries, which hold the roles and member lists.
export const DirectoryChangeOrganizationRole = graphql(`
  mutation DirectoryChangeOrganizationRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {
    changeOrganizationRole(organizationId: $organizationId, userId: $userId, role: $role) {
      id
    }
  }
`);

export const DirectoryRemoveOrganizationMember = graphql(`
  mutation DirectoryRemoveOrganizationMember($organizationId: ID!, $userId: ID!) {
    removeOrganizationMember(organizationId: $organizationId, userId: $userId)
  }
`);

export const DirectoryChangeTeamRole = graphql(`
  mutation DirectoryChangeTeamRole($teamId: ID!, $userId: ID!, $role: TeamRole!) {
    changeTeamRole(teamId: $teamId, userId: $userId, role: $role) {
      id
    }
  }
`);

export const DirectoryRemoveTeamMember = graphql(`
  mutation DirectoryRemoveTeamMember($teamId: ID!, $userId: ID!) {
    removeTeamMember(teamId: $teamId, userId: $userId) {
      id
    }
  }
`);

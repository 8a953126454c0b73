/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ViewerLanguage {\n    viewer {\n      language\n      languageChosen\n    }\n  }\n": typeof types.ViewerLanguageDocument,
    "\n  mutation SetLanguage($language: Language!) {\n    setLanguage(language: $language) {\n      language\n      languageChosen\n    }\n  }\n": typeof types.SetLanguageDocument,
    "\n  query AuditLogPage($organizationId: ID!, $teamId: ID, $first: Int, $after: String) {\n    auditLog(organizationId: $organizationId, teamId: $teamId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actor {\n            id\n            name\n            email\n          }\n          appKey\n          requestId\n          requestName\n          teamId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AuditLogPageDocument,
    "\n  query AuditLogOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      viewerRole\n      teams {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n": typeof types.AuditLogOrganizationDocument,
    "\n  query AuditLogApps {\n    apps {\n      key\n      name\n    }\n  }\n": typeof types.AuditLogAppsDocument,
    "\n  query MembershipAuditLogPage($organizationId: ID!, $teamId: ID, $first: Int, $after: String) {\n    membershipAuditLog(organizationId: $organizationId, teamId: $teamId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actor {\n            id\n            name\n          }\n          member {\n            id\n            name\n            email\n          }\n          teamId\n          role\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.MembershipAuditLogPageDocument,
    "\n  query DirectoryOrganization($id: ID!) {\n    me {\n      id\n    }\n    organization(id: $id) {\n      id\n      name\n      plan\n      partner\n      viewerRole\n      teams {\n        id\n        name\n      }\n      members {\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.DirectoryOrganizationDocument,
    "\n  query DirectoryTeam($id: ID!) {\n    me {\n      id\n    }\n    team(id: $id) {\n      id\n      name\n      organization {\n        id\n        name\n        viewerRole\n        members {\n          role\n          user {\n            id\n            name\n            email\n          }\n        }\n      }\n      members {\n        teamRole\n        orgRole\n        credentialRequestsEnabled\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.DirectoryTeamDocument,
    "\n  mutation DirectoryCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.DirectoryCreateOrganizationDocument,
    "\n  mutation DirectoryCreateTeam($organizationId: ID!, $name: String!) {\n    createTeam(organizationId: $organizationId, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.DirectoryCreateTeamDocument,
    "\n  mutation DirectoryAddOrganizationMember($organizationId: ID!, $email: String!, $name: String!, $role: OrgRole!) {\n    addOrganizationMember(organizationId: $organizationId, email: $email, name: $name, role: $role) {\n      id\n      name\n    }\n  }\n": typeof types.DirectoryAddOrganizationMemberDocument,
    "\n  mutation DirectoryAddTeamMember($teamId: ID!, $userId: ID!, $role: TeamRole!) {\n    addTeamMember(teamId: $teamId, userId: $userId, role: $role) {\n      id\n    }\n  }\n": typeof types.DirectoryAddTeamMemberDocument,
    "\n  mutation DirectoryChangeOrganizationRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    changeOrganizationRole(organizationId: $organizationId, userId: $userId, role: $role) {\n      id\n    }\n  }\n": typeof types.DirectoryChangeOrganizationRoleDocument,
    "\n  mutation DirectoryRemoveOrganizationMember($organizationId: ID!, $userId: ID!) {\n    removeOrganizationMember(organizationId: $organizationId, userId: $userId)\n  }\n": typeof types.DirectoryRemoveOrganizationMemberDocument,
    "\n  mutation DirectoryChangeTeamRole($teamId: ID!, $userId: ID!, $role: TeamRole!) {\n    changeTeamRole(teamId: $teamId, userId: $userId, role: $role) {\n      id\n    }\n  }\n": typeof types.DirectoryChangeTeamRoleDocument,
    "\n  mutation DirectoryRemoveTeamMember($teamId: ID!, $userId: ID!) {\n    removeTeamMember(teamId: $teamId, userId: $userId) {\n      id\n    }\n  }\n": typeof types.DirectoryRemoveTeamMemberDocument,
    "\n  query FeatureAccessViewer {\n    viewer {\n      supportStaff\n      user {\n        id\n        name\n        email\n        credentialRequestsEnabled\n        credentialRequestsApplication\n      }\n    }\n  }\n": typeof types.FeatureAccessViewerDocument,
    "\n  mutation FeatureAccessApply {\n    applyForCredentialRequests {\n      id\n      credentialRequestsEnabled\n      credentialRequestsApplication\n    }\n  }\n": typeof types.FeatureAccessApplyDocument,
    "\n  query SupportPendingApplications {\n    pendingCredentialRequestsApplications {\n      id\n      name\n      email\n      credentialRequestsApplication\n    }\n  }\n": typeof types.SupportPendingApplicationsDocument,
    "\n  mutation SupportReviewApplication($userId: ID!, $approve: Boolean!) {\n    reviewCredentialRequestsApplication(userId: $userId, approve: $approve) {\n      id\n      credentialRequestsEnabled\n      credentialRequestsApplication\n    }\n  }\n": typeof types.SupportReviewApplicationDocument,
    "\n  query SupportOrganizations($search: String) {\n    supportOrganizations(search: $search) {\n      id\n      name\n      plan\n      partner\n    }\n  }\n": typeof types.SupportOrganizationsDocument,
    "\n  mutation SupportChangePlan($organizationId: ID!, $plan: Plan!, $partner: Boolean) {\n    changeOrganizationPlan(organizationId: $organizationId, plan: $plan, partner: $partner) {\n      id\n      plan\n      partner\n    }\n  }\n": typeof types.SupportChangePlanDocument,
    "\n  fragment RequestRowFields on CredentialRequest {\n    id\n    name\n    sentAt\n    status\n    viewerRelation\n    organization {\n      id\n      name\n    }\n    team {\n      id\n      name\n    }\n    requester {\n      id\n      name\n      email\n      external\n    }\n    recipient {\n      id\n      name\n      email\n      external\n    }\n    apps {\n      appKey\n      appName\n      status\n    }\n  }\n": typeof types.RequestRowFieldsFragmentDoc,
    "\n  fragment RequestDetailsFields on CredentialRequest {\n    id\n    name\n    description\n    sentAt\n    updatedAt\n    status\n    viewerRelation\n    organization {\n      id\n      name\n    }\n    team {\n      id\n      name\n      viewerRole\n    }\n    requester {\n      id\n      name\n      email\n      external\n    }\n    recipient {\n      id\n      name\n      email\n      external\n    }\n    apps {\n      appKey\n      appName\n      version\n      status\n      note\n      scopes\n      declineReason\n      error\n      accessUntil\n      connectionName\n      expectedAccountDomain\n      updatedAt\n      modules {\n        key\n        name\n        names {\n          language\n          name\n        }\n        scopes\n      }\n      connection {\n        id\n        name\n        status\n        type\n        expiresAt\n        lastError\n        usage {\n          moduleKey\n          scenarioId\n          scenarioName\n          uses\n          lastUsedAt\n        }\n      }\n    }\n  }\n": typeof types.RequestDetailsFieldsFragmentDoc,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      organizationName\n      teamName\n      invitedBy {\n        name\n        email\n      }\n      requestId\n      requestName\n      email\n      accepted\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation CreateRequest($input: CreateCredentialRequestInput!) {\n    createCredentialRequest(input: $input) {\n      ...RequestDetailsFields\n    }\n  }\n": typeof types.CreateRequestDocument,
    "\n  mutation AuthorizeApp($input: AuthorizeAppInput!) {\n    authorizeApp(input: $input) {\n      appKey\n      status\n      error\n    }\n  }\n": typeof types.AuthorizeAppDocument,
    "\n  mutation UpdateCredentials($input: AuthorizeAppInput!) {\n    updateCredentials(input: $input) {\n      appKey\n      status\n      error\n    }\n  }\n": typeof types.UpdateCredentialsDocument,
    "\n  mutation StartOAuth($requestId: ID!, $appKey: String!, $accessUntil: DateTime) {\n    startOAuthAuthorization(requestId: $requestId, appKey: $appKey, accessUntil: $accessUntil) {\n      authorizationUrl\n    }\n  }\n": typeof types.StartOAuthDocument,
    "\n  mutation DeclineApp($requestId: ID!, $appKey: String!, $reason: String!) {\n    declineApp(requestId: $requestId, appKey: $appKey, reason: $reason) {\n      appKey\n      status\n      declineReason\n    }\n  }\n": typeof types.DeclineAppDocument,
    "\n  mutation RevokeAccess($requestId: ID!, $appKey: String!) {\n    revokeAccess(requestId: $requestId, appKey: $appKey) {\n      appKey\n      status\n    }\n  }\n": typeof types.RevokeAccessDocument,
    "\n  mutation RequestReauthorization($requestId: ID!, $appKey: String!) {\n    requestReauthorization(requestId: $requestId, appKey: $appKey) {\n      sent\n      reason\n      app {\n        appKey\n        status\n      }\n    }\n  }\n": typeof types.RequestReauthorizationDocument,
    "\n  mutation DeleteRequest($id: ID!) {\n    deleteCredentialRequest(id: $id) {\n      id\n      removedConnections {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DeleteRequestDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      requestId\n      organization {\n        id\n        name\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query SentRequests($teamId: ID!, $status: CredentialRequestStatus, $search: String, $after: String, $first: Int) {\n    sentCredentialRequests(teamId: $teamId, status: $status, search: $search, after: $after, first: $first) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...RequestRowFields\n        }\n      }\n    }\n  }\n": typeof types.SentRequestsDocument,
    "\n  query ReceivedRequests(\n    $organizationId: ID\n    $status: CredentialRequestStatus\n    $search: String\n    $after: String\n    $first: Int\n  ) {\n    receivedCredentialRequests(\n      organizationId: $organizationId\n      status: $status\n      search: $search\n      after: $after\n      first: $first\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...RequestRowFields\n        }\n      }\n    }\n  }\n": typeof types.ReceivedRequestsDocument,
    "\n  query RequestDetails($id: ID!) {\n    credentialRequest(id: $id) {\n      ...RequestDetailsFields\n    }\n  }\n": typeof types.RequestDetailsDocument,
    "\n  query RequestConnections($requestId: ID!) {\n    requestConnections(requestId: $requestId) {\n      id\n      appKey\n      name\n      status\n      usage {\n        scenarioId\n        scenarioName\n        moduleKey\n        uses\n        lastUsedAt\n      }\n    }\n  }\n": typeof types.RequestConnectionsDocument,
    "\n  query RequestHistory($requestId: ID!) {\n    credentialRequestHistory(requestId: $requestId) {\n      revision\n      position\n      type\n      data\n      at\n      hash\n      actorId\n      actor {\n        name\n        email\n      }\n    }\n    verifyCredentialRequestHistory(requestId: $requestId) {\n      valid\n      events\n      firstBrokenRevision\n    }\n  }\n": typeof types.RequestHistoryDocument,
    "\n  query CatalogApps {\n    apps {\n      key\n      name\n      available\n      versions {\n        version\n        connectionType\n        modules {\n          key\n          name\n          names {\n            language\n            name\n          }\n          scopes\n        }\n      }\n    }\n  }\n": typeof types.CatalogAppsDocument,
    "\n  query CreateRequestViewer {\n    me {\n      id\n      credentialRequestsEnabled\n    }\n  }\n": typeof types.CreateRequestViewerDocument,
    "\n  query OrganizationPeople($organizationId: ID!) {\n    me {\n      id\n    }\n    organization(id: $organizationId) {\n      id\n      members {\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.OrganizationPeopleDocument,
    "\n  query TeamPeople($teamId: ID!) {\n    me {\n      id\n    }\n    team(id: $teamId) {\n      id\n      members {\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.TeamPeopleDocument,
    "\n  subscription RequestUpdated($id: ID!) {\n    credentialRequestUpdated(id: $id) {\n      ...RequestDetailsFields\n    }\n  }\n": typeof types.RequestUpdatedDocument,
    "\n  subscription RequestsUpdated {\n    credentialRequestsUpdated {\n      ...RequestRowFields\n    }\n  }\n": typeof types.RequestsUpdatedDocument,
    "\n  subscription RequestsRemoved($ids: [ID!]!) {\n    credentialRequestsRemoved(ids: $ids)\n  }\n": typeof types.RequestsRemovedDocument,
    "\n  query WebhooksTeam($id: ID!) {\n    team(id: $id) {\n      id\n      name\n      organization {\n        id\n        name\n      }\n      webhooks {\n        id\n        url\n        createdAt\n      }\n    }\n  }\n": typeof types.WebhooksTeamDocument,
    "\n  mutation WebhooksRegister($teamId: ID!, $url: String!) {\n    registerWebhook(teamId: $teamId, url: $url) {\n      id\n      url\n      signingSecret\n    }\n  }\n": typeof types.WebhooksRegisterDocument,
    "\n  mutation WebhooksDelete($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": typeof types.WebhooksDeleteDocument,
    "\n  query WorkspaceOrganizations {\n    organizations {\n      id\n      name\n      plan\n      partner\n      viewerRole\n      teams {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n": typeof types.WorkspaceOrganizationsDocument,
};
const documents: Documents = {
    "\n  query ViewerLanguage {\n    viewer {\n      language\n      languageChosen\n    }\n  }\n": types.ViewerLanguageDocument,
    "\n  mutation SetLanguage($language: Language!) {\n    setLanguage(language: $language) {\n      language\n      languageChosen\n    }\n  }\n": types.SetLanguageDocument,
    "\n  query AuditLogPage($organizationId: ID!, $teamId: ID, $first: Int, $after: String) {\n    auditLog(organizationId: $organizationId, teamId: $teamId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actor {\n            id\n            name\n            email\n          }\n          appKey\n          requestId\n          requestName\n          teamId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.AuditLogPageDocument,
    "\n  query AuditLogOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      viewerRole\n      teams {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n": types.AuditLogOrganizationDocument,
    "\n  query AuditLogApps {\n    apps {\n      key\n      name\n    }\n  }\n": types.AuditLogAppsDocument,
    "\n  query MembershipAuditLogPage($organizationId: ID!, $teamId: ID, $first: Int, $after: String) {\n    membershipAuditLog(organizationId: $organizationId, teamId: $teamId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actor {\n            id\n            name\n          }\n          member {\n            id\n            name\n            email\n          }\n          teamId\n          role\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.MembershipAuditLogPageDocument,
    "\n  query DirectoryOrganization($id: ID!) {\n    me {\n      id\n    }\n    organization(id: $id) {\n      id\n      name\n      plan\n      partner\n      viewerRole\n      teams {\n        id\n        name\n      }\n      members {\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.DirectoryOrganizationDocument,
    "\n  query DirectoryTeam($id: ID!) {\n    me {\n      id\n    }\n    team(id: $id) {\n      id\n      name\n      organization {\n        id\n        name\n        viewerRole\n        members {\n          role\n          user {\n            id\n            name\n            email\n          }\n        }\n      }\n      members {\n        teamRole\n        orgRole\n        credentialRequestsEnabled\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.DirectoryTeamDocument,
    "\n  mutation DirectoryCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n": types.DirectoryCreateOrganizationDocument,
    "\n  mutation DirectoryCreateTeam($organizationId: ID!, $name: String!) {\n    createTeam(organizationId: $organizationId, name: $name) {\n      id\n      name\n    }\n  }\n": types.DirectoryCreateTeamDocument,
    "\n  mutation DirectoryAddOrganizationMember($organizationId: ID!, $email: String!, $name: String!, $role: OrgRole!) {\n    addOrganizationMember(organizationId: $organizationId, email: $email, name: $name, role: $role) {\n      id\n      name\n    }\n  }\n": types.DirectoryAddOrganizationMemberDocument,
    "\n  mutation DirectoryAddTeamMember($teamId: ID!, $userId: ID!, $role: TeamRole!) {\n    addTeamMember(teamId: $teamId, userId: $userId, role: $role) {\n      id\n    }\n  }\n": types.DirectoryAddTeamMemberDocument,
    "\n  mutation DirectoryChangeOrganizationRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    changeOrganizationRole(organizationId: $organizationId, userId: $userId, role: $role) {\n      id\n    }\n  }\n": types.DirectoryChangeOrganizationRoleDocument,
    "\n  mutation DirectoryRemoveOrganizationMember($organizationId: ID!, $userId: ID!) {\n    removeOrganizationMember(organizationId: $organizationId, userId: $userId)\n  }\n": types.DirectoryRemoveOrganizationMemberDocument,
    "\n  mutation DirectoryChangeTeamRole($teamId: ID!, $userId: ID!, $role: TeamRole!) {\n    changeTeamRole(teamId: $teamId, userId: $userId, role: $role) {\n      id\n    }\n  }\n": types.DirectoryChangeTeamRoleDocument,
    "\n  mutation DirectoryRemoveTeamMember($teamId: ID!, $userId: ID!) {\n    removeTeamMember(teamId: $teamId, userId: $userId) {\n      id\n    }\n  }\n": types.DirectoryRemoveTeamMemberDocument,
    "\n  query FeatureAccessViewer {\n    viewer {\n      supportStaff\n      user {\n        id\n        name\n        email\n        credentialRequestsEnabled\n        credentialRequestsApplication\n      }\n    }\n  }\n": types.FeatureAccessViewerDocument,
    "\n  mutation FeatureAccessApply {\n    applyForCredentialRequests {\n      id\n      credentialRequestsEnabled\n      credentialRequestsApplication\n    }\n  }\n": types.FeatureAccessApplyDocument,
    "\n  query SupportPendingApplications {\n    pendingCredentialRequestsApplications {\n      id\n      name\n      email\n      credentialRequestsApplication\n    }\n  }\n": types.SupportPendingApplicationsDocument,
    "\n  mutation SupportReviewApplication($userId: ID!, $approve: Boolean!) {\n    reviewCredentialRequestsApplication(userId: $userId, approve: $approve) {\n      id\n      credentialRequestsEnabled\n      credentialRequestsApplication\n    }\n  }\n": types.SupportReviewApplicationDocument,
    "\n  query SupportOrganizations($search: String) {\n    supportOrganizations(search: $search) {\n      id\n      name\n      plan\n      partner\n    }\n  }\n": types.SupportOrganizationsDocument,
    "\n  mutation SupportChangePlan($organizationId: ID!, $plan: Plan!, $partner: Boolean) {\n    changeOrganizationPlan(organizationId: $organizationId, plan: $plan, partner: $partner) {\n      id\n      plan\n      partner\n    }\n  }\n": types.SupportChangePlanDocument,
    "\n  fragment RequestRowFields on CredentialRequest {\n    id\n    name\n    sentAt\n    status\n    viewerRelation\n    organization {\n      id\n      name\n    }\n    team {\n      id\n      name\n    }\n    requester {\n      id\n      name\n      email\n      external\n    }\n    recipient {\n      id\n      name\n      email\n      external\n    }\n    apps {\n      appKey\n      appName\n      status\n    }\n  }\n": types.RequestRowFieldsFragmentDoc,
    "\n  fragment RequestDetailsFields on CredentialRequest {\n    id\n    name\n    description\n    sentAt\n    updatedAt\n    status\n    viewerRelation\n    organization {\n      id\n      name\n    }\n    team {\n      id\n      name\n      viewerRole\n    }\n    requester {\n      id\n      name\n      email\n      external\n    }\n    recipient {\n      id\n      name\n      email\n      external\n    }\n    apps {\n      appKey\n      appName\n      version\n      status\n      note\n      scopes\n      declineReason\n      error\n      accessUntil\n      connectionName\n      expectedAccountDomain\n      updatedAt\n      modules {\n        key\n        name\n        names {\n          language\n          name\n        }\n        scopes\n      }\n      connection {\n        id\n        name\n        status\n        type\n        expiresAt\n        lastError\n        usage {\n          moduleKey\n          scenarioId\n          scenarioName\n          uses\n          lastUsedAt\n        }\n      }\n    }\n  }\n": types.RequestDetailsFieldsFragmentDoc,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      organizationName\n      teamName\n      invitedBy {\n        name\n        email\n      }\n      requestId\n      requestName\n      email\n      accepted\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation CreateRequest($input: CreateCredentialRequestInput!) {\n    createCredentialRequest(input: $input) {\n      ...RequestDetailsFields\n    }\n  }\n": types.CreateRequestDocument,
    "\n  mutation AuthorizeApp($input: AuthorizeAppInput!) {\n    authorizeApp(input: $input) {\n      appKey\n      status\n      error\n    }\n  }\n": types.AuthorizeAppDocument,
    "\n  mutation UpdateCredentials($input: AuthorizeAppInput!) {\n    updateCredentials(input: $input) {\n      appKey\n      status\n      error\n    }\n  }\n": types.UpdateCredentialsDocument,
    "\n  mutation StartOAuth($requestId: ID!, $appKey: String!, $accessUntil: DateTime) {\n    startOAuthAuthorization(requestId: $requestId, appKey: $appKey, accessUntil: $accessUntil) {\n      authorizationUrl\n    }\n  }\n": types.StartOAuthDocument,
    "\n  mutation DeclineApp($requestId: ID!, $appKey: String!, $reason: String!) {\n    declineApp(requestId: $requestId, appKey: $appKey, reason: $reason) {\n      appKey\n      status\n      declineReason\n    }\n  }\n": types.DeclineAppDocument,
    "\n  mutation RevokeAccess($requestId: ID!, $appKey: String!) {\n    revokeAccess(requestId: $requestId, appKey: $appKey) {\n      appKey\n      status\n    }\n  }\n": types.RevokeAccessDocument,
    "\n  mutation RequestReauthorization($requestId: ID!, $appKey: String!) {\n    requestReauthorization(requestId: $requestId, appKey: $appKey) {\n      sent\n      reason\n      app {\n        appKey\n        status\n      }\n    }\n  }\n": types.RequestReauthorizationDocument,
    "\n  mutation DeleteRequest($id: ID!) {\n    deleteCredentialRequest(id: $id) {\n      id\n      removedConnections {\n        id\n        name\n      }\n    }\n  }\n": types.DeleteRequestDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      requestId\n      organization {\n        id\n        name\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query SentRequests($teamId: ID!, $status: CredentialRequestStatus, $search: String, $after: String, $first: Int) {\n    sentCredentialRequests(teamId: $teamId, status: $status, search: $search, after: $after, first: $first) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...RequestRowFields\n        }\n      }\n    }\n  }\n": types.SentRequestsDocument,
    "\n  query ReceivedRequests(\n    $organizationId: ID\n    $status: CredentialRequestStatus\n    $search: String\n    $after: String\n    $first: Int\n  ) {\n    receivedCredentialRequests(\n      organizationId: $organizationId\n      status: $status\n      search: $search\n      after: $after\n      first: $first\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...RequestRowFields\n        }\n      }\n    }\n  }\n": types.ReceivedRequestsDocument,
    "\n  query RequestDetails($id: ID!) {\n    credentialRequest(id: $id) {\n      ...RequestDetailsFields\n    }\n  }\n": types.RequestDetailsDocument,
    "\n  query RequestConnections($requestId: ID!) {\n    requestConnections(requestId: $requestId) {\n      id\n      appKey\n      name\n      status\n      usage {\n        scenarioId\n        scenarioName\n        moduleKey\n        uses\n        lastUsedAt\n      }\n    }\n  }\n": types.RequestConnectionsDocument,
    "\n  query RequestHistory($requestId: ID!) {\n    credentialRequestHistory(requestId: $requestId) {\n      revision\n      position\n      type\n      data\n      at\n      hash\n      actorId\n      actor {\n        name\n        email\n      }\n    }\n    verifyCredentialRequestHistory(requestId: $requestId) {\n      valid\n      events\n      firstBrokenRevision\n    }\n  }\n": types.RequestHistoryDocument,
    "\n  query CatalogApps {\n    apps {\n      key\n      name\n      available\n      versions {\n        version\n        connectionType\n        modules {\n          key\n          name\n          names {\n            language\n            name\n          }\n          scopes\n        }\n      }\n    }\n  }\n": types.CatalogAppsDocument,
    "\n  query CreateRequestViewer {\n    me {\n      id\n      credentialRequestsEnabled\n    }\n  }\n": types.CreateRequestViewerDocument,
    "\n  query OrganizationPeople($organizationId: ID!) {\n    me {\n      id\n    }\n    organization(id: $organizationId) {\n      id\n      members {\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.OrganizationPeopleDocument,
    "\n  query TeamPeople($teamId: ID!) {\n    me {\n      id\n    }\n    team(id: $teamId) {\n      id\n      members {\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.TeamPeopleDocument,
    "\n  subscription RequestUpdated($id: ID!) {\n    credentialRequestUpdated(id: $id) {\n      ...RequestDetailsFields\n    }\n  }\n": types.RequestUpdatedDocument,
    "\n  subscription RequestsUpdated {\n    credentialRequestsUpdated {\n      ...RequestRowFields\n    }\n  }\n": types.RequestsUpdatedDocument,
    "\n  subscription RequestsRemoved($ids: [ID!]!) {\n    credentialRequestsRemoved(ids: $ids)\n  }\n": types.RequestsRemovedDocument,
    "\n  query WebhooksTeam($id: ID!) {\n    team(id: $id) {\n      id\n      name\n      organization {\n        id\n        name\n      }\n      webhooks {\n        id\n        url\n        createdAt\n      }\n    }\n  }\n": types.WebhooksTeamDocument,
    "\n  mutation WebhooksRegister($teamId: ID!, $url: String!) {\n    registerWebhook(teamId: $teamId, url: $url) {\n      id\n      url\n      signingSecret\n    }\n  }\n": types.WebhooksRegisterDocument,
    "\n  mutation WebhooksDelete($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": types.WebhooksDeleteDocument,
    "\n  query WorkspaceOrganizations {\n    organizations {\n      id\n      name\n      plan\n      partner\n      viewerRole\n      teams {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n": types.WorkspaceOrganizationsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerLanguage {\n    viewer {\n      language\n      languageChosen\n    }\n  }\n"): (typeof documents)["\n  query ViewerLanguage {\n    viewer {\n      language\n      languageChosen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLanguage($language: Language!) {\n    setLanguage(language: $language) {\n      language\n      languageChosen\n    }\n  }\n"): (typeof documents)["\n  mutation SetLanguage($language: Language!) {\n    setLanguage(language: $language) {\n      language\n      languageChosen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogPage($organizationId: ID!, $teamId: ID, $first: Int, $after: String) {\n    auditLog(organizationId: $organizationId, teamId: $teamId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actor {\n            id\n            name\n            email\n          }\n          appKey\n          requestId\n          requestName\n          teamId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogPage($organizationId: ID!, $teamId: ID, $first: Int, $after: String) {\n    auditLog(organizationId: $organizationId, teamId: $teamId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actor {\n            id\n            name\n            email\n          }\n          appKey\n          requestId\n          requestName\n          teamId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      viewerRole\n      teams {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      viewerRole\n      teams {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogApps {\n    apps {\n      key\n      name\n    }\n  }\n"): (typeof documents)["\n  query AuditLogApps {\n    apps {\n      key\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembershipAuditLogPage($organizationId: ID!, $teamId: ID, $first: Int, $after: String) {\n    membershipAuditLog(organizationId: $organizationId, teamId: $teamId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actor {\n            id\n            name\n          }\n          member {\n            id\n            name\n            email\n          }\n          teamId\n          role\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembershipAuditLogPage($organizationId: ID!, $teamId: ID, $first: Int, $after: String) {\n    membershipAuditLog(organizationId: $organizationId, teamId: $teamId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actor {\n            id\n            name\n          }\n          member {\n            id\n            name\n            email\n          }\n          teamId\n          role\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryOrganization($id: ID!) {\n    me {\n      id\n    }\n    organization(id: $id) {\n      id\n      name\n      plan\n      partner\n      viewerRole\n      teams {\n        id\n        name\n      }\n      members {\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DirectoryOrganization($id: ID!) {\n    me {\n      id\n    }\n    organization(id: $id) {\n      id\n      name\n      plan\n      partner\n      viewerRole\n      teams {\n        id\n        name\n      }\n      members {\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryTeam($id: ID!) {\n    me {\n      id\n    }\n    team(id: $id) {\n      id\n      name\n      organization {\n        id\n        name\n        viewerRole\n        members {\n          role\n          user {\n            id\n            name\n            email\n          }\n        }\n      }\n      members {\n        teamRole\n        orgRole\n        credentialRequestsEnabled\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DirectoryTeam($id: ID!) {\n    me {\n      id\n    }\n    team(id: $id) {\n      id\n      name\n      organization {\n        id\n        name\n        viewerRole\n        members {\n          role\n          user {\n            id\n            name\n            email\n          }\n        }\n      }\n      members {\n        teamRole\n        orgRole\n        credentialRequestsEnabled\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation DirectoryCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryCreateTeam($organizationId: ID!, $name: String!) {\n    createTeam(organizationId: $organizationId, name: $name) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation DirectoryCreateTeam($organizationId: ID!, $name: String!) {\n    createTeam(organizationId: $organizationId, name: $name) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryAddOrganizationMember($organizationId: ID!, $email: String!, $name: String!, $role: OrgRole!) {\n    addOrganizationMember(organizationId: $organizationId, email: $email, name: $name, role: $role) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation DirectoryAddOrganizationMember($organizationId: ID!, $email: String!, $name: String!, $role: OrgRole!) {\n    addOrganizationMember(organizationId: $organizationId, email: $email, name: $name, role: $role) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryAddTeamMember($teamId: ID!, $userId: ID!, $role: TeamRole!) {\n    addTeamMember(teamId: $teamId, userId: $userId, role: $role) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DirectoryAddTeamMember($teamId: ID!, $userId: ID!, $role: TeamRole!) {\n    addTeamMember(teamId: $teamId, userId: $userId, role: $role) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryChangeOrganizationRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    changeOrganizationRole(organizationId: $organizationId, userId: $userId, role: $role) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DirectoryChangeOrganizationRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {\n    changeOrganizationRole(organizationId: $organizationId, userId: $userId, role: $role) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryRemoveOrganizationMember($organizationId: ID!, $userId: ID!) {\n    removeOrganizationMember(organizationId: $organizationId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation DirectoryRemoveOrganizationMember($organizationId: ID!, $userId: ID!) {\n    removeOrganizationMember(organizationId: $organizationId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryChangeTeamRole($teamId: ID!, $userId: ID!, $role: TeamRole!) {\n    changeTeamRole(teamId: $teamId, userId: $userId, role: $role) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DirectoryChangeTeamRole($teamId: ID!, $userId: ID!, $role: TeamRole!) {\n    changeTeamRole(teamId: $teamId, userId: $userId, role: $role) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DirectoryRemoveTeamMember($teamId: ID!, $userId: ID!) {\n    removeTeamMember(teamId: $teamId, userId: $userId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DirectoryRemoveTeamMember($teamId: ID!, $userId: ID!) {\n    removeTeamMember(teamId: $teamId, userId: $userId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureAccessViewer {\n    viewer {\n      supportStaff\n      user {\n        id\n        name\n        email\n        credentialRequestsEnabled\n        credentialRequestsApplication\n      }\n    }\n  }\n"): (typeof documents)["\n  query FeatureAccessViewer {\n    viewer {\n      supportStaff\n      user {\n        id\n        name\n        email\n        credentialRequestsEnabled\n        credentialRequestsApplication\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatureAccessApply {\n    applyForCredentialRequests {\n      id\n      credentialRequestsEnabled\n      credentialRequestsApplication\n    }\n  }\n"): (typeof documents)["\n  mutation FeatureAccessApply {\n    applyForCredentialRequests {\n      id\n      credentialRequestsEnabled\n      credentialRequestsApplication\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportPendingApplications {\n    pendingCredentialRequestsApplications {\n      id\n      name\n      email\n      credentialRequestsApplication\n    }\n  }\n"): (typeof documents)["\n  query SupportPendingApplications {\n    pendingCredentialRequestsApplications {\n      id\n      name\n      email\n      credentialRequestsApplication\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportReviewApplication($userId: ID!, $approve: Boolean!) {\n    reviewCredentialRequestsApplication(userId: $userId, approve: $approve) {\n      id\n      credentialRequestsEnabled\n      credentialRequestsApplication\n    }\n  }\n"): (typeof documents)["\n  mutation SupportReviewApplication($userId: ID!, $approve: Boolean!) {\n    reviewCredentialRequestsApplication(userId: $userId, approve: $approve) {\n      id\n      credentialRequestsEnabled\n      credentialRequestsApplication\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportOrganizations($search: String) {\n    supportOrganizations(search: $search) {\n      id\n      name\n      plan\n      partner\n    }\n  }\n"): (typeof documents)["\n  query SupportOrganizations($search: String) {\n    supportOrganizations(search: $search) {\n      id\n      name\n      plan\n      partner\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportChangePlan($organizationId: ID!, $plan: Plan!, $partner: Boolean) {\n    changeOrganizationPlan(organizationId: $organizationId, plan: $plan, partner: $partner) {\n      id\n      plan\n      partner\n    }\n  }\n"): (typeof documents)["\n  mutation SupportChangePlan($organizationId: ID!, $plan: Plan!, $partner: Boolean) {\n    changeOrganizationPlan(organizationId: $organizationId, plan: $plan, partner: $partner) {\n      id\n      plan\n      partner\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestRowFields on CredentialRequest {\n    id\n    name\n    sentAt\n    status\n    viewerRelation\n    organization {\n      id\n      name\n    }\n    team {\n      id\n      name\n    }\n    requester {\n      id\n      name\n      email\n      external\n    }\n    recipient {\n      id\n      name\n      email\n      external\n    }\n    apps {\n      appKey\n      appName\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment RequestRowFields on CredentialRequest {\n    id\n    name\n    sentAt\n    status\n    viewerRelation\n    organization {\n      id\n      name\n    }\n    team {\n      id\n      name\n    }\n    requester {\n      id\n      name\n      email\n      external\n    }\n    recipient {\n      id\n      name\n      email\n      external\n    }\n    apps {\n      appKey\n      appName\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestDetailsFields on CredentialRequest {\n    id\n    name\n    description\n    sentAt\n    updatedAt\n    status\n    viewerRelation\n    organization {\n      id\n      name\n    }\n    team {\n      id\n      name\n      viewerRole\n    }\n    requester {\n      id\n      name\n      email\n      external\n    }\n    recipient {\n      id\n      name\n      email\n      external\n    }\n    apps {\n      appKey\n      appName\n      version\n      status\n      note\n      scopes\n      declineReason\n      error\n      accessUntil\n      connectionName\n      expectedAccountDomain\n      updatedAt\n      modules {\n        key\n        name\n        names {\n          language\n          name\n        }\n        scopes\n      }\n      connection {\n        id\n        name\n        status\n        type\n        expiresAt\n        lastError\n        usage {\n          moduleKey\n          scenarioId\n          scenarioName\n          uses\n          lastUsedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RequestDetailsFields on CredentialRequest {\n    id\n    name\n    description\n    sentAt\n    updatedAt\n    status\n    viewerRelation\n    organization {\n      id\n      name\n    }\n    team {\n      id\n      name\n      viewerRole\n    }\n    requester {\n      id\n      name\n      email\n      external\n    }\n    recipient {\n      id\n      name\n      email\n      external\n    }\n    apps {\n      appKey\n      appName\n      version\n      status\n      note\n      scopes\n      declineReason\n      error\n      accessUntil\n      connectionName\n      expectedAccountDomain\n      updatedAt\n      modules {\n        key\n        name\n        names {\n          language\n          name\n        }\n        scopes\n      }\n      connection {\n        id\n        name\n        status\n        type\n        expiresAt\n        lastError\n        usage {\n          moduleKey\n          scenarioId\n          scenarioName\n          uses\n          lastUsedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      organizationName\n      teamName\n      invitedBy {\n        name\n        email\n      }\n      requestId\n      requestName\n      email\n      accepted\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      organizationName\n      teamName\n      invitedBy {\n        name\n        email\n      }\n      requestId\n      requestName\n      email\n      accepted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRequest($input: CreateCredentialRequestInput!) {\n    createCredentialRequest(input: $input) {\n      ...RequestDetailsFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRequest($input: CreateCredentialRequestInput!) {\n    createCredentialRequest(input: $input) {\n      ...RequestDetailsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthorizeApp($input: AuthorizeAppInput!) {\n    authorizeApp(input: $input) {\n      appKey\n      status\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation AuthorizeApp($input: AuthorizeAppInput!) {\n    authorizeApp(input: $input) {\n      appKey\n      status\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCredentials($input: AuthorizeAppInput!) {\n    updateCredentials(input: $input) {\n      appKey\n      status\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCredentials($input: AuthorizeAppInput!) {\n    updateCredentials(input: $input) {\n      appKey\n      status\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartOAuth($requestId: ID!, $appKey: String!, $accessUntil: DateTime) {\n    startOAuthAuthorization(requestId: $requestId, appKey: $appKey, accessUntil: $accessUntil) {\n      authorizationUrl\n    }\n  }\n"): (typeof documents)["\n  mutation StartOAuth($requestId: ID!, $appKey: String!, $accessUntil: DateTime) {\n    startOAuthAuthorization(requestId: $requestId, appKey: $appKey, accessUntil: $accessUntil) {\n      authorizationUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineApp($requestId: ID!, $appKey: String!, $reason: String!) {\n    declineApp(requestId: $requestId, appKey: $appKey, reason: $reason) {\n      appKey\n      status\n      declineReason\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineApp($requestId: ID!, $appKey: String!, $reason: String!) {\n    declineApp(requestId: $requestId, appKey: $appKey, reason: $reason) {\n      appKey\n      status\n      declineReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAccess($requestId: ID!, $appKey: String!) {\n    revokeAccess(requestId: $requestId, appKey: $appKey) {\n      appKey\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeAccess($requestId: ID!, $appKey: String!) {\n    revokeAccess(requestId: $requestId, appKey: $appKey) {\n      appKey\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestReauthorization($requestId: ID!, $appKey: String!) {\n    requestReauthorization(requestId: $requestId, appKey: $appKey) {\n      sent\n      reason\n      app {\n        appKey\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestReauthorization($requestId: ID!, $appKey: String!) {\n    requestReauthorization(requestId: $requestId, appKey: $appKey) {\n      sent\n      reason\n      app {\n        appKey\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRequest($id: ID!) {\n    deleteCredentialRequest(id: $id) {\n      id\n      removedConnections {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRequest($id: ID!) {\n    deleteCredentialRequest(id: $id) {\n      id\n      removedConnections {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      requestId\n      organization {\n        id\n        name\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      requestId\n      organization {\n        id\n        name\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SentRequests($teamId: ID!, $status: CredentialRequestStatus, $search: String, $after: String, $first: Int) {\n    sentCredentialRequests(teamId: $teamId, status: $status, search: $search, after: $after, first: $first) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...RequestRowFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SentRequests($teamId: ID!, $status: CredentialRequestStatus, $search: String, $after: String, $first: Int) {\n    sentCredentialRequests(teamId: $teamId, status: $status, search: $search, after: $after, first: $first) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...RequestRowFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReceivedRequests(\n    $organizationId: ID\n    $status: CredentialRequestStatus\n    $search: String\n    $after: String\n    $first: Int\n  ) {\n    receivedCredentialRequests(\n      organizationId: $organizationId\n      status: $status\n      search: $search\n      after: $after\n      first: $first\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...RequestRowFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReceivedRequests(\n    $organizationId: ID\n    $status: CredentialRequestStatus\n    $search: String\n    $after: String\n    $first: Int\n  ) {\n    receivedCredentialRequests(\n      organizationId: $organizationId\n      status: $status\n      search: $search\n      after: $after\n      first: $first\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...RequestRowFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestDetails($id: ID!) {\n    credentialRequest(id: $id) {\n      ...RequestDetailsFields\n    }\n  }\n"): (typeof documents)["\n  query RequestDetails($id: ID!) {\n    credentialRequest(id: $id) {\n      ...RequestDetailsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestConnections($requestId: ID!) {\n    requestConnections(requestId: $requestId) {\n      id\n      appKey\n      name\n      status\n      usage {\n        scenarioId\n        scenarioName\n        moduleKey\n        uses\n        lastUsedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestConnections($requestId: ID!) {\n    requestConnections(requestId: $requestId) {\n      id\n      appKey\n      name\n      status\n      usage {\n        scenarioId\n        scenarioName\n        moduleKey\n        uses\n        lastUsedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestHistory($requestId: ID!) {\n    credentialRequestHistory(requestId: $requestId) {\n      revision\n      position\n      type\n      data\n      at\n      hash\n      actorId\n      actor {\n        name\n        email\n      }\n    }\n    verifyCredentialRequestHistory(requestId: $requestId) {\n      valid\n      events\n      firstBrokenRevision\n    }\n  }\n"): (typeof documents)["\n  query RequestHistory($requestId: ID!) {\n    credentialRequestHistory(requestId: $requestId) {\n      revision\n      position\n      type\n      data\n      at\n      hash\n      actorId\n      actor {\n        name\n        email\n      }\n    }\n    verifyCredentialRequestHistory(requestId: $requestId) {\n      valid\n      events\n      firstBrokenRevision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogApps {\n    apps {\n      key\n      name\n      available\n      versions {\n        version\n        connectionType\n        modules {\n          key\n          name\n          names {\n            language\n            name\n          }\n          scopes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogApps {\n    apps {\n      key\n      name\n      available\n      versions {\n        version\n        connectionType\n        modules {\n          key\n          name\n          names {\n            language\n            name\n          }\n          scopes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreateRequestViewer {\n    me {\n      id\n      credentialRequestsEnabled\n    }\n  }\n"): (typeof documents)["\n  query CreateRequestViewer {\n    me {\n      id\n      credentialRequestsEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationPeople($organizationId: ID!) {\n    me {\n      id\n    }\n    organization(id: $organizationId) {\n      id\n      members {\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationPeople($organizationId: ID!) {\n    me {\n      id\n    }\n    organization(id: $organizationId) {\n      id\n      members {\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamPeople($teamId: ID!) {\n    me {\n      id\n    }\n    team(id: $teamId) {\n      id\n      members {\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamPeople($teamId: ID!) {\n    me {\n      id\n    }\n    team(id: $teamId) {\n      id\n      members {\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RequestUpdated($id: ID!) {\n    credentialRequestUpdated(id: $id) {\n      ...RequestDetailsFields\n    }\n  }\n"): (typeof documents)["\n  subscription RequestUpdated($id: ID!) {\n    credentialRequestUpdated(id: $id) {\n      ...RequestDetailsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RequestsUpdated {\n    credentialRequestsUpdated {\n      ...RequestRowFields\n    }\n  }\n"): (typeof documents)["\n  subscription RequestsUpdated {\n    credentialRequestsUpdated {\n      ...RequestRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RequestsRemoved($ids: [ID!]!) {\n    credentialRequestsRemoved(ids: $ids)\n  }\n"): (typeof documents)["\n  subscription RequestsRemoved($ids: [ID!]!) {\n    credentialRequestsRemoved(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksTeam($id: ID!) {\n    team(id: $id) {\n      id\n      name\n      organization {\n        id\n        name\n      }\n      webhooks {\n        id\n        url\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhooksTeam($id: ID!) {\n    team(id: $id) {\n      id\n      name\n      organization {\n        id\n        name\n      }\n      webhooks {\n        id\n        url\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksRegister($teamId: ID!, $url: String!) {\n    registerWebhook(teamId: $teamId, url: $url) {\n      id\n      url\n      signingSecret\n    }\n  }\n"): (typeof documents)["\n  mutation WebhooksRegister($teamId: ID!, $url: String!) {\n    registerWebhook(teamId: $teamId, url: $url) {\n      id\n      url\n      signingSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksDelete($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"): (typeof documents)["\n  mutation WebhooksDelete($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceOrganizations {\n    organizations {\n      id\n      name\n      plan\n      partner\n      viewerRole\n      teams {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceOrganizations {\n    organizations {\n      id\n      name\n      plan\n      partner\n      viewerRole\n      teams {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
import { AddOrganizationMemberHandler } from './add-organization-member/add-organization-member.handler';
import { AddTeamMemberHandler } from './add-team-member/add-team-member.handler';
import { ChangeOrganizationPlanHandler } from './change-organization-plan/change-organization-plan.handler';
import { CreateOrganizationHandler } from './create-organization/create-organization.handler';
import { CreateTeamHandler } from './create-team/create-team.handler';

export * from './create-organization/create-organization.command';
export * from './change-organization-plan/change-organization-plan.command';
export * from './create-team/create-team.command';
export * from './add-organization-member/add-organization-member.command';
export * from './add-team-member/add-team-member.command';

export const DirectoryHandlers = [
  CreateOrganizationHandler,
  ChangeOrganizationPlanHandler,
  CreateTeamHandler,
  AddOrganizationMemberHandler,
  AddTeamMemberHandler,
];

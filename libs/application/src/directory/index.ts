import { AddOrganizationMemberHandler } from './add-organization-member/add-organization-member.handler';
import { AddTeamMemberHandler } from './add-team-member/add-team-member.handler';
import { ChangeOrganizationPlanHandler } from './change-organization-plan/change-organization-plan.handler';
import { CreateOrganizationHandler } from './create-organization/create-organization.handler';
import { CreateTeamHandler } from './create-team/create-team.handler';
import { ChangeOrganizationRoleHandler } from './change-organization-role/change-organization-role.handler';
import { ChangeTeamRoleHandler } from './change-team-role/change-team-role.handler';
import { RemoveOrganizationMemberHandler } from './remove-organization-member/remove-organization-member.handler';
import { RemoveTeamMemberHandler } from './remove-team-member/remove-team-member.handler';

export * from './create-organization/create-organization.command';
export * from './change-organization-plan/change-organization-plan.command';
export * from './create-team/create-team.command';
export * from './add-organization-member/add-organization-member.command';
export * from './add-team-member/add-team-member.command';
export * from './change-organization-role/change-organization-role.command';
export * from './remove-organization-member/remove-organization-member.command';
export * from './change-team-role/change-team-role.command';
export * from './remove-team-member/remove-team-member.command';

export const DirectoryHandlers = [
  CreateOrganizationHandler,
  ChangeOrganizationPlanHandler,
  CreateTeamHandler,
  AddOrganizationMemberHandler,
  AddTeamMemberHandler,
  ChangeOrganizationRoleHandler,
  RemoveOrganizationMemberHandler,
  ChangeTeamRoleHandler,
  RemoveTeamMemberHandler,
];

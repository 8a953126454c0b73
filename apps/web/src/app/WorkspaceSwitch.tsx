import { useTranslation } from 'react-i18next';
import { isOrgAdmin, useWorkspace, type WorkspaceOrganization } from '../lib/workspace';

// An owner or admin may work from any team (they see every team's list, R7.4); anyone else from the teams they are
// in. A team shown that they are not in (chosen, then left) stays named until they switch, so the list's sentence
// about it matches the switcher.
function teamsOffered(org: WorkspaceOrganization, shownId: string | null) {
  if (isOrgAdmin(org)) return org.teams;
  const own = org.teams.filter((team) => team.viewerRole || team.id === shownId);
  return own.some((team) => team.viewerRole) ? own : [];
}

export function WorkspaceSwitch() {
  const { t } = useTranslation('common');
  const ws = useWorkspace();
  if (ws.organizations.length === 0) return null;
  const teams = ws.organization ? teamsOffered(ws.organization, ws.teamId) : [];
  return (
    <div className="workspace-switch">
      <div className="inline-field">
        <label htmlFor="ws-org">{t('workspace.organization')}</label>
        <select id="ws-org" value={ws.organization?.id ?? ''} onChange={(e) => ws.setOrganizationId(e.target.value)}>
          {ws.organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      {teams.length > 0 && (
        <div className="inline-field">
          <label htmlFor="ws-team">{t('workspace.team')}</label>
          <select id="ws-team" value={ws.teamId ?? ''} onChange={(e) => ws.setTeamId(e.target.value)}>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

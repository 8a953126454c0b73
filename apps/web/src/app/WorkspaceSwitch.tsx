import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../lib/workspace';

export function WorkspaceSwitch() {
  const { t } = useTranslation('common');
  const ws = useWorkspace();
  if (ws.organizations.length === 0) return null;
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
      {ws.organization && ws.organization.teams.length > 0 && (
        <div className="inline-field">
          <label htmlFor="ws-team">{t('workspace.team')}</label>
          <select id="ws-team" value={ws.teamId ?? ''} onChange={(e) => ws.setTeamId(e.target.value)}>
            {ws.organization.teams.map((team) => (
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

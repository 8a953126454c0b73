// Team > Team members: who is in the team and who has the credential requests feature (R2.4); org owners/admins and
// team admins add organization members to the team, change team roles and remove members (R13.13).
// `/team-members` shows the team chosen in the switcher.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useReadAgainWhenShown } from '../../../lib/use-read-again-when-shown';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Row, StackedTable } from '../../../components/StackedTable';
import { Field } from '../../../components/Field';
import { NoWorkspace } from '../../../components/NoWorkspace';
import { fieldError, replacesPage } from '../../../lib/errors';
import { useFormAction } from '../../../lib/use-form-action';
import { useWorkspace } from '../../../lib/workspace';
import type { DirectoryTeamQuery, TeamRole } from '../../../gql/graphql';
import { DirectoryAddTeamMember, DirectoryTeam } from '../api/operations';
import { FormOutcome } from '../../../components/FormOutcome';
import { PageReadError } from '../../../components/OperationError';
import { TeamMemberControls } from '../components/TeamMemberControls';
import { MemberOutcome, useMemberOutcome } from '../components/MemberOutcome';
import { useMemberSearch } from '../components/MemberSearch';
import { usePageTitle } from '../../../lib/use-page-title';
import { useFocusWhen } from '../../../lib/use-focus-when';
import { mayManageTeam, teamRolesFor } from '../policies';
import { useFormChecks } from '../../../lib/form-checks';

type TeamData = NonNullable<DirectoryTeamQuery['team']>;

/** The team in the switcher (the sidebar's "Team members"). */
export function CurrentTeamPage() {
  const { t } = useTranslation('directory');
  const { teamId, loading } = useWorkspace();
  if (loading) return <p role="status">{t('common:loading')}</p>;
  if (!teamId) return <NoWorkspace title={t('team.title')} message={t('team.noTeam')} />;
  // Keyed, so what the page said about one team (a removal) is not shown on the next one.
  return <TeamMembers key={teamId} teamId={teamId} />;
}

export function TeamPage() {
  const { teamId = '' } = useParams();
  return <TeamMembers key={teamId} teamId={teamId} />;
}

function TeamMembers({ teamId }: { teamId: string }) {
  const { t } = useTranslation('directory');
  const { data, loading, error, refetch } = useQuery(DirectoryTeam, { variables: { id: teamId } });
  useReadAgainWhenShown(refetch);
  const [outcome, onOutcome] = useMemberOutcome(refetch);
  const search = useMemberSearch(data?.team?.members);
  usePageTitle(data?.team ? `${t('team.title')} · ${data.team.name}` : t('team.title'));
  if (replacesPage(error, !!data)) return <PageReadError error={error} namespace="directory" onRetry={refetch} />;
  if (loading && !data) return <p role="status">{t('common:loading')}</p>;
  const team = data?.team;
  if (!team || !data) return <p role="alert">{t('team.notFound')}</p>;
  const orgRole = team.organization.viewerRole;
  const teamRole = team.members.find((m) => m.user.id === data.me.id)?.teamRole;
  const manages = mayManageTeam(orgRole, teamRole);
  const headers = [
    t('team.name'),
    t('team.email'),
    t('team.teamRole'),
    t('team.orgRole'),
    t('team.feature'),
    manages && t('manage.column'),
  ];
  return (
    <section className="page" aria-labelledby="team-title">
      <h1 id="team-title">
        {t('team.title')} · {team.name}
      </h1>
      <p>
        <Link to={`/organizations/${team.organization.id}`}>
          {t('team.organization', { name: team.organization.name })}
        </Link>
        {manages && (
          <>
            {' · '}
            <Link to={`/teams/${team.id}/webhooks`}>{t('team.webhooks')}</Link>
          </>
        )}
      </p>
      <p>{t('team.intro')}</p>
      <MemberOutcome outcome={outcome} />
      {search.box}
      {team.members.length === 0 ? (
        <p>{t('team.empty')}</p>
      ) : (
        <StackedTable labelledBy="team-title" headers={headers}>
          {search.shown.map((m) => (
            <Row key={m.user.id} data-member={m.user.email}>
              {m.user.name}
              {m.user.email}
              {t(`roles.${m.teamRole}`)}
              {t(`roles.${m.orgRole}`)}
              <span className={m.credentialRequestsEnabled ? 'status status-authorized' : 'muted'}>
                {m.credentialRequestsEnabled ? t('team.enabled') : t('team.notEnabled')}
              </span>
              {manages &&
                (m.user.id === data.me.id ? (
                  <span className="muted">{t('manage.team.self')}</span>
                ) : (
                  <TeamMemberControls team={team} member={m} onOutcome={onOutcome} />
                ))}
            </Row>
          ))}
        </StackedTable>
      )}
      {manages && <AddTeamMemberForm team={team} viewerId={data.me.id} />}
    </section>
  );
}

function AddTeamMemberForm({ team, viewerId }: { team: TeamData; viewerId: string }) {
  const { t } = useTranslation('directory');
  const inTeam = new Set(team.members.map((m) => m.user.id));
  const candidates = team.organization.members.filter((m) => !inTeam.has(m.user.id));
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<TeamRole>('MEMBER');
  const [add, { loading }] = useMutation(DirectoryAddTeamMember, { awaitRefetchQueries: true });
  // A guest of the organization is a guest in its teams (the server gives them nothing more): only Guest is offered.
  const orgRole = candidates.find((c) => c.user.id === userId)?.role;
  const offered = teamRolesFor(orgRole);
  const chosenRole = offered.includes(role) ? role : offered[0];
  const { error, done, submit } = useFormAction(async () => {
    const person = candidates.find((c) => c.user.id === userId);
    // The workspace too when one adds oneself: one may then send requests from the team at once (its viewerRole).
    const refetchQueries = userId === viewerId ? ['DirectoryTeam', 'WorkspaceOrganizations'] : ['DirectoryTeam'];
    await add({ variables: { teamId: team.id, userId, role: chosenRole }, refetchQueries });
    const outcome = person?.user.name ?? '';
    setUserId('');
    setRole('MEMBER');
    return outcome;
  });
  // The last candidate added takes the form's controls away with the pressed button: the focus goes to the heading
  // rather than fall to the page's body, and what was done is still said below.
  const heading = useFocusWhen<HTMLHeadingElement>(done, true);
  const checks = useFormChecks<'userId'>();
  return (
    <form
      ref={checks.form}
      className="card"
      noValidate
      onSubmit={checks.guard(() => (userId ? {} : { userId: 'team.choosePerson' }), submit)}
      aria-labelledby="add-team-member-title"
    >
      <h2 id="add-team-member-title" ref={heading} tabIndex={-1}>
        {t('team.add')}
      </h2>
      {candidates.length === 0 ? (
        <p>{t('team.noCandidates')}</p>
      ) : (
        <>
          <p>{t('team.addIntro')}</p>
          <Field
            label={t('team.person')}
            error={checks.errorOf('userId', t, error ? fieldError(error.fields, 'userId') : undefined)}
          >
            <select value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">{t('team.choose')}</option>
              {candidates.map((c) => (
                <option key={c.user.id} value={c.user.id}>
                  {c.user.name} ({c.user.email})
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('team.role')} hint={orgRole === 'GUEST' ? t('manage.team.orgGuest') : undefined}>
            <select value={chosenRole} onChange={(e) => setRole(e.target.value as TeamRole)}>
              {offered.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Button type="submit" variant="primary" busy={loading}>
            {t('team.submit')}
          </Button>
        </>
      )}
      <FormOutcome
        error={error}
        done={done === null ? null : t('team.done', { name: done })}
        namespace="directory"
        stale={checks.failed}
      />
    </form>
  );
}

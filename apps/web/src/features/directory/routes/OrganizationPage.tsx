// One organization: its teams ("Create team") and its members ("Add organization member", each member's role and
// removal). Owners and admins change things (R13.1, R13.13); a guest sees only the people on their own requests
// (R13.11, enforced by the API).
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useReadAgainWhenShown } from '../../../lib/use-read-again-when-shown';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Row, StackedTable } from '../../../components/StackedTable';
import { Field } from '../../../components/Field';
import { fieldError, replacesPage } from '../../../lib/errors';
import { useFormAction } from '../../../lib/use-form-action';
import type { OrgRole } from '../../../gql/graphql';
import { DirectoryAddOrganizationMember, DirectoryCreateTeam, DirectoryOrganization } from '../api/operations';
import { FormOutcome } from '../../../components/FormOutcome';
import { PageReadError } from '../../../components/OperationError';
import { OrganizationMemberControls } from '../components/OrganizationMemberControls';
import { MemberOutcome, useMemberOutcome } from '../components/MemberOutcome';
import { useMemberSearch } from '../components/MemberSearch';
import { usePageTitle } from '../../../lib/use-page-title';
import { isOrgAdmin } from '../../../lib/workspace';
import { orgRolesAssignableBy } from '../policies';
import { LIMITS } from '../../../lib/limits';
import { NOT_EMAIL, plausibleEmail, REQUIRED, useFormChecks, type Checked } from '../../../lib/form-checks';

export function OrganizationPage() {
  const { organizationId = '' } = useParams();
  // Keyed, so what the page said about one organization (a removal) is not shown on the next one.
  return <Organization key={organizationId} organizationId={organizationId} />;
}

function Organization({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('directory');
  const { data, loading, error, refetch } = useQuery(DirectoryOrganization, { variables: { id: organizationId } });
  useReadAgainWhenShown(refetch);
  const [outcome, onOutcome] = useMemberOutcome(refetch);
  const search = useMemberSearch(data?.organization?.members);
  usePageTitle(data?.organization?.name);
  if (replacesPage(error, !!data)) return <PageReadError error={error} namespace="directory" onRetry={refetch} />;
  if (loading && !data) return <p role="status">{t('common:loading')}</p>;
  const org = data?.organization;
  if (!org || !data) return <p role="alert">{t('organization.notFound')}</p>;
  const admin = isOrgAdmin(org);
  const viewerRole = org.viewerRole as OrgRole;
  const headers = [
    t('organization.members.name'),
    t('organization.members.email'),
    t('organization.members.role'),
    admin && t('manage.column'),
  ];
  return (
    <section className="page" aria-labelledby="organization-title">
      <h1 id="organization-title">{org.name}</h1>
      <p>
        {t('organization.details', {
          plan: t(`plans.${org.plan}`) + (org.partner ? ` · ${t('partner')}` : ''),
          role: org.viewerRole ? t(`roles.${org.viewerRole}`) : '',
        })}
      </p>
      {admin && (
        <p>
          <Link to={`/organizations/${org.id}/audit-log`}>{t('organization.auditLog')}</Link>
        </p>
      )}
      <h2>{t('organization.teams.title')}</h2>
      {org.teams.length === 0 ? (
        <p>{t('organization.teams.empty')}</p>
      ) : (
        <ul className="link-list">
          {org.teams.map((team) => (
            <li key={team.id}>
              <Link to={`/teams/${team.id}`}>{team.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {admin && <CreateTeamForm organizationId={org.id} />}
      <h2 id="members-title">{t('organization.members.title')}</h2>
      {org.viewerRole === 'GUEST' && <p>{t('organization.members.guestNote')}</p>}
      <MemberOutcome outcome={outcome} />
      {search.box}
      {org.members.length === 0 ? (
        <p>{t('organization.members.empty')}</p>
      ) : (
        <StackedTable headers={headers} labelledBy="members-title">
          {search.shown.map((m) => (
            <Row key={m.user.id} data-member={m.user.email}>
              {m.user.name}
              {m.user.email}
              {t(`roles.${m.role}`)}
              {admin &&
                (m.user.id === data.me.id ? (
                  <span className="muted">
                    {/* An admin's role is changed by an owner or admin, an owner's by another owner only; the last
                        owner's by nobody (R13.13). */}
                    {viewerRole !== 'OWNER'
                      ? t('manage.organization.self')
                      : org.members.filter((other) => other.role === 'OWNER').length > 1
                        ? t('manage.organization.selfOwner')
                        : t('manage.organization.selfLastOwner')}
                  </span>
                ) : m.role === 'OWNER' && viewerRole !== 'OWNER' ? (
                  <span className="muted">{t('manage.ownersOnly')}</span>
                ) : (
                  <OrganizationMemberControls
                    organization={org}
                    member={m}
                    viewerRole={viewerRole}
                    onOutcome={onOutcome}
                  />
                ))}
            </Row>
          ))}
        </StackedTable>
      )}
      {admin && <AddOrganizationMemberForm organizationId={org.id} viewerRole={viewerRole} members={org.members} />}
    </section>
  );
}

function CreateTeamForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('directory');
  const [name, setName] = useState('');
  const [create, { loading }] = useMutation(DirectoryCreateTeam, {
    refetchQueries: ['DirectoryOrganization', 'WorkspaceOrganizations'],
    awaitRefetchQueries: true,
  });
  const { error, done, submit } = useFormAction(async () => {
    const res = await create({ variables: { organizationId, name } });
    const outcome = res.data?.createTeam.name ?? name;
    setName('');
    return outcome;
  });
  const checks = useFormChecks<'name'>();
  return (
    <form
      ref={checks.form}
      className="card"
      noValidate
      onSubmit={checks.guard(() => (name.trim() ? {} : { name: REQUIRED }), submit)}
      aria-labelledby="create-team-title"
    >
      <h3 id="create-team-title">{t('organization.teams.create')}</h3>
      <Field
        label={t('organization.teams.name')}
        error={checks.errorOf('name', t, error ? fieldError(error.fields, 'name') : undefined)}
      >
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={LIMITS.teamName} />
      </Field>
      <FormOutcome
        error={error}
        done={done === null ? null : t('organization.teams.done', { name: done })}
        namespace="directory"
        stale={checks.failed}
      />
      <Button type="submit" variant="primary" busy={loading}>
        {t('organization.teams.submit')}
      </Button>
    </form>
  );
}

function AddOrganizationMemberForm({
  organizationId,
  viewerRole,
  members,
}: {
  organizationId: string;
  viewerRole: OrgRole;
  members: { role: OrgRole; user: { name: string; email: string } }[];
}) {
  const { t } = useTranslation('directory');
  const roles = orgRolesAssignableBy(viewerRole);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<OrgRole>('MEMBER');
  const [add, { loading }] = useMutation(DirectoryAddOrganizationMember, {
    refetchQueries: ['DirectoryOrganization'],
    awaitRefetchQueries: true,
  });
  const { error, done, submit } = useFormAction(async () => {
    const res = await add({ variables: { organizationId, email, name, role } });
    const outcome = res.data?.addOrganizationMember.name ?? name;
    setEmail('');
    setName('');
    setRole('MEMBER');
    return outcome;
  });
  // The API's add is also a role change for someone already in: "adding" a colleague with the default role would
  // demote them without a word. At Add, the form says who it is at the field and sends nothing (until the address
  // changes); roles change in the list. Checked at Add, not while typing: the list refetched after an add would
  // otherwise flag the address just added before the field is cleared.
  const [already, setAlready] = useState<{ email: string; name: string; role: OrgRole } | null>(null);
  const emailField = useRef<HTMLInputElement>(null);
  const checks = useFormChecks<'email' | 'name'>();
  const emailError = checks.errorOf(
    'email',
    t,
    already?.email === email
      ? t('organization.members.already', { name: already.name, role: t(`roles.${already.role}`) })
      : error
        ? fieldError(error.fields, 'email')
        : undefined,
  );
  return (
    <form
      ref={checks.form}
      className="card"
      noValidate
      onSubmit={(e) => {
        const wrong: Checked<'email' | 'name'> = {};
        if (!email.trim()) wrong.email = REQUIRED;
        else if (!plausibleEmail(email)) wrong.email = NOT_EMAIL;
        const existing = wrong.email
          ? undefined
          : members.find((m) => m.user.email.toLowerCase() === email.trim().toLowerCase());
        // Who it is says more than a name left empty, which the form would not send anyway.
        if (!existing && !name.trim()) wrong.name = REQUIRED;
        e.preventDefault();
        if (!checks.pass(wrong)) return;
        if (!existing) return submit(e);
        setAlready({ email, name: existing.user.name, role: existing.role });
        emailField.current?.focus();
      }}
      aria-labelledby="add-org-member-title"
    >
      <h3 id="add-org-member-title">{t('organization.members.add')}</h3>
      <p>{t('organization.members.addIntro')}</p>
      <Field label={t('organization.members.email_')} error={emailError}>
        <input
          ref={emailField}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="off"
        />
      </Field>
      <Field
        label={t('organization.members.name_')}
        error={checks.errorOf('name', t, error ? fieldError(error.fields, 'name') : undefined)}
      >
        <input
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={LIMITS.memberName}
          autoComplete="off"
        />
      </Field>
      <Field label={t('organization.members.role_')}>
        <select value={role} onChange={(e) => setRole(e.target.value as OrgRole)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <FormOutcome
        error={error}
        done={done === null ? null : t('organization.members.done', { name: done })}
        namespace="directory"
        stale={checks.failed}
      />
      <Button type="submit" variant="primary" busy={loading}>
        {t('organization.members.submit')}
      </Button>
    </form>
  );
}

// Organizations the viewer belongs to, and "Create organization" (R13.1: the creator becomes OWNER, plan FREE).
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Row, StackedTable } from '../../../components/StackedTable';
import { Field } from '../../../components/Field';
import { fieldError } from '../../../lib/errors';
import { useFormAction } from '../../../lib/use-form-action';
import { useWorkspace } from '../../../lib/workspace';
import { DirectoryCreateOrganization } from '../api/operations';
import { FormOutcome } from '../../../components/FormOutcome';
import { ReadFailure } from '../../../components/ReadFailure';
import { usePageTitle } from '../../../lib/use-page-title';
import { LIMITS } from '../../../lib/limits';
import { REQUIRED, useFormChecks } from '../../../lib/form-checks';

export function OrganizationsPage() {
  const { t } = useTranslation('directory');
  usePageTitle(t('organizations.title'));
  const { organizations, loading, failed, retry } = useWorkspace();
  const headers = ['name', 'plan', 'yourRole', 'teams'].map((column) => t(`organizations.${column}`));
  return (
    <section className="page" aria-labelledby="organizations-title">
      <h1 id="organizations-title">{t('organizations.title')}</h1>
      <p>{t('organizations.intro')}</p>
      {/* Unread is not "in no organization". */}
      {failed ? (
        <ReadFailure message={t('common:operationErrors.network')} onRetry={retry} data-workspace-failed="" />
      ) : (
        !loading && organizations.length === 0 && <p>{t('organizations.empty')}</p>
      )}
      {organizations.length > 0 && (
        <StackedTable headers={headers} labelledBy="organizations-title">
          {organizations.map((org) => (
            <Row key={org.id}>
              <Link to={`/organizations/${org.id}`}>{org.name}</Link>
              {/* One element per cell: on a phone the cell is a grid, and each child would take a place of its own. */}
              <span>
                {t(`plans.${org.plan}`)}
                {org.partner && <> · {t('partner')}</>}
              </span>
              {org.viewerRole ? t(`roles.${org.viewerRole}`) : ''}
              {/* None: an empty cell, which a phone leaves out rather than show its label beside nothing. */}
              {org.teams.length > 0 ? (
                <span>
                  {org.teams.map((team, i) => (
                    <span key={team.id}>
                      {i > 0 && ', '}
                      <Link to={`/teams/${team.id}`}>{team.name}</Link>
                    </span>
                  ))}
                </span>
              ) : null}
            </Row>
          ))}
        </StackedTable>
      )}
      <CreateOrganizationForm />
    </section>
  );
}

function CreateOrganizationForm() {
  const { t } = useTranslation('directory');
  const [name, setName] = useState('');
  const [create, { loading }] = useMutation(DirectoryCreateOrganization, {
    refetchQueries: ['WorkspaceOrganizations'],
    awaitRefetchQueries: true,
  });
  const { error, done, submit } = useFormAction(async () => {
    const res = await create({ variables: { input: { name } } });
    const outcome = res.data?.createOrganization.name ?? name;
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
      aria-labelledby="create-org-title"
    >
      <h2 id="create-org-title">{t('organizations.create.title')}</h2>
      <Field
        label={t('organizations.create.name')}
        hint={t('organizations.create.hint')}
        error={checks.errorOf('name', t, error ? fieldError(error.fields, 'input.name') : undefined)}
      >
        <input
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={LIMITS.organizationName}
          autoComplete="organization"
        />
      </Field>
      <FormOutcome
        error={error}
        done={done === null ? null : t('organizations.create.done', { name: done })}
        namespace="directory"
        stale={checks.failed}
      />
      <Button type="submit" variant="primary" busy={loading}>
        {t('organizations.create.submit')}
      </Button>
    </form>
  );
}

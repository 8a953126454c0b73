// Support staff: review pending applications (R2.1; NOT_ELIGIBLE shows the reason and leaves the application
// pending, R13.8) and set organization plans (R13.1).
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Row, StackedTable } from '../../../components/StackedTable';
import { Field } from '../../../components/Field';
import { OperationError, PageReadError } from '../../../components/OperationError';
import { ReadFailure } from '../../../components/ReadFailure';
import { readError, type ReadError } from '../../../lib/errors';
import type { Plan, SupportOrganizationsQuery } from '../../../gql/graphql';
import {
  FeatureAccessViewer,
  SupportChangePlan,
  SupportOrganizations,
  SupportPendingApplications,
  SupportReviewApplication,
} from '../api/operations';
import { usePageTitle } from '../../../lib/use-page-title';
import { useFocusWhen } from '../../../lib/use-focus-when';

const PLANS: Plan[] = ['FREE', 'CORE', 'PRO', 'TEAMS', 'ENTERPRISE'];

export function SupportPage() {
  const { t } = useTranslation('featureAccess');
  usePageTitle(t('support.title'));
  const viewer = useQuery(FeatureAccessViewer);
  if (viewer.error) return <PageReadError error={viewer.error} namespace="featureAccess" onRetry={viewer.refetch} />;
  if (!viewer.data) return <p role="status">{t('common:loading')}</p>;
  if (!viewer.data.viewer.supportStaff) {
    return (
      <section className="page" aria-labelledby="support-title">
        <h1 id="support-title">{t('support.title')}</h1>
        <p role="alert">{t('support.onlySupport')}</p>
      </section>
    );
  }
  return (
    <section className="page" aria-labelledby="support-title">
      <h1 id="support-title">{t('support.title')}</h1>
      <PendingApplications />
      <OrganizationPlans />
    </section>
  );
}

interface Outcome {
  kind: 'approved' | 'rejected' | 'error';
  name: string;
  error?: ReadError;
}

function PendingApplications() {
  const { t } = useTranslation('featureAccess');
  const { data, error, refetch } = useQuery(SupportPendingApplications, { fetchPolicy: 'cache-and-network' });
  const [review, reviewing] = useMutation(SupportReviewApplication, {
    refetchQueries: ['SupportPendingApplications'],
    awaitRefetchQueries: true,
  });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The decided row goes with the pressed button: what was done takes the focus, rather than the page's body.
  const said = useFocusWhen<HTMLDivElement>(outcome);
  const decide = async (userId: string, name: string, approve: boolean) => {
    setOutcome(null);
    try {
      await review({ variables: { userId, approve } });
      setOutcome({ kind: approve ? 'approved' : 'rejected', name });
    } catch (err) {
      setOutcome({ kind: 'error', name, error: readError(err) });
    }
  };
  const pending = data?.pendingCredentialRequestsApplications ?? [];
  return (
    <div className="card">
      <h2 id="pending-title">{t('support.pending.title')}</h2>
      <div ref={said} tabIndex={-1} data-review-outcome="">
        {outcome?.kind === 'error' && outcome.error?.code === 'NOT_ELIGIBLE' && (
          // The message already says "Not eligible: …" (the reasons in the reader's language).
          <p role="alert" className="notice notice-error" data-code="NOT_ELIGIBLE">
            {outcome.name}: {outcome.error.message}
          </p>
        )}
        {outcome?.kind === 'error' && outcome.error?.code !== 'NOT_ELIGIBLE' && outcome.error && (
          <OperationError error={outcome.error} namespace="featureAccess" />
        )}
        {outcome && outcome.kind !== 'error' && (
          <p role="status" className="notice notice-success">
            {t(`support.pending.${outcome.kind}`, { name: outcome.name })}
          </p>
        )}
      </div>
      {error && data && <OperationError error={readError(error)} namespace="featureAccess" />}
      {/* Unread is not "no pending applications". */}
      {error && !data ? (
        <ReadFailure
          message={readError(error).message}
          onRetry={() => void refetch().catch(() => undefined)}
          data-pending-unread=""
        />
      ) : !data ? (
        <p role="status">{t('common:loading')}</p>
      ) : pending.length === 0 ? (
        <p>{t('support.pending.empty')}</p>
      ) : (
        <StackedTable
          labelledBy="pending-title"
          headers={[t('support.pending.name'), t('support.pending.email'), t('support.pending.actions')]}
        >
          {pending.map((u) => (
            <Row key={u.id} data-applicant={u.email}>
              {u.name}
              {u.email}
              <div className="actions">
                <Button
                  variant="primary"
                  aria-label={t('support.pending.approve', { name: u.name })}
                  busy={reviewing.loading}
                  onClick={() => void decide(u.id, u.name, true)}
                >
                  {t('support.pending.approveShort')}
                </Button>
                <Button
                  variant="danger"
                  aria-label={t('support.pending.reject', { name: u.name })}
                  busy={reviewing.loading}
                  onClick={() => void decide(u.id, u.name, false)}
                >
                  {t('support.pending.rejectShort')}
                </Button>
              </div>
            </Row>
          ))}
        </StackedTable>
      )}
    </div>
  );
}

type SupportOrganization = SupportOrganizationsQuery['supportOrganizations'][number];

function OrganizationPlans() {
  const { t } = useTranslation('featureAccess');
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const { data, error } = useQuery(SupportOrganizations, {
    variables: { search },
    skip: search === null,
    fetchPolicy: 'network-only',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch(draft.trim());
  };
  const organizations = data?.supportOrganizations ?? [];
  return (
    <div className="card">
      <h2 id="plans-title">{t('support.plans.title')}</h2>
      <p>{t('support.plans.intro')}</p>
      <form className="toolbar" role="search" onSubmit={submit}>
        <Field label={t('support.plans.search')}>
          <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </Field>
        <Button type="submit">{t('support.plans.searchSubmit')}</Button>
      </form>
      {error && <OperationError error={readError(error)} namespace="featureAccess" />}
      {/* Always there, so that what a search found is announced (before, a screen reader heard nothing). */}
      <p role="status" data-plans-found="">
        {data &&
          (organizations.length === 0
            ? t('support.plans.empty')
            : t('support.plans.found', { count: organizations.length }))}
      </p>
      {organizations.length > 0 && (
        <StackedTable
          labelledBy="plans-title"
          headers={[
            t('support.plans.name'),
            t('support.plans.plan'),
            t('support.plans.partner'),
            { visuallyHidden: t('support.plans.save') },
          ]}
        >
          {organizations.map((org) => (
            <PlanRow key={org.id} org={org} />
          ))}
        </StackedTable>
      )}
    </div>
  );
}

function PlanRow({ org }: { org: SupportOrganization }) {
  const { t } = useTranslation('featureAccess');
  const [plan, setPlan] = useState<Plan>(org.plan);
  const [partner, setPartner] = useState(org.partner);
  // The plan as saved, not as the select shows it now (it may have been changed since, unsaved).
  const [saved, setSaved] = useState<Plan | null>(null);
  const [error, setError] = useState<ReadError | null>(null);
  const [change, { loading }] = useMutation(SupportChangePlan);
  const save = async () => {
    setSaved(null);
    setError(null);
    try {
      await change({ variables: { organizationId: org.id, plan, partner } });
      setSaved(plan);
    } catch (err) {
      setError(readError(err));
    }
  };
  return (
    <Row data-organization={org.name}>
      {org.name}
      {/* `inline-field`: the browser's own select is smaller than a pointer target may be (WCAG 2.5.8). */}
      <div className="inline-field">
        <select
          aria-label={t('support.plans.planOf', { name: org.name })}
          value={plan}
          onChange={(e) => setPlan(e.target.value as Plan)}
        >
          {PLANS.map((p) => (
            <option key={p} value={p}>
              {t(`plans.${p}`)}
            </option>
          ))}
        </select>
      </div>
      {/* The box alone is a 13 px target: its label, words included, takes the click too. */}
      <label className="inline-field check-target">
        <input
          type="checkbox"
          aria-label={t('support.plans.partnerOf', { name: org.name })}
          checked={partner}
          onChange={(e) => setPartner(e.target.checked)}
        />
        {t('support.plans.partner')}
      </label>
      <>
        <Button aria-label={t('support.plans.saveOf', { name: org.name })} busy={loading} onClick={() => void save()}>
          {t('support.plans.save')}
        </Button>
        {saved && (
          <span role="status" className="muted">
            {t('support.plans.saved', { name: org.name, plan: t(`plans.${saved}`) })}
          </span>
        )}
        {error && <OperationError error={error} namespace="featureAccess" />}
      </>
    </Row>
  );
}

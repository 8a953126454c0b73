// "How to enable the credential requests feature": apply (R2.1) and see the application's state (R13.8).
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { OperationError, PageReadError } from '../../../components/OperationError';
import { readError, type ReadError } from '../../../lib/errors';
import { FeatureAccessApply, FeatureAccessViewer } from '../api/operations';
import { usePageTitle } from '../../../lib/use-page-title';
import { useFocusWhen } from '../../../lib/use-focus-when';

export function FeatureAccessPage() {
  const { t } = useTranslation('featureAccess');
  usePageTitle(t('apply.title'));
  const { data, loading, error, refetch } = useQuery(FeatureAccessViewer);
  const [apply, applying] = useMutation(FeatureAccessApply);
  const [applyError, setApplyError] = useState<ReadError | null>(null);
  const [sent, setSent] = useState(false);
  // Apply goes with the new state: the answer takes the focus, which would otherwise fall to the page's body.
  const outcome = useFocusWhen<HTMLParagraphElement>(sent);
  if (error) return <PageReadError error={error} namespace="featureAccess" onRetry={refetch} />;
  if (loading && !data) return <p role="status">{t('common:loading')}</p>;
  if (!data) return null;
  const { user, supportStaff } = data.viewer;
  const state = user.credentialRequestsApplication;
  const canApply = state === 'NONE' || state === 'REJECTED';
  const submit = async () => {
    setApplyError(null);
    setSent(false);
    try {
      await apply();
      setSent(true);
    } catch (err) {
      setApplyError(readError(err));
    }
  };
  return (
    <section className="page" aria-labelledby="feature-access-title">
      <h1 id="feature-access-title">{t('apply.title')}</h1>
      {/* Support staff come here for the applications: their page first, before the form every user has. */}
      {supportStaff && (
        <p className="notice" data-support-link="">
          <Link to="/support">{t('support.link')}</Link>
        </p>
      )}
      <p>{t('apply.intro')}</p>
      <p>{t('apply.scope')}</p>
      <div className="card">
        <h2>{t('apply.state')}</h2>
        <p data-application={state}>{t(`apply.states.${state}`)}</p>
        {/* Always there, so that what is put in it is announced. */}
        <p ref={outcome} role="status" tabIndex={-1} data-apply-outcome="">
          {sent ? t('apply.sent') : ''}
        </p>
        {canApply && (
          <Button variant="primary" onClick={() => void submit()} busy={applying.loading}>
            {state === 'REJECTED' ? t('apply.again') : t('apply.submit')}
          </Button>
        )}
        {applyError && <OperationError error={applyError} namespace="featureAccess" />}
      </div>
    </section>
  );
}

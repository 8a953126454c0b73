// A team's webhooks (R12.6) for org owners/admins and team admins: list, register, delete. The signing secret is
// in the registration's answer only: shown once in a dialog with a copy button, kept out of Apollo's cache
// (no-cache) and dropped from memory when the dialog closes.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { OperationError, PageReadError } from '../../../components/OperationError';
import { fieldError, readError, type ReadError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useWorkspace } from '../../../lib/workspace';
import { WebhooksDelete, WebhooksRegister, WebhooksTeam } from '../api/operations';
import { DeliveryGuide } from '../components/DeliveryGuide';
import { SecretOnce } from '../components/SecretOnce';
import { usePageTitle } from '../../../lib/use-page-title';
import { useFocusWhen } from '../../../lib/use-focus-when';
import { useFormChecks } from '../../../lib/form-checks';
import { Row, StackedTable } from '../../../components/StackedTable';
import { NoWorkspace } from '../../../components/NoWorkspace';

/** `/webhooks`: the team chosen in the switcher. */
export function CurrentWebhooksPage() {
  const { t } = useTranslation('webhooks');
  usePageTitle(t('title'));
  const { teamId, loading } = useWorkspace();
  if (loading) return <p role="status">{t('common:loading')}</p>;
  if (!teamId) return <NoWorkspace title={t('title')} message={t('noTeam')} />;
  return <Webhooks key={teamId} teamId={teamId} />;
}

/** `/teams/:teamId/webhooks`. */
export function WebhooksPage() {
  const { teamId = '' } = useParams();
  return <Webhooks key={teamId} teamId={teamId} />;
}

interface Registration {
  url: string;
  signingSecret: string;
}

function Webhooks({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation('webhooks');
  usePageTitle(t('title'));
  const { data, loading, error, refetch } = useQuery(WebhooksTeam, { variables: { id: teamId } });
  const [registration, setRegistration] = useState<Registration | null>(null);
  const [toDelete, setToDelete] = useState<{ id: string; url: string } | null>(null);
  // What the last action did: registered (said once its secret's dialog closes), deleted here, or found gone (another
  // tab or admin deleted it first).
  const [done, setDone] = useState<{ said: 'registered' | 'deleted' | 'gone' } | null>(null);
  // The row and its Delete button went with the delete, the secret's dialog with its button: the focus goes to what
  // was done, not to the whole page.
  const outcome = useFocusWhen<HTMLParagraphElement>(done);
  if (error) {
    return (
      <section className="page" aria-labelledby="webhooks-title">
        <h1 id="webhooks-title">{t('title')}</h1>
        <PageReadError error={error} namespace="webhooks" onRetry={refetch} />
      </section>
    );
  }
  if (loading && !data) return <p role="status">{t('common:loading')}</p>;
  const team = data?.team;
  if (!team) return <OperationError error={{ code: 'NOT_FOUND', message: '', fields: [] }} namespace="webhooks" />;
  return (
    <section className="page" aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">{t('title')}</h1>
      <p>
        <Link to={`/teams/${team.id}`}>{t('team', { name: team.name })}</Link>
      </p>
      <p>{t('intro')}</p>
      <DeliveryGuide />
      {done && (
        <p role="status" className="notice notice-success" tabIndex={-1} ref={outcome}>
          {t(`outcome.${done.said}`)}
        </p>
      )}
      {team.webhooks.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <StackedTable
          labelledBy="webhooks-title"
          headers={[t('columns.url'), t('columns.createdAt'), t('columns.actions')]}
        >
          {team.webhooks.map((hook) => (
            <Row key={hook.id} data-webhook={hook.url}>
              <span className="break">{hook.url}</span>
              <time dateTime={hook.createdAt}>{formatDateTime(hook.createdAt, i18n.language)}</time>
              <Button
                variant="danger"
                aria-label={t('delete.label', { url: hook.url })}
                onClick={() => {
                  setDone(null);
                  setToDelete({ id: hook.id, url: hook.url });
                }}
              >
                {t('delete.button')}
              </Button>
            </Row>
          ))}
        </StackedTable>
      )}
      <RegisterForm
        teamId={team.id}
        onRegistered={(r) => {
          setDone(null);
          setRegistration(r);
        }}
      />
      <SecretOnce
        registration={registration}
        onClose={() => {
          setRegistration(null);
          setDone({ said: 'registered' });
        }}
      />
      <DeleteDialog
        webhook={toDelete}
        onClose={() => setToDelete(null)}
        onDeleted={(said) => {
          setToDelete(null);
          setDone({ said });
        }}
      />
    </section>
  );
}

function RegisterForm({ teamId, onRegistered }: { teamId: string; onRegistered: (r: Registration) => void }) {
  const { t } = useTranslation('webhooks');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<ReadError | null>(null);
  const [register, { loading }] = useMutation(WebhooksRegister, {
    fetchPolicy: 'no-cache',
    refetchQueries: ['WebhooksTeam'],
    awaitRefetchQueries: true,
  });
  const checks = useFormChecks<'url'>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const res = await register({ variables: { teamId, url } });
      const answer = res.data?.registerWebhook;
      if (answer) onRegistered({ url: answer.url, signingSecret: answer.signingSecret });
      setUrl('');
    } catch (err) {
      setError(readError(err));
    }
  };
  return (
    <form
      ref={checks.form}
      className="card"
      noValidate
      onSubmit={checks.guard(() => (url.trim() ? {} : { url: 'webhooks:register.empty' }), submit)}
      aria-labelledby="register-webhook-title"
    >
      <h2 id="register-webhook-title">{t('register.title')}</h2>
      <Field
        label={t('register.url')}
        hint={t('register.hint')}
        error={checks.errorOf('url', t, error ? fieldError(error.fields, 'url') : undefined)}
      >
        <input
          type="text"
          inputMode="url"
          autoComplete="url"
          value={url}
          onChange={(e) => {
            // What was said was about the address as it was.
            checks.forget();
            setError(null);
            setUrl(e.target.value);
          }}
          placeholder="https://"
        />
      </Field>
      {error && error.fields.length === 0 && <OperationError error={error} namespace="webhooks" />}
      <Button type="submit" variant="primary" busy={loading}>
        {t('register.submit')}
      </Button>
    </form>
  );
}

function DeleteDialog({
  webhook,
  onClose,
  onDeleted,
}: {
  webhook: { id: string; url: string } | null;
  onClose: () => void;
  onDeleted: (outcome: 'deleted' | 'gone') => void;
}) {
  const { t } = useTranslation('webhooks');
  const [error, setError] = useState<ReadError | null>(null);
  const [remove, { loading }] = useMutation(WebhooksDelete, {
    refetchQueries: ['WebhooksTeam'],
    awaitRefetchQueries: true,
  });
  const client = useApolloClient();
  const refetchList = () => client.refetchQueries({ include: ['WebhooksTeam'] });
  const confirm = async () => {
    if (!webhook) return;
    setError(null);
    try {
      await remove({ variables: { id: webhook.id } });
      onDeleted('deleted');
    } catch (err) {
      const read = readError(err);
      // Deleted meanwhile (another tab, another admin): nothing is left to do, and the list is read again.
      if (read.code === 'NOT_FOUND') {
        void refetchList().catch(() => undefined);
        onDeleted('gone');
      } else setError(read);
    }
  };
  // Cancel, Escape and the next opening alike: a refusal belongs to the webhook it was about.
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Dialog
      open={webhook !== null}
      title={t('delete.title')}
      onClose={close}
      description={<p>{t('delete.confirm', { url: webhook?.url ?? '' })}</p>}
    >
      {error && <OperationError error={error} namespace="webhooks" />}
      <div className="dialog-actions">
        <Button onClick={close}>{t('common:cancel')}</Button>
        <Button variant="danger" busy={loading} onClick={() => void confirm()}>
          {t('delete.submit')}
        </Button>
      </div>
    </Dialog>
  );
}

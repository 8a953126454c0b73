// /invitations/:token — R12.1: opening the link only shows who invites you where, for which request; joining is
// the explicit "Accept invitation" click, then the request's page. Opened under an account with another address (R4.4:
// only the invited address may accept), the page says so before the click and offers to sign in again.
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { readError } from '../../../lib/errors';
import { PageReadError } from '../../../components/OperationError';
import { WorkspaceOrganizations } from '../../../lib/workspace';
import { AcceptInvitation, InvitationPreviewQuery } from '../api/invitations';
import { usePageTitle } from '../../../lib/use-page-title';
import { useSession } from '../../../lib/session-context';
import { SwitchAccountButton } from '../components/SwitchAccountButton';

export function InvitationPage() {
  const { t } = useTranslation('requests');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const { data, loading, error, refetch } = useQuery(InvitationPreviewQuery, { variables: { token } });
  const [accept, accepting] = useMutation(AcceptInvitation, { refetchQueries: [WorkspaceOrganizations] });
  usePageTitle(t('invitation.title'));
  if (loading) return <p role="status">{t('loading', { ns: 'common' })}</p>;
  const preview = data?.invitation;
  if (!preview) {
    const failure = error ? readError(error) : null;
    return (
      <section>
        <h1>{t('invitation.title')}</h1>
        {failure?.code === null ? (
          // No answer (the network): Try again, rather than a page with neither the invitation nor a way on.
          <PageReadError error={error} namespace="requests" onRetry={refetch} />
        ) : (
          <p className="notice notice-error" role="alert">
            {failure && failure.code !== 'NOT_FOUND' ? failure.message : t('invitation.notFound')}
          </p>
        )}
      </section>
    );
  }
  const vars = { org: preview.organizationName, team: preview.teamName };
  const refused = accepting.error ? readError(accepting.error) : null;
  // Only when the addresses differ: a FORBIDDEN for another reason (accepted by another account) is not this.
  const otherAccount = !!session.email && session.email.toLowerCase() !== preview.email.toLowerCase();
  return (
    <section>
      <h1>{t('invitation.title')}</h1>
      <p>
        {preview.invitedBy
          ? t('invitation.body', { ...vars, inviter: `${preview.invitedBy.name} (${preview.invitedBy.email})` })
          : t('invitation.bodyNoInviter', vars)}
      </p>
      {preview.requestName && <p>{t('invitation.forRequest', { request: preview.requestName })}</p>}
      <p className="muted">{t('invitation.invitedAddress', { email: preview.email })}</p>
      {preview.accepted ? (
        <>
          <p className="notice notice-success">{t('invitation.accepted')}</p>
          {preview.requestId && <Link to={`/requests/${preview.requestId}`}>{t('invitation.openRequest')}</Link>}
        </>
      ) : (
        <>
          <p className="muted">{t('invitation.nothingYet')}</p>
          {refused && (
            <p className="notice notice-error" role="alert">
              {refused.message}
            </p>
          )}
          {otherAccount && (
            <p data-signed-in-as="">
              {t('invitation.otherAccount', { email: session.email, invited: preview.email })}{' '}
              <SwitchAccountButton primary />
            </p>
          )}
          <Button
            // Under another account the server refuses it (R4.4): signing in again is the way on.
            variant={otherAccount ? undefined : 'primary'}
            busy={accepting.loading}
            onClick={async () => {
              try {
                const { data: done } = await accept({ variables: { token } });
                const requestId = done?.acceptInvitation.requestId ?? preview.requestId;
                navigate(requestId ? `/requests/${requestId}` : '/requests');
              } catch {
                // shown from accepting.error
              }
            }}
          >
            {t('invitation.accept')}
          </Button>
        </>
      )}
    </section>
  );
}

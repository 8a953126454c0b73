// What a page scoped to an organization or a team shows when the switcher offers none: its heading, then what to
// do. Someone in no organization at all (just signed up, an invitation not yet accepted) has no switcher to look at,
// so "choose one above" would send them nowhere: they are pointed at their invitation or at creating one.
import { Link } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { usePageTitle } from '../lib/use-page-title';
import { useWorkspace } from '../lib/workspace';
import { ReadFailure } from './ReadFailure';

/** The sentence alone, for a page that keeps its own heading. */
export function NoWorkspaceMessage({ message }: { message: string }) {
  const { t } = useTranslation('common');
  const { organizations, failed, retry } = useWorkspace();
  // Unread is not empty: someone whose organizations could not be read is not told to create one.
  if (failed) return <ReadFailure message={t('operationErrors.network')} onRetry={retry} data-workspace-failed="" />;
  if (organizations.length > 0) return <p>{message}</p>;
  return (
    <p data-no-organization="">
      <Trans ns="common" i18nKey="workspace.none" components={{ create: <Link to="/organizations" /> }} />
    </p>
  );
}

export function NoWorkspace({ title, message }: { title: string; message: string }) {
  usePageTitle(title);
  return (
    <section>
      <h1>{title}</h1>
      <NoWorkspaceMessage message={message} />
    </section>
  );
}

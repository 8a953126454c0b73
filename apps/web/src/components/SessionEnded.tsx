// Said once the API answered UNAUTHENTICATED and the session endpoint confirmed it. Signing in again happens in a new
// tab, so that this page keeps what was typed in it (a sign-in reloads the page it ends on); coming back to this tab
// then finds the session again (useSessionReturn). In the page's frame, and in an open dialog too, whose modal makes
// the frame's link unreachable.
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { Trans } from 'react-i18next';
import { useApolloClient } from '@apollo/client/react';
import { fetchSession, signInPath } from '../lib/session';
import { useSession } from '../lib/session-context';
import { reportSessionBack, useSessionEnded } from '../lib/session-ended';

export function SessionEnded() {
  const ended = useSessionEnded();
  const location = useLocation();
  if (!ended) return null;
  return (
    <p className="notice notice-warning" role="alert" data-session-ended="">
      <Trans
        ns="common"
        i18nKey="sessionEnded"
        components={{ signin: <a href={signInPath(location)} target="_blank" rel="noopener noreferrer" /> }}
      />
    </p>
  );
}

/**
 * Once the session ended, each return to this tab asks whether there is one again: the same person, and the page goes
 * on (what failed is read again; what was typed is still there); someone else, and the page is loaded again for them,
 * rather than act in the name of the person who was signed in when it opened.
 */
export function useSessionReturn(): void {
  const ended = useSessionEnded();
  const { email } = useSession();
  const client = useApolloClient();
  useEffect(() => {
    if (!ended) return;
    const check = () => {
      if (document.visibilityState !== 'visible') return;
      void fetchSession()
        .then((session) => {
          if (!session.signedIn) return;
          if (session.email !== email) return window.location.reload();
          keepFocusOffTheNotice();
          reportSessionBack();
          void client.refetchObservableQueries().catch(() => undefined);
        })
        .catch(() => undefined);
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [ended, email, client]);
}

/**
 * The notice goes once the session is back: a focus on its link (where it was left to sign in) would fall to the page's
 * body. It goes to the heading of what the notice was in instead, the open dialog's or the page's.
 */
function keepFocusOffTheNotice(): void {
  const notice = document.activeElement?.closest('[data-session-ended]');
  if (!notice) return;
  const heading = (notice.closest('dialog') ?? document.querySelector('main'))?.querySelector<HTMLElement>('h1, h2');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}

// Every page but sign-in needs a session: a signed-out visitor goes to /signin and comes back to the same path
// (with its query) afterwards.
import { useCallback, useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchSession, safeReturnTo, signInPath, type Session } from '../lib/session';
import { SessionContext } from '../lib/session-context';
import { ReadFailure } from '../components/ReadFailure';

const again = () => new Promise<void>((resolve) => setTimeout(resolve, 1000)).then(fetchSession);

export function RequireAuth() {
  const location = useLocation();
  const { t } = useTranslation('common');
  // 'unread': the session could not be asked about (twice, a second apart), which says nothing of whether there is one.
  const [session, setSession] = useState<Session | 'unread' | null>(null);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setSession(null);
    setAttempt((n) => n + 1);
  }, []);
  useEffect(() => {
    let live = true;
    fetchSession()
      .catch(again)
      .then(
        (s) => live && setSession(s),
        () => live && setSession('unread'),
      );
    return () => {
      live = false;
    };
  }, [attempt]);
  if (session === 'unread')
    return (
      <main id="main" className="page-loading">
        <ReadFailure message={t('operationErrors.network')} onRetry={retry} data-session-unread="" />
      </main>
    );
  if (!session)
    return (
      <p className="page-loading" role="status">
        {t('loading')}
      </p>
    );
  if (!session.signedIn) {
    // The server sends a failed sign-in back to /?signin=error&reason=…
    const params = new URLSearchParams(location.search);
    if (params.get('signin') === 'error') {
      // With the page the sign-in was for (an invitation's link): trying again goes back there.
      const back = safeReturnTo(params.get('returnTo'));
      return <Navigate to={signInPath(back, params.get('reason') ?? 'error')} replace />;
    }
    return <Navigate to={signInPath(location)} replace />;
  }
  return (
    <SessionContext.Provider value={session}>
      <Outlet />
    </SessionContext.Provider>
  );
}

// Every page but sign-in needs a session: a signed-out visitor goes to /signin and comes back to the same path
// (with its query) afterwards.
import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchSession, safeReturnTo, signInPath, type Session } from '../lib/session';
import { SessionContext } from '../lib/session-context';

export function RequireAuth() {
  const location = useLocation();
  const { t } = useTranslation('common');
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    let live = true;
    fetchSession()
      .then((s) => live && setSession(s))
      .catch(() => live && setSession({ signedIn: false }));
    return () => {
      live = false;
    };
  }, []);
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

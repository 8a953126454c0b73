// Said once the API answered UNAUTHENTICATED and the session endpoint confirmed it: signing in again comes back to
// this page. In the page's frame, and in an open dialog too, whose modal makes the frame's link unreachable.
import { Link, useLocation } from 'react-router';
import { Trans } from 'react-i18next';
import { signInPath } from '../lib/session';
import { useSessionEnded } from '../lib/session-ended';

export function SessionEnded() {
  const ended = useSessionEnded();
  const location = useLocation();
  if (!ended) return null;
  return (
    <p className="notice notice-warning" role="alert" data-session-ended="">
      <Trans ns="common" i18nKey="sessionEnded" components={{ signin: <Link to={signInPath(location)} /> }} />
    </p>
  );
}

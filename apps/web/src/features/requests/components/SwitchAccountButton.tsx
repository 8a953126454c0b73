// Signs out and back in for the same page: a link from an e-mail opened under another account (a shared computer,
// a work and a personal address) is the most common reason a person cannot open what was sent to them.
import { useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { signInPath, signOut } from '../../../lib/session';

export function SwitchAccountButton({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation('requests');
  const location = useLocation();
  // Not signed out (the service out of reach): the sign-in page would only open under the same account.
  const [failed, setFailed] = useState(false);
  const switchAccount = () => {
    setFailed(false);
    void signOut().then((done) => (done ? window.location.assign(signInPath(location)) : setFailed(true)));
  };
  return (
    <>
      <Button type="button" variant={primary ? 'primary' : undefined} onClick={switchAccount}>
        {t('details.switchAccount')}
      </Button>
      {failed && (
        <p className="notice notice-error" role="alert">
          {t('signOutFailed', { ns: 'common' })}
        </p>
      )}
    </>
  );
}

// Signs out and back in for the same page: a link from an e-mail opened under another account (a shared computer,
// a work and a personal address) is the most common reason a person cannot open what was sent to them.
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { signInPath, signOut } from '../../../lib/session';

export function SwitchAccountButton({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation('requests');
  const location = useLocation();
  const switchAccount = () => void signOut().then(() => window.location.assign(signInPath(location)));
  return (
    <Button type="button" variant={primary ? 'primary' : undefined} onClick={switchAccount}>
      {t('details.switchAccount')}
    </Button>
  );
}

// A request the viewer cannot see. The API does not say whether it exists (R7.1), but the most common cause is
// worth naming: a link from an e-mail opened under another account (a shared computer, a work and a personal
// address). The page says whose account this is and signs in again for the same link. A request the page showed a
// moment ago and no longer finds was deleted, or the viewer's access ended (both live): the page says that instead.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReadError } from '../../../lib/errors';
import { useSession } from '../../../lib/session-context';
import { SwitchAccountButton } from './SwitchAccountButton';

/** `failure`: why the request could not be read (null: the answer had no request); `gone`: its name, if shown before. */
export function RequestNotVisible({ failure, gone }: { failure: ReadError | null; gone: string | null }) {
  const { t } = useTranslation('requests');
  const session = useSession();
  // The page that was there (and the button someone was on) is gone: the focus goes to this one's heading, from
  // where a screen reader reads what happened, instead of falling to the body.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) heading.current?.focus();
  }, []);
  const hidden = !failure || failure.code === 'NOT_FOUND';
  if (hidden && gone !== null) {
    return (
      <section>
        <h1 ref={heading} tabIndex={-1}>
          {gone}
        </h1>
        <p className="notice" role="status" data-gone="">
          {t('details.gone', { name: gone })}
        </p>
        <Link to="/requests">{t('details.back')}</Link>
      </section>
    );
  }
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>
        {t('list.heading')}
      </h1>
      <p className="notice notice-error" role="alert">
        {hidden ? t('details.notFound') : failure.message}
      </p>
      {hidden && session.email && (
        <p data-signed-in-as="">
          {t('details.signedInAs', { email: session.email })} <SwitchAccountButton />
        </p>
      )}
      <Link to="/requests">{t('details.back')}</Link>
    </section>
  );
}

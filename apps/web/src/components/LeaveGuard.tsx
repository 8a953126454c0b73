// What a person typed and has not sent is not thrown away by a stray Back or a link: leaving the page asks first. (Not
// a reload: the browser's own question would also stop every scripted navigation of a page with a draft.)
// `back`: the page's own earlier step (a form's first step), which the browser's Back goes to instead of leaving.
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Dialog } from './Dialog';

export function LeaveGuard({ when, back }: { when: boolean; back?: (() => void) | null }) {
  const { t } = useTranslation('common');
  const action = useRef<string | null>(null);
  const blocker = useBlocker(({ currentLocation, nextLocation, historyAction }) => {
    action.current = historyAction;
    return when && currentLocation.pathname !== nextLocation.pathname;
  });
  const blocked = blocker.state === 'blocked';
  const stepping = blocked && action.current === 'POP' && !!back;
  useEffect(() => {
    if (!stepping) return;
    back?.();
    blocker.reset?.();
  }, [stepping, back, blocker]);
  const stay = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={blocked && !stepping}
      title={t('leave.title')}
      onClose={() => blocker.reset?.()}
      initialFocus={stay}
      description={<p>{t('leave.body')}</p>}
    >
      <div className="dialog-actions">
        <Button ref={stay} variant="primary" onClick={() => blocker.reset?.()}>
          {t('leave.stay')}
        </Button>
        <Button variant="danger" onClick={() => blocker.proceed?.()}>
          {t('leave.leave')}
        </Button>
      </div>
    </Dialog>
  );
}

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
  // Decided when the navigation is blocked, and kept until it is let go: the step back renders before the blocker's
  // reset does, and the dialog must not open in between (it would take the focus).
  const stepBack = useRef<(() => void) | null>(null);
  const blocker = useBlocker(({ currentLocation, nextLocation, historyAction }) => {
    const block = when && currentLocation.pathname !== nextLocation.pathname;
    stepBack.current = block && historyAction === 'POP' && back ? back : null;
    return block;
  });
  const blocked = blocker.state === 'blocked';
  useEffect(() => {
    if (blocker.state !== 'blocked' || !stepBack.current) return;
    stepBack.current();
    blocker.reset();
  }, [blocker]);
  const stay = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={blocked && !stepBack.current}
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

// What the last member action said, above the members table: a removal (its row is gone) or a refusal other than a
// field's (the page was stale: it fetches the members again, and the row's controls may go with it). A refusal takes
// the focus; a removal only when no other member's controls could take it, so that removing someone far down a long
// list does not scroll the page back to its top.
import { useCallback, useState } from 'react';
import { useFocusWhen } from '../../../lib/use-focus-when';
import { useTranslation } from 'react-i18next';
import { FormOutcome } from '../../../components/FormOutcome';
import type { ReadError } from '../../../lib/errors';

/** What was removed, worded when shown: the language may change while it is on the page. */
export interface Removed {
  scope: 'organization' | 'team';
  name: string;
  place: string;
}

export type MemberOutcomeValue =
  /** `focusPlaced`: another member's controls took the focus from the row that went. */
  | { removed: Removed; focusPlaced?: boolean; error?: undefined }
  | { error: ReadError; removed?: undefined; focusPlaced?: undefined };

export function MemberOutcome({ outcome }: { outcome: MemberOutcomeValue | null }) {
  const { t } = useTranslation('directory');
  const region = useFocusWhen<HTMLDivElement>(outcome, !!outcome?.focusPlaced);
  return (
    // Polite and always there: a removal that leaves the focus on another row is still heard (a status region created
    // with its text is not announced by every screen reader).
    <div ref={region} tabIndex={-1} className="member-outcome" data-member-outcome="" aria-live="polite">
      <FormOutcome
        error={outcome?.error ?? null}
        done={
          outcome?.removed
            ? t(`manage.${outcome.removed.scope}.removed`, { name: outcome.removed.name, place: outcome.removed.place })
            : null
        }
        namespace="directory"
      />
      {outcome?.error && <p className="muted">{t('manage.refreshed')}</p>}
    </div>
  );
}

/** The page's last member outcome; a refusal also fetches the members again (`refetch`, the page's query). */
export function useMemberOutcome(refetch: () => Promise<unknown>) {
  const [outcome, setOutcome] = useState<MemberOutcomeValue | null>(null);
  const onOutcome = useCallback(
    (next: MemberOutcomeValue) => {
      setOutcome(next);
      if (next.error) void refetch().catch(() => undefined);
    },
    [refetch],
  );
  return [outcome, onOutcome] as const;
}

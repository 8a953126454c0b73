// A long members table (an organization of eighty people) is found in by name or e-mail, not by scrolling a page of
// 8,000 px: the rows are all read already, so the filter is the page's own. Shown from more than ten members.
import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

const SHOWN_FROM = 11;

/** `members` narrowed to what the box says, and the box itself (with what it found, said in a status region). */
export function useMemberSearch<M extends { user: { name: string; email: string } }>(
  /** undefined while the page's read is on its way (the hook runs before the page knows) */
  members: readonly M[] | undefined,
): { shown: readonly M[]; box: ReactElement | null } {
  const { t } = useTranslation('directory');
  const [text, setText] = useState('');
  const id = useId();
  if (!members || members.length < SHOWN_FROM) return { shown: members ?? [], box: null };
  const wanted = text.trim().toLocaleLowerCase();
  const shown = wanted
    ? members.filter((m) => `${m.user.name}\n${m.user.email}`.toLocaleLowerCase().includes(wanted))
    : members;
  return {
    shown,
    box: (
      <div className="toolbar member-search" role="search">
        <div className="field">
          <label htmlFor={id}>{t('memberSearch.label')}</label>
          <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <p className="muted" role="status" data-member-count="">
          {wanted
            ? t('memberSearch.found', { count: shown.length, total: members.length })
            : t('memberSearch.all', { count: members.length })}
        </p>
      </div>
    ),
  };
}

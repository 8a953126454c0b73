// A member's row controls (R13.13): change the role, remove after an inline confirmation. The API has the last word
// (last owner: CONFLICT, own role: FORBIDDEN); the pages only leave out controls that could never succeed.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { FormOutcome } from '../../../components/FormOutcome';
import { fieldError, readError } from '../../../lib/errors';
import { useFormAction } from '../../../lib/use-form-action';
import type { MemberOutcomeValue } from './MemberOutcome';

export interface MemberControlsProps<R extends string> {
  scope: 'organization' | 'team';
  /** the person's name, in every label: a screen reader reaches a control without the row around it */
  name: string;
  /** the organization's or team's name, for the confirmation */
  place: string;
  role: R;
  /** The roles offered; none: the role is not the page's to change, and `roleNote` says why. */
  roles: readonly R[];
  roleNote?: string;
  busy: boolean;
  changeRole: (role: R) => Promise<unknown>;
  remove: () => Promise<unknown>;
  /**
   * Said by the page, above the table: a removal (the row is gone once refetched) and a refusal that is not a field's
   * (the page was stale: it fetches the members again, which may take this row's controls away). Field errors and a
   * role changed stay in the row.
   */
  onOutcome: (outcome: MemberOutcomeValue) => void;
}

export function MemberControls<R extends string>(props: MemberControlsProps<R>) {
  const { scope, name, place, role, roles, roleNote, busy, changeRole, remove, onOutcome } = props;
  const { t } = useTranslation('directory');
  const [next, setNext] = useState<R>(role);
  const [pressedUnchanged, setPressedUnchanged] = useState(false);
  // The select shows the role as it is whenever the page learns it (a refetch after anyone's change); "already that
  // role" was said of the role before.
  useEffect(() => {
    setNext(role);
    setPressedUnchanged(false);
  }, [role]);
  const [confirming, setConfirming] = useState(false);
  const [last, setLast] = useState<'role' | 'remove'>('role');
  /** The page took the outcome (and the focus, `MemberOutcome`): closing the confirmation leaves the focus there. */
  const toldPage = useRef(false);
  const tell = (outcome: MemberOutcomeValue) => {
    toldPage.current = true;
    onOutcome(outcome);
  };
  // A refusal that names no field goes to the page (and is thrown on, so the row shows nothing of its own).
  const toPage = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      const read = readError(error);
      if (read.fields.length === 0) tell({ error: read });
      throw error;
    }
  };
  const change = useFormAction(async () => {
    try {
      await toPage(() => changeRole(next));
    } catch (error) {
      // A refused choice must not stay selected: it would look applied, and the next click would send it again.
      setNext(role);
      throw error;
    }
    return next;
  });
  const root = useRef<HTMLDivElement>(null);
  const removal = useFormAction(async () => {
    // The row goes: the focus goes to the next member's controls (or the one before), where the person was working
    // down the list. The page's notice says what was done (a status region) without taking the focus to the top.
    // Found now: once answered, the members read again may have taken this row already.
    const near = controlsNear(root.current?.closest('tr'));
    try {
      await toPage(remove);
    } finally {
      setConfirming(false);
    }
    near?.focus();
    tell({ removed: { scope, name, place }, focusPlaced: !!near });
    return true;
  });
  // Change role with the select on the role they have would send nothing new, yet say the role "is now" it: the
  // button is unavailable then, and says why (to a screen reader at once, on screen when pressed anyway).
  const unchanged = next === role;
  const sameRoleId = useId();
  const outcome = last === 'role' ? change : removal;
  const inputError = outcome.error
    ? (fieldError(outcome.error.fields, 'userId') ?? fieldError(outcome.error.fields, 'role'))
    : undefined;
  const errorId = useId();
  const questionId = useId();
  const consequenceId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Focus follows the confirmation: onto Cancel (the harmless choice) when it opens, back to Remove when cancelled.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (wasConfirming.current && !toldPage.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  // A second submit while sending never gets here: the busy submit button cancels its own press (Button).
  const submitWith =
    (action: { submit: (e: FormEvent) => Promise<void> }, which: 'role' | 'remove') => (e: FormEvent) => {
      setLast(which);
      return action.submit(e);
    };

  return (
    <div className="member-controls" ref={root}>
      {roleNote && <span className="muted">{roleNote}</span>}
      {roles.length > 0 && (
        <form
          className="inline-field"
          onSubmit={(e) => {
            if (!unchanged) return submitWith(change, 'role')(e);
            e.preventDefault();
            setPressedUnchanged(true);
          }}
        >
          <select
            aria-label={t(`manage.${scope}.roleOf`, { name })}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={inputError ? errorId : undefined}
            value={next}
            onChange={(e) => {
              setNext(e.target.value as R);
              setPressedUnchanged(false);
            }}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <Button
            type="submit"
            aria-label={t('manage.changeRoleOf', { name })}
            busy={busy}
            aria-disabled={busy || unchanged || undefined}
            aria-describedby={unchanged ? sameRoleId : undefined}
          >
            {t('manage.changeRole')}
          </Button>
          {unchanged && (
            <span id={sameRoleId} className={pressedUnchanged ? 'muted' : 'visually-hidden'}>
              {t('manage.sameRole', { name, role: t(`roles.${role}`) })}
            </span>
          )}
        </form>
      )}
      {confirming ? (
        <form
          className="inline-field"
          aria-labelledby={questionId}
          aria-describedby={consequenceId}
          onSubmit={submitWith(removal, 'remove')}
        >
          <strong id={questionId}>{t(`manage.${scope}.confirm`, { name, place })}</strong>
          <span id={consequenceId} className="muted">
            {t(`manage.${scope}.consequence`)}
          </span>
          <Button type="submit" variant="danger" className="btn-solid" busy={busy}>
            {t('manage.remove')}
          </Button>
          <Button ref={cancel} onClick={() => setConfirming(false)}>
            {t('manage.cancel')}
          </Button>
        </form>
      ) : (
        <Button
          ref={opener}
          variant="danger"
          aria-label={t('manage.removeOf', { name })}
          onClick={() => {
            toldPage.current = false;
            setConfirming(true);
          }}
        >
          {t('manage.remove')}
        </Button>
      )}
      {inputError && (
        <p id={errorId} role="alert" className="field-error">
          {inputError}
        </p>
      )}
      <FormOutcome
        error={null /* a field's error is `inputError` above; any other went to the page */}
        done={
          last === 'role' && change.done !== null
            ? t('manage.roleChanged', { name, role: t(`roles.${change.done}`) })
            : null
        }
        namespace="directory"
      />
    </div>
  );
}

/** The first control of the nearest other row that has one, after `row` first, then before it. */
function controlsNear(row: Element | null | undefined): HTMLElement | null {
  for (const step of ['nextElementSibling', 'previousElementSibling'] as const) {
    for (let other = row?.[step]; other; other = other[step]) {
      const control = other.querySelector<HTMLElement>('.member-controls select, .member-controls button');
      if (control) return control;
    }
  }
  return null;
}

// Forms check what the browser would (`noValidate`): the browser says it in its own language, not the page's, in a
// bubble that no field keeps. Said at the field instead, from the catalogues, and nothing is sent.
import { useEffect, useRef, useState, type FormEvent } from 'react';

/** What is wrong, by field: a catalogue key each, translated when shown (the language may change meanwhile). */
export type Checked<F extends string> = Partial<Record<F, string>>;

export const REQUIRED = 'common:fieldErrors.required';
export const NOT_EMAIL = 'common:fieldErrors.email';

/** Something, one @, a domain with a dot: a plainly malformed address is said here, the server decides the rest. */
export const plausibleEmail = (value: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim());

/**
 * The last check of a form. `pass` keeps what is wrong and answers whether the form may be sent; when not, the first
 * wrong field (in the form's order) takes the focus once its error is on screen, so that its description says it.
 */
export function useFormChecks<F extends string>() {
  const [checked, setChecked] = useState<Checked<F>>({});
  const form = useRef<HTMLFormElement>(null);
  const focusFirstWrong = useRef(false);
  useEffect(() => {
    if (!focusFirstWrong.current) return;
    focusFirstWrong.current = false;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
  const pass = (wrong: Checked<F>) => {
    const ok = Object.keys(wrong).length === 0;
    focusFirstWrong.current = !ok;
    setChecked(wrong);
    return ok;
  };
  /** The form's onSubmit: `submit` runs only when `wrong()` finds nothing. */
  const guard =
    (wrong: () => Checked<F>, submit: (e: FormEvent) => unknown) =>
    (e: FormEvent): void => {
      if (pass(wrong())) void submit(e);
      else e.preventDefault();
    };
  const failed = Object.keys(checked).length > 0;
  /**
   * A field's error: what the check found (a catalogue key, said by `t`), else what the server said. Not the server's
   * once a check stopped a press: it was about the values sent before, and would take the focus from the wrong field.
   */
  const errorOf = (field: F, t: (key: string) => string, server: string | undefined) =>
    checked[field] ? t(checked[field] as string) : failed ? undefined : server;
  /** What was found is about the values as they were: for a form that forgets it once a field changes. */
  const forget = () => setChecked({});
  return { form, checked, failed, pass, guard, errorOf, forget };
}

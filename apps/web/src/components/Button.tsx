import type { ComponentProps } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'link';

/**
 * `busy`: its action is under way. Not `disabled`: a disabled button drops the focus of whoever just pressed it (to
 * the page's body, where a screen reader starts over). A busy one keeps the focus, says it is unavailable, and a
 * second press (or Enter in its form, which presses the submit button) does nothing.
 */
export function Button({
  variant = 'secondary',
  className,
  type = 'button',
  busy,
  onClick,
  ...props
}: ComponentProps<'button'> & { variant?: Variant; busy?: boolean }) {
  return (
    <button
      type={type}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
      aria-disabled={busy || undefined}
      onClick={(e) => {
        if (busy) e.preventDefault();
        else onClick?.(e);
      }}
      {...props}
    />
  );
}

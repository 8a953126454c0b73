import type { ComponentProps } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'link';

export function Button({
  variant = 'secondary',
  className,
  type = 'button',
  ...props
}: ComponentProps<'button'> & { variant?: Variant }) {
  return <button type={type} className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')} {...props} />;
}

import { useTranslation } from 'react-i18next';

/** "12 / 256 characters", announced politely when it changes. */
export function CharCount({ value, max }: { value: string; max: number }) {
  const { t } = useTranslation('requests');
  return (
    <span className={value.length > max ? 'field-error' : 'field-hint'} aria-live="polite">
      {t('create.counter', { count: value.length, max })}
    </span>
  );
}

import { useTranslation } from 'react-i18next';

/**
 * "12 / 256 characters", read with the field it describes (the field's hint): not a live region, which would speak on
 * every keystroke over what is typed. Past the limit the field's own error says so.
 */
export function CharCount({ value, max }: { value: string; max: number }) {
  const { t } = useTranslation('requests');
  return (
    <span className={value.length > max ? 'field-error' : 'field-hint'}>
      {t('create.counter', { count: value.length, max })}
    </span>
  );
}

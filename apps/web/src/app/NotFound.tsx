import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation('common');
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <Link to="/requests">{t('notFound.back')}</Link>
    </section>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The tab's title, "<page> · Credential requests", in the page's language (WCAG 2.4.2), set again when the language
 * changes. Every route sets one: a page without it would keep the English title of index.html or the last page's.
 */
export function usePageTitle(page: string | null | undefined): void {
  const { t } = useTranslation('common');
  const app = t('appName');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}

// What a page that failed shows, instead of the router's developer page. Most often its code could not be loaded: the
// service was deployed anew while this tab was open, and the old build's files are gone (a click on Details then
// asks for a file that no longer exists). Only a reload fetches the new build; the person decides when, since a
// form on another tab of theirs may hold what they typed.
import { useEffect } from 'react';
import { Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { usePageTitle } from '../lib/use-page-title';

/** The messages browsers give a dynamic import that failed (Chromium, Firefox, Safari), and Vite's preload. */
const NOT_LOADED = [
  /dynamically imported module/i,
  /Importing a module script failed/i,
  /Unable to preload CSS/i,
  /error loading dynamically imported module/i,
];

export const isCodeNotLoaded = (error: unknown): boolean =>
  error instanceof Error && NOT_LOADED.some((pattern) => pattern.test(error.message));

export function RouteError() {
  const { t } = useTranslation('common');
  const error = useRouteError();
  const notLoaded = isCodeNotLoaded(error);
  useEffect(() => {
    if (!isCodeNotLoaded(error)) console.error(error);
  }, [error]);
  const title = t(notLoaded ? 'routeError.notLoadedTitle' : 'routeError.title');
  usePageTitle(title);
  return (
    <section data-route-error="">
      <h1>{title}</h1>
      <p>{t(notLoaded ? 'routeError.notLoaded' : 'routeError.body')}</p>
      <div className="actions">
        <Button variant="primary" onClick={() => location.reload()}>
          {t('routeError.reload')}
        </Button>
        <Link to="/requests">{t('notFound.back')}</Link>
      </div>
    </section>
  );
}

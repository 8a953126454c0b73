// The signed-in frame: skip link, header (navigation from the features, organization/team switch, language,
// sign-out) and the page.
import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signOut } from '../lib/session';
import { useSession } from '../lib/session-context';
import { useWorkspace, WorkspaceProvider } from '../lib/workspace';
import { features } from './features';
import { LanguageSwitch } from './LanguageSwitch';
import { WorkspaceSwitch } from './WorkspaceSwitch';

export function Layout() {
  const { t } = useTranslation('common');
  const session = useSession();
  return (
    <WorkspaceProvider>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-title">{t('appName')}</div>
        <AppNav />
        <div className="app-tools">
          <WorkspaceSwitch />
          <LanguageSwitch />
          <span className="app-user">{session.name ?? session.email}</span>
          <button
            type="button"
            className="btn btn-link"
            onClick={() => void signOut().then(() => location.assign('/signin'))}
          >
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </WorkspaceProvider>
  );
}

/** The features' pages, less those the organization's guests may not open. */
function AppNav() {
  const { t } = useTranslation('common');
  const guest = useWorkspace().organization?.viewerRole === 'GUEST';
  return (
    <nav aria-label={t('nav.label')} className="app-nav">
      <ul>
        {features.flatMap((f) =>
          (f.nav ?? [])
            .filter((item) => !(guest && item.hiddenFromGuests))
            .map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{t(item.label, { ns: f.namespace })}</NavLink>
              </li>
            )),
        )}
      </ul>
    </nav>
  );
}

// The signed-in frame: skip link, header (navigation from the features, organization/team switch, language,
// sign-out) and the page. On a phone the navigation and the switches fold behind a Menu button, so that the page
// starts on the first screen (disclosure pattern: the button says whether it is open).
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SessionEnded, useSessionReturn } from '../components/SessionEnded';
import { signOut } from '../lib/session';
import { useSession } from '../lib/session-context';
import { isOrgAdmin, useWorkspace, WorkspaceProvider } from '../lib/workspace';
import { features } from './features';
import { LanguageSwitch } from './LanguageSwitch';
import { WorkspaceSwitch } from './WorkspaceSwitch';

export function Layout() {
  const { t } = useTranslation('common');
  const session = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  // Signing out while the service is out of reach changes nothing: said, rather than a click that does nothing.
  const [signOutFailed, setSignOutFailed] = useState(false);
  useSessionReturn();
  const { pathname } = useLocation();
  // A link followed from the menu closes it: the new page starts on the first screen too.
  useEffect(() => setMenuOpen(false), [pathname]);
  // After a link or a redirect has replaced the page, the focus would stay on a link that is gone (or on the body),
  // and a screen reader would say nothing: it moves to the new page's heading, as a page load would start there.
  // Not on the first render (the browser's own start), nor for a change of the query string alone (tabs, filters,
  // pages of a list keep the focus where the person is).
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    return focusPageStart(main.current);
  }, [pathname]);
  const header = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  // An open menu covers the page's start: Escape closes it (the focus back on Menu, not lost with a hidden link),
  // and so does a click anywhere outside the header, as people expect of a menu. A click, not a pointerdown: closing
  // moves the page up, and on pointerdown the link under the finger would move away before the click landed. Tabbing
  // on past it into the page closes it too: the person has left it, and an Escape meant for the page must not then
  // pull their focus back up to Menu. Only a focus the keyboard moved: a tap focuses before its click lands (after
  // pointerup, on touch), and closing then would move the page under the finger.
  useEffect(() => {
    if (!menuOpen) return;
    let byKeyboard = false;
    const outside = (target: EventTarget | null) => !header.current?.contains(target as Node);
    const onKey = (event: KeyboardEvent) => {
      byKeyboard = true;
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      setMenuOpen(false);
      toggle.current?.focus();
    };
    const onPointer = () => {
      byKeyboard = false;
    };
    const onClick = (event: MouseEvent) => {
      if (outside(event.target)) setMenuOpen(false);
    };
    const onFocus = (event: FocusEvent) => {
      if (byKeyboard && outside(event.target)) setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('click', onClick);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('click', onClick);
      document.removeEventListener('focusin', onFocus);
    };
  }, [menuOpen]);
  return (
    <WorkspaceProvider>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header ref={header} className="app-header" data-menu={menuOpen ? 'open' : 'closed'}>
        <div className="app-title">{t('appName')}</div>
        <button
          ref={toggle}
          type="button"
          className="btn menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="app-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('nav.menu')}
        </button>
        <div id="app-menu" className="app-menu">
          <AppNav />
          <div className="app-tools">
            <WorkspaceSwitch />
            <LanguageSwitch />
            <span className="app-user">{session.name ?? session.email}</span>
            <button
              type="button"
              className="btn btn-link"
              onClick={() => {
                setSignOutFailed(false);
                void signOut().then((done) => (done ? location.assign('/signin') : setSignOutFailed(true)));
              }}
            >
              {t('nav.signOut')}
            </button>
          </div>
        </div>
      </header>
      <main ref={main} id="main" className="app-main" tabIndex={-1}>
        <SessionEnded />
        {signOutFailed && (
          <p className="notice notice-error" role="alert" data-sign-out-failed="">
            {t('signOutFailed')}
          </p>
        )}
        <Outlet />
      </main>
    </WorkspaceProvider>
  );
}

/**
 * The page's first heading, else the main region until the heading comes (a page that reads its data first shows
 * it later). A page that focuses something itself on arrival (an action named in the link) does so in its own
 * effects, which run before this one: it keeps that focus. Returns what stops the watch.
 */
function focusPageStart(main: HTMLElement | null): () => void {
  const active = document.activeElement;
  if (!main || (active && active !== document.body && active !== main && main.contains(active))) return () => {};
  const heading = main.querySelector<HTMLElement>('h1');
  if (heading) {
    focusHeading(heading);
    return () => {};
  }
  main.focus();
  const watch = new MutationObserver(() => {
    const late = main.querySelector<HTMLElement>('h1');
    if (!late) return;
    watch.disconnect();
    if (document.activeElement === main) focusHeading(late);
  });
  watch.observe(main, { childList: true, subtree: true });
  const timer = setTimeout(() => watch.disconnect(), 30_000);
  return () => {
    clearTimeout(timer);
    watch.disconnect();
  };
}

function focusHeading(heading: HTMLElement): void {
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/**
 * The features' pages. The support staff's page is left out for anyone else; the admins' pages (audit log,
 * webhooks) for someone who administers neither the organization nor one of its teams. Those that need a team are
 * left out for the organization's guests, who may not open them, and for someone in no organization yet (an outside
 * recipient on the invitation, before accepting), for whom they would only say so.
 */
function AppNav() {
  const { t } = useTranslation('common');
  const { organization, loading, failed } = useWorkspace();
  const teamless = organization?.viewerRole === 'GUEST' || (!loading && !failed && organization === null);
  const { supportStaff } = useSession();
  const admin = isOrgAdmin(organization) || !!organization?.teams.some((team) => team.viewerRole === 'ADMIN');
  return (
    <nav aria-label={t('nav.label')} className="app-nav">
      <ul>
        {features.flatMap((f) =>
          (f.nav ?? [])
            .filter(
              (item) =>
                !(teamless && item.needsTeam) &&
                (!item.supportOnly || supportStaff) &&
                (!item.needsAdmin || admin || loading || failed),
            )
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
